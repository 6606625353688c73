import type { BackstoryDb } from '../db/database';
import { buildColdIndex } from './cold-index';
import { dropDeadMirrors, generationsWithoutMirror, writeMirror } from './cold-mirror';

/**
 * Start-up care of the cold-start mirror (cold-mirror.ts): removes the mirrors of generations no
 * pack points at (an import cut off by a stopped worker). Runs before an import can begin.
 * `live` is the packs' generations, read once for both steps of start-up.
 */
export async function dropDeadMirrorsAtStartUp(db: BackstoryDb, live: string[]): Promise<void> {
  if (db.coldMirror) await dropDeadMirrors(db.coldMirror, new Set(live));
}

/**
 * Writes the mirror of every live generation that has none: data of a version without mirrors, or
 * a mirror write that failed. Until then those generations are answered from IndexedDB.
 */
export async function mirrorLiveGenerations(db: BackstoryDb, live: string[]): Promise<number> {
  if (!db.coldMirror) return 0;
  let written = 0;
  for (const generation of await generationsWithoutMirror(db.coldMirror, live)) {
    const index = await db.matchIndexes.get(generation);
    if (!index) continue; // replaced since start-up read the packs
    await writeMirror(db.coldMirror, buildColdIndex(index));
    written++;
  }
  return written;
}
