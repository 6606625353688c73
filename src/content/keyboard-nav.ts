import type { PageMention } from './page-annotator';

/** -1 if a is before b in the document, 1 if after, 0 if they overlap. */
function order(a: Range, b: Range): number {
  if (a.compareBoundaryPoints(Range.END_TO_START, b) >= 0) return 1;
  if (a.compareBoundaryPoints(Range.START_TO_END, b) <= 0) return -1;
  return 0;
}

function sameDocument(mention: PageMention, range: Range): boolean {
  return mention.range.startContainer.getRootNode() === range.startContainer.getRootNode();
}

/**
 * The mention the keyboard command "open card" is about: the one the selection touches, else the
 * first one after the caret, else the last one before it; without a caret, the first on screen.
 */
export function mentionForSelection(
  mentions: PageMention[],
  selection: Selection | null,
): PageMention | null {
  const live = mentions.filter((mention) => !mention.range.collapsed);
  if (live.length === 0) return null;
  if (!selection || selection.rangeCount === 0) return firstVisible(live);
  const range = selection.getRangeAt(0);
  const candidates = live.filter((mention) => sameDocument(mention, range));
  return (
    candidates.find((mention) => order(mention.range, range) === 0) ??
    candidates.find((mention) => order(mention.range, range) > 0) ??
    candidates.at(-1) ??
    firstVisible(live)
  );
}

function firstVisible(mentions: PageMention[]): PageMention {
  return (
    mentions.find((mention) => {
      const rect = mention.range.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < innerHeight && rect.width > 0;
    }) ?? mentions[0]!
  );
}

/** The next or previous mention after `current` (wrapping around), skipping removed text. */
export function stepMention(
  mentions: PageMention[],
  current: PageMention | null,
  direction: 1 | -1,
): PageMention | null {
  const live = mentions.filter((mention) => !mention.range.collapsed);
  if (live.length === 0) return null;
  const at = current ? live.indexOf(current) : -1;
  if (at < 0) return direction === 1 ? live[0]! : live.at(-1)!;
  return live[(at + direction + live.length) % live.length]!;
}
