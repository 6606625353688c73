import { parseRef } from '../../core/entity-ref';
import { fnv1a } from '../../core/hash';
import type { PackEntity } from '../../core/pack/schema';
import type { BackstoryDb } from '../db/database';
import { idKey } from './pack-layout';

/** Reads a pack entity by ref: its id key's bucket says which chunk holds it (two row reads). */
export async function readPackEntity(
  db: BackstoryDb,
  ref: string,
): Promise<PackEntity | undefined> {
  const parsed = parseRef(ref);
  if (!parsed || parsed.kind !== 'pack') return undefined;
  const pack = await db.packs.get(parsed.packId);
  if (!pack) return undefined;
  const key = idKey(parsed.entityId);
  const bucket = await db.buckets.get([pack.generation, fnv1a(key) & (pack.bucketCount - 1)]);
  const entry = bucket?.entries.find((e) => e.key === key);
  if (!entry) return undefined;
  const chunk = await db.entityChunks.get([pack.generation, entry.chunk]);
  return chunk?.entities.find((entity) => entity.id === parsed.entityId);
}
