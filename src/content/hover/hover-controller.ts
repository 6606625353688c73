import type { PageMention } from '../page-annotator';
import type { MentionIndex } from './hit-test';

export interface HoverTiming {
  /** Intent delay before a card opens (experience.md: default 300 ms). */
  openDelayMs: number;
  /** Grace time after the pointer leaves both the name and the card. */
  closeDelayMs: number;
}

export interface HoverCallbacks {
  open(mention: PageMention): void;
  /** The pointer came to rest on a mention: the card may open soon, start loading it. */
  prefetch?(mention: PageMention): void;
  close(): void;
  /** True when the event's target is inside our card. */
  isOverCard(event: PointerEvent): boolean;
}

/**
 * The same words of the page for the same entities. A rescan makes new mention objects for text
 * that did not change; the card open on it, or the intent timer running for it, must not restart.
 */
function sameMention(a: PageMention | null, b: PageMention | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const [x, y] = [a.range, b.range];
  return (
    x.startContainer === y.startContainer &&
    x.startOffset === y.startOffset &&
    x.endContainer === y.endContainer &&
    x.endOffset === y.endOffset &&
    a.entityIds.join() === b.entityIds.join()
  );
}

/** Above this pointer speed (px/ms) the reader is sweeping across text, not pointing at a name. */
const SWEEP_SPEED = 1.2;

/**
 * Turns pointer movement into open/close decisions. Hit-testing runs at most once per frame
 * (a caret lookup right after a DOM write forces layout; performance.md).
 */
export class HoverController {
  private pending: PointerEvent | null = null;
  private frame = 0;
  private openTimer = 0;
  private closeTimer = 0;
  private candidate: PageMention | null = null;
  private shown: PageMention | null = null;
  private last = { x: 0, y: 0, t: 0 };
  /** True while this controller closes the card itself (the card reports the close back). */
  private closingOwnCard = false;
  /** Where the pointer was last seen in this document; null once it has left. */
  private resting: { x: number; y: number; overCard: boolean } | null = null;

  constructor(
    private index: MentionIndex,
    private timing: () => HoverTiming,
    private callbacks: HoverCallbacks,
  ) {}

  attach(target: Window): void {
    target.addEventListener('pointermove', this.onMove, { capture: true, passive: true });
    target.document.addEventListener('pointerout', this.onOut, { capture: true, passive: true });
  }

  detach(target: Window): void {
    target.removeEventListener('pointermove', this.onMove, { capture: true });
    target.document.removeEventListener('pointerout', this.onOut, { capture: true });
    this.reset();
  }

  /**
   * The card was closed from elsewhere (Esc, a click): forget it. A close this controller made
   * itself reports back here too; the name the pointer moved to meanwhile must still open.
   */
  reset(): void {
    if (this.closingOwnCard) return;
    clearTimeout(this.openTimer);
    this.cancelClose();
    this.candidate = null;
    this.shown = null;
  }

  /**
   * The pointer left this document (out of an iframe, or out of the window) in one jump: no
   * further pointermove arrives here, so close as if it had moved off the name.
   */
  private onOut = (event: PointerEvent) => {
    if (event.relatedTarget !== null) return;
    clearTimeout(this.openTimer);
    this.candidate = null;
    this.resting = null;
    if (this.shown) this.scheduleClose();
  };

  private onMove = (event: PointerEvent) => {
    this.pending = event;
    this.processNextFrame();
  };

  private processNextFrame(): void {
    if (!this.frame) this.frame = requestAnimationFrame(this.process);
  }

  /** Handles the latest pointer move, or with none since the last frame, looks again (recheck). */
  private process = () => {
    this.frame = 0;
    const event = this.pending;
    this.pending = null;
    if (!event) {
      if (this.resting) this.decide(0);
      return;
    }
    const speed = this.speedOf(event);
    this.resting = {
      x: event.clientX,
      y: event.clientY,
      overCard: this.callbacks.isOverCard(event),
    };
    this.decide(speed);
  };

  /**
   * The page's mentions changed (a rescan): what is under a resting pointer may have changed too.
   * A name underlined under the pointer opens its card after the intent delay, as if the reader had
   * just moved onto it, and a timer for a mention that is no longer there does not fire. In the
   * next frame, like every hit-test: a caret lookup right after the page changed forces a layout.
   */
  recheck(): void {
    if (this.resting) this.processNextFrame();
  }

  private decide(speed: number): void {
    const { x, y, overCard } = this.resting!;
    if (overCard) {
      this.cancelClose();
      clearTimeout(this.openTimer);
      this.candidate = null;
      return;
    }
    const hit = this.index.at(x, y);
    if (hit && sameMention(hit, this.shown)) {
      this.cancelClose();
      return;
    }
    if (hit && (!sameMention(hit, this.candidate) || speed > SWEEP_SPEED)) this.scheduleOpen(hit);
    if (!hit) {
      clearTimeout(this.openTimer);
      this.candidate = null;
    }
    if (this.shown && !hit) this.scheduleClose();
  }

  private speedOf(event: PointerEvent): number {
    const now = event.timeStamp;
    const distance = Math.hypot(event.clientX - this.last.x, event.clientY - this.last.y);
    const speed = distance / Math.max(1, now - this.last.t);
    this.last = { x: event.clientX, y: event.clientY, t: now };
    return speed;
  }

  private scheduleOpen(mention: PageMention): void {
    clearTimeout(this.openTimer);
    if (!sameMention(this.candidate, mention)) this.callbacks.prefetch?.(mention);
    this.candidate = mention;
    this.openTimer = window.setTimeout(() => {
      this.candidate = null;
      this.cancelClose();
      this.shown = mention;
      this.callbacks.open(mention);
    }, this.timing().openDelayMs);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  private scheduleClose(): void {
    if (this.closeTimer) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = 0;
      this.shown = null;
      this.closingOwnCard = true;
      try {
        this.callbacks.close();
      } finally {
        this.closingOwnCard = false;
      }
    }, this.timing().closeDelayMs);
  }
}
