import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { OWN_UI_ATTRIBUTE } from '../scan/exclusions';
import { CARD_CSS } from './card-styles';
import { CardView, type CardViewProps } from './card-view';

/**
 * The card's home: one element on the page with a closed shadow root, so the page's CSS and
 * scripts cannot reach into it, and everything inside is rendered by Preact as plain text.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private anchor: Range | null = null;

  get element(): HTMLElement | null {
    return this.host;
  }

  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  private ensure(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = document.createElement('backstory-card');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    // Inline and !important: the host lives in the page's light DOM, where page CSS could reach it.
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    host.style.setProperty('top', '0', 'important');
    host.style.setProperty('left', '0', 'important');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    document.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }

  show(anchor: Range, props: CardViewProps): void {
    this.anchor = anchor;
    render(h(CardView, props), this.ensure());
    void this.place();
  }

  private async place(): Promise<void> {
    const host = this.host;
    const anchor = this.anchor;
    if (!host || !anchor) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    const { x, y } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    });
    host.style.setProperty(
      'transform',
      `translate(${Math.round(x)}px, ${Math.round(y)}px)`,
      'important',
    );
  }

  hide(): void {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.mount = null;
    this.anchor = null;
  }
}
