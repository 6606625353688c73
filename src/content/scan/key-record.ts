import type { KeyScan } from '../../core/match/types';

/**
 * The keys (hash, index) the annotator saw in each block while collecting the page's keys, kept
 * in one growing typed array so the matcher can replay them instead of reading every block a
 * second time. It lives for one pass only.
 */
export class KeyRecord {
  private data = new Uint32Array(8192);
  private length = 0;
  private readonly bounds: number[] = [];

  /** Starts the next block; `add` then records its keys in text order. */
  startBlock(): void {
    this.bounds.push(this.length);
  }

  readonly add = (hash: number, index: number): void => {
    if (this.length + 2 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = hash;
    this.data[this.length++] = index;
  };

  /** The keys of the `block`-th block, in the order they were added. */
  replay(block: number): KeyScan {
    const from = this.bounds[block] ?? this.length;
    const to = this.bounds[block + 1] ?? this.length;
    return (visit) => {
      for (let i = from; i < to; i += 2) visit(this.data[i]!, this.data[i + 1]!);
    };
  }
}
