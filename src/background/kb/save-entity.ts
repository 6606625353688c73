import { parseRef, userRef } from '../../core/entity-ref';
import type { PackEntity } from '../../core/pack/schema';
import type { EntityInput } from '../../core/protocol';
import { sameJson } from '../../core/same-json';
import { slugify } from '../../core/slug';
import type { BackstoryDb } from '../db/database';
import type { EditRow } from '../db/rows';
import { matchKeys, storedForms } from './pack-layout';
import { readPackEntity } from './read-entity';

const FORM_FIELDS = ['name', 'aliases', 'followups', 'exact'] as const;

function newOwnId(name: string): string {
  const base = slugify(name, 100) || 'entity';
  return `${/^[a-z0-9]/.test(base) ? base : `e-${base}`}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Only the fields that differ from the pack's, so later pack updates still reach the others. */
function changedFields(original: PackEntity, input: EntityInput): EditRow['fields'] {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as Array<[keyof EntityInput, unknown]>) {
    if (!sameJson(value, original[key])) fields[key] = value;
  }
  return fields as EditRow['fields'];
}

/** Creates the reader's own entity, or updates it, or records the reader's edit of a pack entity. */
export async function saveEntity(
  db: BackstoryDb,
  id: string | undefined,
  input: EntityInput,
): Promise<string> {
  const now = Date.now();
  const parsed = id ? parseRef(id) : null;
  if (id && !parsed) throw new Error(`There is no entity "${id}".`);
  if (!parsed || parsed.kind === 'user') {
    const ref = id ?? userRef(newOwnId(input.name));
    const existing = id ? await db.userEntities.get(ref) : undefined;
    if (id && !existing)
      throw new Error(`There is no entity "${id}" any more; it may have been deleted.`);
    const entity: PackEntity = { ...input, id: ref.slice(2) };
    await db.userEntities.put({
      id: ref,
      entity,
      keys: matchKeys(storedForms(entity)),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    return ref;
  }
  const original = await readPackEntity(db, id!);
  if (!original) throw new Error(`The pack entity "${id}" is not installed any more.`);
  const fields = changedFields(original, input);
  const formsChanged = FORM_FIELDS.some((field) => field in fields);
  const previous = await db.edits.get(id!);
  if (Object.keys(fields).length === 0 && !previous?.hidden) {
    await db.edits.delete(id!);
    return id!;
  }
  await db.edits.put({
    ref: id!,
    fields,
    keys: formsChanged ? matchKeys(storedForms({ ...original, ...fields })) : [],
    ...(previous?.hidden ? { hidden: true } : {}),
    updatedAt: now,
  });
  return id!;
}

/** Deletes softly, so that "undo" loses nothing: own entities are flagged, pack entities hidden. */
export async function setDeleted(db: BackstoryDb, id: string, deleted: boolean): Promise<boolean> {
  const parsed = parseRef(id);
  if (!parsed) return false;
  if (parsed.kind === 'user') {
    return (await db.userEntities.update(id, { deleted, updatedAt: Date.now() })) > 0;
  }
  const previous = await db.edits.get(id);
  if (!deleted && !previous) return false;
  await db.edits.put({
    ref: id,
    fields: previous?.fields ?? {},
    keys: previous?.keys ?? [],
    ...(deleted ? { hidden: true } : {}),
    updatedAt: Date.now(),
  });
  return true;
}
