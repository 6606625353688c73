import type { EntityType } from '../../core/pack/entity-types';
import type { BackstoryDb } from '../db/database';
import { HAYSTACK_SEPARATOR } from './pack-layout';

/** One generation's search data, held as one long string so a query is a native `indexOf` scan. */
export interface SearchIndex {
  ids: string[];
  names: string[];
  types: EntityType[];
  haystack: string;
  /** Where entity i's text starts in `haystack`; `starts[n]` is past the end. */
  starts: Uint32Array;
}

/**
 * Cached by generation: a generation never changes after its import, so a cached index is never
 * stale; a freshly started worker rebuilds it from the search chunks on its first search.
 */
const cache = new Map<string, SearchIndex>();

function build(
  rows: Array<{ ids: string[]; names: string[]; types: EntityType[]; haystack: string }>,
): SearchIndex {
  const ids = rows.flatMap((row) => row.ids);
  const haystack = rows.map((row) => row.haystack).join(HAYSTACK_SEPARATOR);
  const starts = new Uint32Array(ids.length + 1);
  let entity = 1;
  for (
    let at = haystack.indexOf(HAYSTACK_SEPARATOR);
    at >= 0;
    at = haystack.indexOf(HAYSTACK_SEPARATOR, at + 1)
  ) {
    starts[entity++] = at + 1;
  }
  starts[ids.length] = haystack.length + 1;
  return {
    ids,
    names: rows.flatMap((row) => row.names),
    types: rows.flatMap((row) => row.types),
    haystack,
    starts,
  };
}

export async function searchIndex(db: BackstoryDb, generation: string): Promise<SearchIndex> {
  const cached = cache.get(generation);
  if (cached) return cached;
  const index = build(await db.searchChunks.where('generation').equals(generation).sortBy('chunk'));
  cache.set(generation, index);
  const live = new Set((await db.packs.toArray()).map((pack) => pack.generation));
  for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
  return index;
}

/** The entity whose text contains haystack position `at` (binary search in `starts`). */
function entityAt(index: SearchIndex, at: number): number {
  let low = 0;
  let high = index.ids.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (index.starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Ordinals of the entities whose text contains `needle` (lowercase), in pack order. */
export function entitiesContaining(index: SearchIndex, needle: string): number[] {
  if (!needle) return index.ids.map((_, ordinal) => ordinal);
  const found: number[] = [];
  for (let at = index.haystack.indexOf(needle); at >= 0;) {
    const entity = entityAt(index, at);
    found.push(entity);
    at = index.haystack.indexOf(needle, index.starts[entity + 1]!);
  }
  return found;
}
