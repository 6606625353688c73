import { normalizeText, rawRange, type NormalizedText } from '../../core/text/normalize';

/**
 * A block's text across its inline elements (matching.md rule 2), with the offset map back to
 * DOM text nodes: `starts[i]` is where `nodes[i]` begins in `raw`.
 */
export interface TextBlock {
  nodes: Text[];
  starts: number[];
  raw: string;
  /** The normalised text the matcher sees (matching.md rule 1). */
  text: string;
  /** Kept whole, not spread: its offset arrays may be lazy (see normalizeText). */
  normalized: NormalizedText;
}

export class BlockBuilder {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;

  add(node: Text): void {
    const data = node.data; // a DOM call that makes a new string each time: read it once
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  /** Returns the finished block (or null if it holds no text) and starts a new one. */
  take(): TextBlock | null {
    const raw = this.parts.join('');
    const normalized = /\S/.test(raw) ? normalizeText(raw) : null;
    const block = normalized
      ? { nodes: this.nodes, starts: this.starts, raw, text: normalized.text, normalized }
      : null;
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    return block;
  }
}

/** Maps a raw offset in a block to the text node and offset inside it. */
export function locate(block: TextBlock, rawOffset: number): { node: Text; offset: number } {
  let low = 0;
  let high = block.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (block.starts[mid]! <= rawOffset) low = mid;
    else high = mid - 1;
  }
  const node = block.nodes[low]!;
  return { node, offset: Math.min(rawOffset - block.starts[low]!, node.data.length) };
}

/** A DOM range for normalised offsets [start, end) of a block. */
export function rangeFor(block: TextBlock, start: number, end: number): Range {
  const [rawStart, rawEnd] = rawRange(block.normalized, start, end);
  const from = locate(block, rawStart);
  const to = locate(block, rawEnd);
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
