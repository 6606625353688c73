import type { Transaction } from 'dexie';
import { buildColdIndex } from '../kb/cold-index';
import type { MatchIndexRow } from './rows';

/**
 * Upgrade to version 3: builds the cold-start directory and buckets of every stored match index.
 * Runs inside Dexie's upgrade transaction, so a failure leaves the version-2 database as it was.
 */
export async function buildColdIndexes(tx: Transaction): Promise<void> {
  const indexes = (await tx.table('matchIndexes').toArray()) as MatchIndexRow[];
  for (const index of indexes) {
    const { directory, buckets } = buildColdIndex(index);
    await tx.table('matchDirectories').put(directory);
    await tx.table('matchBuckets').bulkPut(buckets);
  }
}
