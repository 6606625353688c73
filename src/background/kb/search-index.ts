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

/**
 * How well an entity matches a query: 0 = its name starts with it, 1 = a word of its name does,
 * 2 = found elsewhere.
 */
export type SearchRank = 0 | 1 | 2;

/**
 * Calls `visit` for each entity whose text contains `needle` (lowercase), in pack order, with its
 * rank. One forward pass of native `indexOf` over the haystack: a query found in every entity
 * (a word of every summary) costs one `indexOf` per entity and no strings, so the popup stays
 * responsive at 100,000 entities. An entity's text starts with its lowercased name and a newline
 * (`searchHaystack`), so the rank is read from the same haystack.
 */
export function scanEntities(
  index: SearchIndex,
  needle: string,
  visit: (ordinal: number, rank: SearchRank) => void,
): void {
  const { haystack, starts } = index;
  if (!needle) {
    for (let ordinal = 0; ordinal < index.ids.length; ordinal++) visit(ordinal, 2);
    return;
  }
  let entity = 0;
  for (let at = haystack.indexOf(needle); at >= 0;) {
    // Positions only grow, so the entity containing `at` is this one or a later one.
    while (starts[entity + 1]! <= at) entity++;
    const start = starts[entity]!;
    const end = starts[entity + 1]! - 1;
    let nameEnd = haystack.indexOf('\n', start);
    if (nameEnd < 0 || nameEnd > end) nameEnd = end;
    let rank: SearchRank = 2;
    if (at === start && at + needle.length <= nameEnd) rank = 0;
    // The first occurrence may be inside a word of the name and a later one at a word's start.
    else
      for (let p = at; p >= 0 && p + needle.length <= nameEnd; p = haystack.indexOf(needle, p + 1))
        if (haystack[p - 1] === ' ') {
          rank = 1;
          break;
        }
    visit(entity, rank);
    at = haystack.indexOf(needle, end + 1);
  }
}
