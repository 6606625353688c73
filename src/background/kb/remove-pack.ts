import type { BackstoryDb } from '../db/database';
import { dropMirror } from './cold-mirror';
import { deleteGeneration } from './import-pack';

/** Removes a pack and its rows. The reader's edits and notes stay, in case the pack comes back. */
export async function removePack(db: BackstoryDb, packId: string): Promise<boolean> {
  const removed = await db.transaction('rw', [db.packs, ...db.generationTables()], async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return undefined;
    await db.packs.delete(packId);
    await deleteGeneration(db, pack.generation);
    return pack.generation;
  });
  if (removed && db.coldMirror) await dropMirror(db.coldMirror, removed).catch(() => {});
  return removed !== undefined;
}
