import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MentionIndex } from '../../../src/content/hover/hit-test';
import { HoverController } from '../../../src/content/hover/hover-controller';
import type { PageMention } from '../../../src/content/page-annotator';

const OPEN_DELAY = 300;
const text = { nodeName: '#text' };

/** A mention of `entity` over characters start–end of one text node; a rescan makes a new object. */
const mentionOf = (entity: string, start: number, end: number) =>
  ({
    range: { startContainer: text, startOffset: start, endContainer: text, endOffset: end },
    entityIds: [entity],
    text: entity,
  }) as unknown as PageMention;

function setUp() {
  let under: PageMention | null = null;
  const index = { at: () => under } as unknown as MentionIndex;
  const open = vi.fn<(mention: PageMention) => void>();
  const listeners = new Map<string, (event: unknown) => void>();
  const target = {
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    document: {
      addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    },
  };
  const close = vi.fn<() => void>();
  const hover = new HoverController(index, () => ({ openDelayMs: OPEN_DELAY, closeDelayMs: 300 }), {
    open,
    // As in the app: closing the card reports back, like a close by Esc or a click (app.ts).
    close: () => {
      close();
      hover.reset();
    },
    isOverCard: () => false,
  });
  hover.attach(target as unknown as Window);
  let now = 0;
  const move = (x: number) => {
    now += 50;
    listeners.get('pointermove')!({ clientX: x, clientY: 10, timeStamp: now, target: text });
    vi.advanceTimersByTime(20); // one frame
  };
  return { hover, open, close, move, setUnder: (m: PageMention | null) => (under = m) };
}

// Fake timers, with one animation frame every 16 ms.
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 16));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('hovering while the page is rescanned', () => {
  it('opens the card of a name underlined under a resting pointer', () => {
    const { hover, open, move, setUnder } = setUp();
    move(100);
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(open).not.toHaveBeenCalled();
    const altman = mentionOf('p/news/sam-altman', 4, 14);
    setUnder(altman);
    hover.recheck();
    vi.advanceTimersByTime(OPEN_DELAY + 20);
    expect(open).toHaveBeenCalledExactlyOnceWith(altman);
  });

  it('does not reopen the card the pointer rests on when a rescan renews its mention', () => {
    const { hover, open, move, setUnder } = setUp();
    setUnder(mentionOf('p/news/sam-altman', 4, 14));
    move(100);
    vi.advanceTimersByTime(OPEN_DELAY + 20);
    expect(open).toHaveBeenCalledTimes(1);
    setUnder(mentionOf('p/news/sam-altman', 4, 14));
    hover.recheck();
    move(101);
    vi.advanceTimersByTime(OPEN_DELAY * 3);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens nothing for a name a rescan removed during the intent delay', () => {
    const { hover, open, move, setUnder } = setUp();
    setUnder(mentionOf('p/news/sam-altman', 4, 14));
    move(100);
    vi.advanceTimersByTime(OPEN_DELAY / 2);
    setUnder(null);
    hover.recheck();
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('moving from one name to the next', () => {
  it("opens the next name's card though the first card closes while its intent delay runs", () => {
    const { open, close, move, setUnder } = setUp();
    const tsai = mentionOf('p/news/joe-tsai', 0, 8);
    const alibaba = mentionOf('p/news/alibaba', 20, 27);
    setUnder(tsai);
    move(10);
    vi.advanceTimersByTime(OPEN_DELAY + 20);
    expect(open).toHaveBeenLastCalledWith(tsai);
    // Off the first name, and 100 ms later onto the next one, where the pointer rests.
    setUnder(null);
    move(60);
    vi.advanceTimersByTime(80);
    setUnder(alibaba);
    move(110);
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(close).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenLastCalledWith(alibaba);
  });
});
