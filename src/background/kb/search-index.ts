import type { BackstoryDb } from '../db/database';
import type { SearchEntry } from '../db/rows';

/**
 * Search entries by generation. A generation never changes after its import, so a cached copy is
 * never stale; a cold worker reads the search chunks once (a few large rows) on its first search.
 */
const cache = new Map<string, SearchEntry[]>();

export async function searchEntries(db: BackstoryDb, generation: string): Promise<SearchEntry[]> {
  const cached = cache.get(generation);
  if (cached) return cached;
  const rows = await db.searchChunks.where('generation').equals(generation).sortBy('chunk');
  const entries = rows.flatMap((row) => row.entries);
  cache.set(generation, entries);
  // Drop generations that are no longer live, so memory stays bounded after re-imports.
  const live = new Set((await db.packs.toArray()).map((pack) => pack.generation));
  for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
  return entries;
}
