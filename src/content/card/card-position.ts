import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';

/** Distance kept from the viewport's edges, and the gap between the mention and the card. */
const EDGE = 8;
const GAP = 6;

/** The custom property the card reads for its height limit (card-styles.ts). */
export const AVAILABLE_HEIGHT_VAR = '--bs-avail-h';

/** The union of the range's line boxes: the card goes above or below all of them, never over one. */
function lineBox(range: Range): DOMRect {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return range.getBoundingClientRect();
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}

/** Whole device pixels, so the card's text is not blurred by a fractional offset. */
function snap(value: number): number {
  const ratio = window.devicePixelRatio || 1;
  return Math.round(value * ratio) / ratio;
}

function anchorElement(range: Range): Element | undefined {
  const node = range.startContainer;
  return node instanceof Element ? node : (node.parentElement ?? undefined);
}

export interface Placement {
  /** The fixed-position element that moves (the card's host). */
  floating: HTMLElement;
  /** An element inside the shadow root that receives the height limit, out of the page's reach. */
  sizer: HTMLElement;
  /** Called when the mention's text left the page (a live update removed it). */
  onAnchorLost: () => void;
}

/**
 * Keeps the card beside the mention while it is open (architecture.md step 5): below by default,
 * above when below has less room (flip), slid sideways to stay on screen (shift), as tall as the
 * room on its side allows (size; it scrolls inside), hidden while the mention is scrolled out of
 * view (hide). Inside an iframe the frame's viewport is the boundary, as it should be.
 * Returns the function that stops tracking.
 */
export function trackAnchor(anchor: Range, { floating, sizer, onAnchorLost }: Placement) {
  const reference: VirtualElement = {
    getBoundingClientRect: () => lineBox(anchor),
    getClientRects: () => anchor.getClientRects(),
    contextElement: anchorElement(anchor),
  };
  let generation = 0;
  const update = async () => {
    if (anchor.collapsed || !anchor.startContainer.isConnected) {
      onAnchorLost();
      return;
    }
    const current = ++generation;
    // Measure at the natural height: a limit from the last pass would stop flip from seeing that
    // the other side now has room for the whole card.
    sizer.style.removeProperty(AVAILABLE_HEIGHT_VAR);
    const { x, y, middlewareData } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        flip({ padding: EDGE, crossAxis: false }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply: ({ availableHeight }) => {
            sizer.style.setProperty(AVAILABLE_HEIGHT_VAR, `${Math.max(0, availableHeight)}px`);
          },
        }),
        hide(),
      ],
    });
    if (current !== generation) return; // a newer pass started while this one measured
    const hidden = middlewareData.hide?.referenceHidden === true;
    floating.style.setProperty('transform', `translate(${snap(x)}px, ${snap(y)}px)`, 'important');
    floating.style.setProperty('visibility', hidden ? 'hidden' : 'visible', 'important');
    floating.style.setProperty('opacity', '1', 'important');
  };
  return autoUpdate(reference, floating, () => void update());
}
