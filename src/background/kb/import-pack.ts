import type { Pack } from '../../core/pack/schema';
import type { BackstoryDb } from '../db/database';
import type { PackRow } from '../db/rows';
import { buildColdIndex, type ColdIndex } from './cold-index';
import { dropMirror, writeMirror } from './cold-mirror';
import { rememberFullIndex } from './match-index';
import { layoutPack } from './pack-layout';

/** Rows per write transaction: big enough to amortise a transaction, small enough to report progress. */
const ROWS_PER_BATCH = 200;

export interface ImportProgress {
  done: number;
  total: number;
}

const newGeneration = (packId: string) =>
  `${packId}@${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * Writes a validated pack as a new generation, batch by batch, then makes it live in one final
 * transaction that also drops the previous generation. Until that commit nothing is visible, and
 * on failure the new rows are removed, so the knowledge base is exactly as before. A worker that
 * is stopped midway leaves orphan rows that `collectOrphans` removes at the next start.
 */
export async function importPack(
  db: BackstoryDb,
  pack: Pack,
  source: string,
  onProgress: (progress: ImportProgress) => void = () => {},
  /** The import job to mark done in the same transaction, so its status never contradicts the data. */
  jobId?: string,
): Promise<PackRow> {
  const generation = newGeneration(pack.id);
  const layout = layoutPack(generation, pack.entities);
  const coldIndex = buildColdIndex(layout.matchIndex);
  const writes: Array<() => Promise<unknown>> = [];
  const batched = <T>(rows: T[], put: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_BATCH)
      writes.push(() => put(rows.slice(i, i + ROWS_PER_BATCH)));
  };
  batched(layout.chunks, (rows) => db.entityChunks.bulkAdd(rows));
  batched(layout.searchChunks, (rows) => db.searchChunks.bulkAdd(rows));
  batched(coldIndex.buckets, (rows) => db.matchBuckets.bulkAdd(rows));
  writes.push(() => db.matchDirectories.add(coldIndex.directory));
  writes.push(() => db.matchIndexes.add(layout.matchIndex));

  const row: PackRow = {
    id: pack.id,
    title: pack.title,
    ...(pack.updated ? { updated: pack.updated } : {}),
    source,
    importedAt: Date.now(),
    generation,
    entityCount: pack.entities.length,
    chunkCount: layout.chunks.length,
  };
  let previousGeneration: string | undefined;
  // The mirror goes to another store than the rows, so both are written at the same time.
  const mirrored = mirror(db, coldIndex);
  try {
    for (let i = 0; i < writes.length; i++) {
      await writes[i]!();
      onProgress({
        done: Math.round(((i + 1) / (writes.length + 1)) * pack.entities.length),
        total: pack.entities.length,
      });
    }
    await mirrored;
    await db.transaction('rw', [db.packs, db.importJobs, ...db.generationTables()], async () => {
      const previous = await db.packs.get(pack.id);
      previousGeneration = previous?.generation;
      await db.packs.put(row);
      if (previous) await deleteGeneration(db, previous.generation);
      if (jobId) {
        const total = pack.entities.length;
        await db.importJobs.update(jobId, {
          status: 'done',
          done: total,
          total,
          finishedAt: Date.now(),
        });
      }
    });
  } catch (error) {
    await mirrored;
    await deleteGeneration(db, generation).catch(() => {});
    if (db.coldMirror) await dropMirror(db.coldMirror, generation).catch(() => {});
    throw error;
  }
  rememberFullIndex(db, layout.matchIndex);
  if (previousGeneration && db.coldMirror)
    await dropMirror(db.coldMirror, previousGeneration).catch(() => {});
  onProgress({ done: pack.entities.length, total: pack.entities.length });
  return row;
}

/**
 * Writes the generation's cold-start mirror before the import commits. The mirror only saves time,
 * so a failure to write it (a full disk) does not fail the import: lookups then read IndexedDB.
 */
async function mirror(db: BackstoryDb, cold: ColdIndex): Promise<void> {
  if (!db.coldMirror) return;
  try {
    await writeMirror(db.coldMirror, cold);
  } catch (error) {
    console.warn('Backstory could not write the cold-start mirror; lookups read IndexedDB', error);
  }
}

export async function deleteGeneration(db: BackstoryDb, generation: string): Promise<void> {
  await db.transaction('rw', db.generationTables(), async () => {
    await db.entityChunks.where('generation').equals(generation).delete();
    await db.searchChunks.where('generation').equals(generation).delete();
    await db.matchBuckets.where('generation').equals(generation).delete();
    await db.matchDirectories.delete(generation);
    await db.matchIndexes.delete(generation);
  });
}

/** Removes rows of generations no pack points at (left by an import that was cut off). */
export async function collectOrphans(db: BackstoryDb): Promise<number> {
  const live = new Set((await db.packs.toArray()).map((pack) => pack.generation));
  const stored = new Set([
    ...((await db.matchIndexes.toCollection().primaryKeys()) as string[]),
    ...((await db.matchDirectories.toCollection().primaryKeys()) as string[]),
    ...((await db.matchBuckets.orderBy('generation').uniqueKeys()) as string[]),
    ...((await db.entityChunks.orderBy('generation').uniqueKeys()) as string[]),
    ...((await db.searchChunks.orderBy('generation').uniqueKeys()) as string[]),
  ]);
  const orphans = [...stored].filter((generation) => !live.has(generation));
  for (const generation of orphans) await deleteGeneration(db, generation);
  return orphans.length;
}
