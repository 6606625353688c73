import type { BackstoryDb } from '../db/database';
import { buildColdIndex } from './cold-index';
import { dropDeadMirrors, generationsWithoutMirror, writeMirror } from './cold-mirror';

/**
 * Start-up care of the cold-start mirror (cold-mirror.ts): removes the mirrors of generations no
 * pack points at (an import cut off by a stopped worker). Runs before an import can begin.
 */
export async function dropDeadMirrorsAtStartUp(db: BackstoryDb): Promise<void> {
  if (!db.coldMirror) return;
  const packs = await db.packs.toArray();
  await dropDeadMirrors(db.coldMirror, new Set(packs.map((pack) => pack.generation)));
}

/**
 * Writes the mirror of every live generation that has none: data of a version without mirrors, or
 * a mirror write that failed. Until then those generations are answered from IndexedDB.
 */
export async function mirrorLiveGenerations(db: BackstoryDb): Promise<number> {
  if (!db.coldMirror) return 0;
  const live = (await db.packs.toArray()).map((pack) => pack.generation);
  let written = 0;
  for (const generation of await generationsWithoutMirror(db.coldMirror, live)) {
    const index = await db.matchIndexes.get(generation);
    if (!index) continue;
    await writeMirror(db.coldMirror, buildColdIndex(index));
    written++;
  }
  return written;
}
