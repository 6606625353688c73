import type { BackstoryDb } from '../db/database';

/**
 * Key filters by generation. Generations are immutable, so a cached filter never goes stale; the
 * cache only saves the one-row read on warm lookups. A cold worker starts with it empty.
 */
const cache = new Map<string, Uint32Array>();

export async function keyFilter(db: BackstoryDb, generation: string): Promise<Uint32Array> {
  const cached = cache.get(generation);
  if (cached) return cached;
  const row = await db.keyFilters.get(generation);
  const hashes = row?.hashes ?? new Uint32Array(0);
  cache.set(generation, hashes);
  return hashes;
}

export function hasHash(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid]!;
    if (value === hash) return true;
    if (value < hash) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
