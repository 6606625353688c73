import { fnv1a } from '../../core/hash';
import type { BackstoryDb } from '../db/database';
import type { MatchIndexRow, MatchRecord } from '../db/rows';
import { CHUNK_SIZE, decodeRecord, idKey } from './pack-layout';

/**
 * Match indexes by generation. A generation never changes after its import, so a cached index is
 * never stale; a freshly started worker reads it back with one row read.
 */
const cache = new Map<string, Promise<MatchIndexRow | undefined>>();

export async function matchIndex(
  db: BackstoryDb,
  generation: string,
): Promise<MatchIndexRow | undefined> {
  const cached = cache.get(generation);
  if (cached) return cached;
  // The promise is cached, so a lookup arriving during the start-up prefetch waits for the same read.
  const loading = db.matchIndexes.get(generation);
  cache.set(generation, loading);
  const row = await loading;
  if (!row) {
    cache.delete(generation);
    return undefined;
  }
  if (cache.size > 8) {
    const live = new Set((await db.packs.toArray()).map((pack) => pack.generation));
    for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
  }
  return row;
}

/** Starts reading every live match index (used at worker start, before the first lookup asks). */
export async function prefetchMatchIndexes(db: BackstoryDb): Promise<void> {
  await Promise.all((await db.packs.toArray()).map((pack) => matchIndex(db, pack.generation)));
}

/** First index of `hash` in the sorted array, or -1. */
function firstIndexOf(sorted: Uint32Array, hash: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < hash) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] === hash ? low : -1;
}

/** Ordinals of the entities that have one of these keys (a hash collision may add a harmless extra). */
export function ordinalsForKeys(index: MatchIndexRow, keys: Iterable<string>): Set<number> {
  const found = new Set<number>();
  for (const key of keys) {
    const hash = fnv1a(key);
    for (
      let i = firstIndexOf(index.hashes, hash);
      i >= 0 && i < index.hashes.length && index.hashes[i] === hash;
      i++
    ) {
      found.add(index.ordinals[i]!);
    }
  }
  return found;
}

export function recordAt(index: MatchIndexRow, ordinal: number): MatchRecord {
  return decodeRecord(index.records.slice(index.offsets[ordinal], index.offsets[ordinal + 1]));
}

/** Where an entity lives: its ordinal and chunk, verified against its record (hashes can collide). */
export function locateEntity(
  index: MatchIndexRow,
  entityId: string,
): { ordinal: number; chunk: number } | undefined {
  for (const ordinal of ordinalsForKeys(index, [idKey(entityId)])) {
    if (recordAt(index, ordinal)[0] === entityId)
      return { ordinal, chunk: Math.floor(ordinal / CHUNK_SIZE) };
  }
  return undefined;
}
