import { parseRef } from '../../core/entity-ref';
import type { PackEntity } from '../../core/pack/schema';
import type { LookupDb } from '../db/row-reader';
import { CHUNK_SIZE } from './pack-layout';
import { locateEntity } from './match-index';

/** Reads a pack entity by ref: the match index says which chunk holds it. */
export async function readPackEntity(db: LookupDb, ref: string): Promise<PackEntity | undefined> {
  const parsed = parseRef(ref);
  if (!parsed || parsed.kind !== 'pack') return undefined;
  const [pack] = await db.reads.many('packs', [parsed.packId]);
  const place = pack && (await locateEntity(db, pack.generation, parsed.entityId));
  if (!pack || !place) return undefined;
  const [chunk] = await db.reads.many('entityChunks', [[pack.generation, place.chunk]]);
  return chunk?.entities[place.ordinal % CHUNK_SIZE];
}
