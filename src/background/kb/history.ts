import type { BackstoryDb } from '../db/database';

/** Caps keep the history small: the newest sightings per entity, and overall. */
export const HISTORY_PER_ENTITY = 50;
export const HISTORY_TOTAL = 10_000;

/** Records that the reader saw an entity on a page (the content script sends one per visit). */
export async function recordSighting(
  db: BackstoryDb,
  ref: string,
  url: string,
  title: string,
): Promise<void> {
  await db.transaction('rw', db.history, async () => {
    await db.history.add({ ref, url, title: title.slice(0, 300), at: Date.now() });
    const forEntity = await db.history.where('ref').equals(ref).count();
    if (forEntity > HISTORY_PER_ENTITY) {
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
