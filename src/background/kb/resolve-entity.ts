import { parseRef } from '../../core/entity-ref';
import type { PackEntity } from '../../core/pack/schema';
import type { BackstoryDb } from '../db/database';
import type { EditRow } from '../db/rows';
import { readPackEntity } from './read-entity';

export interface ResolvedEntity {
  ref: string;
  packId: string | null;
  /** The entity as the reader sees it: pack fields with the reader's edits on top. */
  entity: PackEntity;
  edit?: EditRow;
}

/** Reads an entity by ref, merged with the reader's edits; undefined if missing or deleted. */
export async function resolveEntity(
  db: BackstoryDb,
  ref: string,
): Promise<ResolvedEntity | undefined> {
  const parsed = parseRef(ref);
  if (!parsed) return undefined;
  if (parsed.kind === 'user') {
    const row = await db.userEntities.get(ref);
    return row && !row.deleted ? { ref, packId: null, entity: row.entity } : undefined;
  }
  const [entity, edit] = await Promise.all([readPackEntity(db, ref), db.edits.get(ref)]);
  if (!entity || edit?.hidden) return undefined;
  return {
    ref,
    packId: parsed.packId,
    entity: edit ? { ...entity, ...edit.fields } : entity,
    ...(edit ? { edit } : {}),
  };
}
