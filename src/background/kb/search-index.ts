import { ENTITY_TYPES, type EntityType } from '../../core/pack/entity-types';
import type { BackstoryDb } from '../db/database';
import { HAYSTACK_SEPARATOR } from './pack-layout';

/** One search chunk's text: its entities' texts joined by HAYSTACK_SEPARATOR. */
interface HaystackPart {
  haystack: string;
  /** Where the chunk's entity i's text starts in `haystack`; `starts[n]` is past the end. */
  starts: Uint32Array;
  /** The ordinal of the chunk's first entity in the generation. */
  first: number;
}

/** Many short strings as one string and where each starts: two objects instead of 100,000. */
interface PackedStrings {
  text: string;
  starts: Uint32Array;
}

function packStrings(strings: string[]): PackedStrings {
  const starts = new Uint32Array(strings.length + 1);
  let length = 0;
  strings.forEach((text, i) => {
    starts[i] = length;
    length += text.length;
  });
  starts[strings.length] = length;
  return { text: strings.join(''), starts };
}

const stringAt = ({ text, starts }: PackedStrings, i: number) =>
  text.slice(starts[i], starts[i + 1]);

/**
 * One generation's search data, in few large objects: each search chunk's text as it was read,
 * so a query is a native `indexOf` scan per chunk, and the ids, names and types packed. As arrays
 * of 100,000 strings each, the collector had to mark 300,000 objects at its next full pass, and
 * the first queries after a worker start took up to 50 ms (performance.md, "Popup search").
 */
export interface SearchIndex {
  count: number;
  ids: PackedStrings;
  names: PackedStrings;
  /** Index into ENTITY_TYPES, per entity. */
  types: Uint8Array;
  parts: HaystackPart[];
}

export const idAt = (index: SearchIndex, ordinal: number): string => stringAt(index.ids, ordinal);
export const nameAt = (index: SearchIndex, ordinal: number): string =>
  stringAt(index.names, ordinal);
export const typeAt = (index: SearchIndex, ordinal: number): EntityType =>
  ENTITY_TYPES[index.types[ordinal]!]!;

/**
 * Cached by generation: a generation never changes after its import, so a cached index is never
 * stale; a freshly started worker rebuilds it from the search chunks on its first search.
 */
const cache = new Map<string, SearchIndex>();

function partOf(haystack: string, count: number, first: number): HaystackPart {
  const starts = new Uint32Array(count + 1);
  let entity = 1;
  for (
    let at = haystack.indexOf(HAYSTACK_SEPARATOR);
    at >= 0 && entity < count;
    at = haystack.indexOf(HAYSTACK_SEPARATOR, at + 1)
  ) {
    starts[entity++] = at + 1;
  }
  starts[count] = haystack.length + 1;
  return { haystack, starts, first };
}

function build(
  rows: Array<{ ids: string[]; names: string[]; types: EntityType[]; haystack: string }>,
): SearchIndex {
  const parts: HaystackPart[] = [];
  let first = 0;
  for (const row of rows) {
    parts.push(partOf(row.haystack, row.ids.length, first));
    first += row.ids.length;
  }
  return {
    count: first,
    ids: packStrings(rows.flatMap((row) => row.ids)),
    names: packStrings(rows.flatMap((row) => row.names)),
    types: Uint8Array.from(
      rows.flatMap((row) => row.types),
      (type) => ENTITY_TYPES.indexOf(type),
    ),
    parts,
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
 * rank. One forward pass of native `indexOf` over each chunk's text: a query found in every entity
 * (a word of every summary) costs one `indexOf` per entity and no strings, so the popup stays
 * responsive at 100,000 entities. An entity's text starts with its lowercased name and a newline
 * (`searchHaystack`), so the rank is read from the same haystack.
 */
export function scanEntities(
  index: SearchIndex,
  needle: string,
  visit: (ordinal: number, rank: SearchRank) => void,
): void {
  if (!needle) {
    for (let ordinal = 0; ordinal < index.count; ordinal++) visit(ordinal, 2);
    return;
  }
  for (const part of index.parts) scanPart(part, needle, visit);
}

function scanPart(
  { haystack, starts, first }: HaystackPart,
  needle: string,
  visit: (ordinal: number, rank: SearchRank) => void,
): void {
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
    visit(first + entity, rank);
    at = haystack.indexOf(needle, end + 1);
  }
}
