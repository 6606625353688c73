import { render, type ComponentChild } from 'preact';
import { OWN_UI_ATTRIBUTE } from '../scan/exclusions';
import { trackAnchor } from './card-position';
import { CARD_CSS } from './card-styles';
import { TITLE_ID } from './card-chrome';

export interface CardHostEvents {
  /** Esc while the card is open, wherever the focus is. */
  onEscape(): void;
  /** A pointer went down on the page outside the card. */
  onPointerOutside(): void;
  /** The mention's text left the page. */
  onAnchorLost(): void;
}

/**
 * The card's home: one element on the page with a closed shadow root, so the page's CSS and
 * scripts cannot reach into it. It exists only while a card is open.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private stopTracking: (() => void) | null = null;

  constructor(private readonly events: CardHostEvents) {}

  get shown(): boolean {
    return this.host?.isConnected === true;
  }

  /** True for the host and anything in it (the page sees events from inside retargeted to it). */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  /** True while the focus is inside the card (the document reports the host as active). */
  hasFocus(): boolean {
    return !!this.host && this.host.isConnected && document.activeElement === this.host;
  }

  /** Shows `view` beside `anchor`, creating the host if needed. */
  show(anchor: Range, view: ComponentChild): void {
    const mount = this.ensure();
    render(view, mount);
    this.stopTracking?.();
    this.stopTracking = trackAnchor(anchor, {
      floating: this.host!,
      sizer: mount,
      onAnchorLost: () => this.events.onAnchorLost(),
    });
  }

  /** Renders a new state in place (same position tracking). */
  update(view: ComponentChild): void {
    if (this.mount && this.shown) render(view, this.mount);
  }

  focusTitle(): void {
    this.shadow?.getElementById(TITLE_ID)?.focus({ preventScroll: true });
  }

  hide(): void {
    this.stopTracking?.();
    this.stopTracking = null;
    window.removeEventListener('keydown', this.onKeyDown, true);
    window.removeEventListener('pointerdown', this.onPointerDown, true);
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = this.shadow = this.mount = null;
  }

  private ensure(): HTMLElement {
    if (this.mount && this.shown) return this.mount;
    this.hide();
    const host = document.createElement('backstory-card');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    // Inline and !important: the host lives in the page's light DOM, where page CSS could reach it.
    // Transparent until the first placement, so it never flashes at the top-left corner; opacity
    // rather than visibility, since a hidden heading could not take the focus in the meantime.
    for (const [name, value] of Object.entries(HOST_STYLE)) {
      host.style.setProperty(name, value, 'important');
    }
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    shadow.addEventListener('keydown', this.onShadowKeyDown);
    document.documentElement.append(host);
    // Capture phase on the window: the page's own handlers cannot swallow Esc before we see it.
    window.addEventListener('keydown', this.onKeyDown, true);
    window.addEventListener('pointerdown', this.onPointerDown, true);
    this.host = host;
    this.shadow = shadow;
    this.mount = mount;
    return mount;
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing) return;
    if (this.contains(event.target)) {
      event.preventDefault();
      event.stopPropagation();
    }
    this.events.onEscape();
  };

  private onShadowKeyDown = (event: Event) => {
    const key = event as KeyboardEvent;
    // Keys typed inside the card are ours: a site's shortcuts (j/k, space) must not fire as well.
    event.stopPropagation();
    if (key.key === 'Escape' && !key.isComposing) this.events.onEscape();
  };

  private onPointerDown = (event: PointerEvent) => {
    if (!this.contains(event.target)) this.events.onPointerOutside();
  };
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  'z-index': '2147483647',
  opacity: '0',
};
