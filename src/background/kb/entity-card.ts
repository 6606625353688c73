import { parseRef } from '../../core/entity-ref';
import type { PackEntity } from '../../core/pack/schema';
import type { EntityCard } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';
import { readPackEntity } from './read-entity';

/** Summary in the reader's language, else English, else any (experience.md). */
export function pickText(texts: Record<string, string>, lang: string): string {
  const base = lang.split('-')[0] ?? lang;
  return texts[lang] ?? texts[base] ?? texts['en'] ?? Object.values(texts)[0] ?? '';
}

async function resolveEntity(db: BackstoryDb, ref: string): Promise<PackEntity | undefined> {
  const parsed = parseRef(ref);
  if (!parsed) return undefined;
  if (parsed.kind === 'user') return (await db.userEntities.get(ref))?.entity;
  const entity = await readPackEntity(db, ref);
  const edit = await db.edits.get(ref);
  if (!entity || edit?.hidden) return undefined;
  return edit ? { ...entity, ...edit.fields } : entity;
}

export async function entityCard(
  db: BackstoryDb,
  ref: string,
  lang: string,
): Promise<EntityCard | null> {
  const entity = await resolveEntity(db, ref);
  if (!entity) return null;
  return { id: ref, name: entity.name, type: entity.type, summary: pickText(entity.summary, lang) };
}
