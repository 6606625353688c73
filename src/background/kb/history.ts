import type { BackstoryDb } from '../db/database';

/** Caps keep the history small: the newest sightings per entity, and overall. */
export const HISTORY_PER_ENTITY = 50;
export const HISTORY_TOTAL = 10_000;

/** Records that the reader saw these entities on a page: one transaction for a page visit. */
export async function recordSightings(
  db: BackstoryDb,
  refs: string[],
  url: string,
  title: string,
): Promise<void> {
  const at = Date.now();
  await db.transaction('rw', db.history, async () => {
    await db.history.bulkAdd(refs.map((ref) => ({ ref, url, title: title.slice(0, 300), at })));
    for (const ref of refs) {
      const forEntity = await db.history.where('ref').equals(ref).count();
      if (forEntity <= HISTORY_PER_ENTITY) continue;
      const oldest = await db.history
        .where('[ref+at]')
        .between([ref, -Infinity], [ref, Infinity])
        .limit(forEntity - HISTORY_PER_ENTITY)
        .primaryKeys();
      await db.history.bulkDelete(oldest);
    }
    const total = await db.history.count();
    if (total > HISTORY_TOTAL) {
      await db.history.bulkDelete(
        await db.history
          .orderBy('at')
          .limit(total - HISTORY_TOTAL)
          .primaryKeys(),
      );
    }
  });
}

/** One sighting (convenience for a single entity). */
export const recordSighting = (db: BackstoryDb, ref: string, url: string, title: string) =>
  recordSightings(db, [ref], url, title);

export async function historyOf(
  db: BackstoryDb,
  ref: string,
): Promise<{ count: number; last?: { title: string; url: string; at: number } }> {
  const count = await db.history.where('ref').equals(ref).count();
  if (count === 0) return { count };
  const last = await db.history.where('[ref+at]').between([ref, -Infinity], [ref, Infinity]).last();
  return last ? { count, last: { title: last.title, url: last.url, at: last.at } } : { count };
}

export async function clearHistory(db: BackstoryDb): Promise<number> {
  const count = await db.history.count();
  await db.history.clear();
  return count;
}
