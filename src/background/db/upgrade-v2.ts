import type { Transaction } from 'dexie';
import { buildMatchIndex, buildSearchChunk } from '../kb/pack-layout';
import type { EntityChunkRow, PackRow } from './rows';

/**
 * Upgrade to version 2: builds each live generation's match index and rewrites its search chunks
 * in the compact form, from the entity chunks, which are unchanged. Runs inside Dexie's upgrade
 * transaction, so a failure leaves the version-1 database as it was.
 */
export async function rebuildGenerationIndexes(tx: Transaction): Promise<void> {
  const packs = (await tx.table('packs').toArray()) as Array<PackRow & { bucketCount?: number }>;
  for (const pack of packs) {
    const chunks = (await tx
      .table('entityChunks')
      .where('generation')
      .equals(pack.generation)
      .sortBy('chunk')) as EntityChunkRow[];
    const entities = chunks.flatMap((chunk) => chunk.entities);
    await tx.table('matchIndexes').put(buildMatchIndex(pack.generation, entities));
    await tx.table('searchChunks').where('generation').equals(pack.generation).delete();
    await tx
      .table('searchChunks')
      .bulkAdd(
        chunks.map((chunk) => buildSearchChunk(pack.generation, chunk.chunk, chunk.entities)),
      );
    const { bucketCount: _dropped, ...rest } = pack;
    await tx.table('packs').put(rest);
  }
}
