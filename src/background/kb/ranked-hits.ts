import { packRef } from '../../core/entity-ref';
import type { EntitySummary } from '../../core/protocol';
import { idAt, nameAt, typeAt, type SearchIndex, type SearchRank } from './search-index';

/** Hits of one rank from one source, in the order found. */
type Segment =
  | { summaries: EntitySummary[] }
  /** A pack's hits stay ordinals until they are on the page of results the popup shows. */
  | { index: SearchIndex; packId: string; ordinals: number[] };

function summaryAt(index: SearchIndex, packId: string, ordinal: number): EntitySummary {
  return {
    id: packRef(packId, idAt(index, ordinal)),
    name: nameAt(index, ordinal),
    type: typeAt(index, ordinal),
    packId,
    edited: false,
  };
}

const sizeOf = (segment: Segment) =>
  'summaries' in segment ? segment.summaries.length : segment.ordinals.length;

/**
 * Search results by rank, then in the order they were added. A query found in every one of
 * 100,000 entities (a word of every summary) adds 100,000 numbers, not 100,000 objects, and only
 * the page shown becomes summaries.
 */
export class RankedHits {
  private readonly ranks: [Segment[], Segment[], Segment[]] = [[], [], []];

  addSummary(rank: SearchRank, summary: EntitySummary): void {
    const segments = this.ranks[rank];
    const last = segments.at(-1);
    if (last && 'summaries' in last) last.summaries.push(summary);
    else segments.push({ summaries: [summary] });
  }

  /** Lists to push a pack's hits into, one per rank, each placed after everything added so far. */
  packOrdinals(index: SearchIndex, packId: string): [number[], number[], number[]] {
    const lists: [number[], number[], number[]] = [[], [], []];
    lists.forEach((ordinals, rank) => this.ranks[rank]!.push({ index, packId, ordinals }));
    return lists;
  }

  get total(): number {
    return this.ranks.flat().reduce((sum, segment) => sum + sizeOf(segment), 0);
  }

  page(offset: number, limit: number): EntitySummary[] {
    const items: EntitySummary[] = [];
    let skip = offset;
    for (const segment of this.ranks.flat()) {
      const size = sizeOf(segment);
      if (skip >= size) {
        skip -= size;
        continue;
      }
      const end = Math.min(size, skip + limit - items.length);
      for (let i = skip; i < end; i++)
        items.push(
          'summaries' in segment
            ? segment.summaries[i]!
            : summaryAt(segment.index, segment.packId, segment.ordinals[i]!),
        );
      skip = 0;
      if (items.length >= limit) break;
    }
    return items;
  }
}
