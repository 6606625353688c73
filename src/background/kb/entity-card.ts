import type { Fact } from '../../core/pack/schema';
import type { CardFact, EntityCard } from '../../core/protocol';
import { packRef } from '../../core/entity-ref';
import type { BackstoryDb } from '../db/database';
import { historyOf } from './history';
import { resolveEntity } from './resolve-entity';

/** Text in the reader's language, else English, else any (experience.md). */
export function pickText(texts: Record<string, string>, lang: string): string {
  const base = lang.split('-')[0] ?? lang;
  return texts[lang] ?? texts[base] ?? texts['en'] ?? Object.values(texts)[0] ?? '';
}

function cardFact(fact: Fact, lang: string, packId: string | null): CardFact {
  const label = typeof fact.label === 'string' ? fact.label : pickText(fact.label, lang);
  return {
    label,
    value: fact.value,
    // A fact names an entity of the same pack (pack-format.md); own entities point into own ones.
    ...(fact.entity ? { entity: packId ? packRef(packId, fact.entity) : `u/${fact.entity}` } : {}),
    ...(fact.asOf ? { asOf: fact.asOf } : {}),
    ...(fact.source ? { source: fact.source } : {}),
  };
}

export async function entityCard(
  db: BackstoryDb,
  ref: string,
  lang: string,
): Promise<EntityCard | null> {
  const resolved = await resolveEntity(db, ref);
  if (!resolved) return null;
  const { entity, packId } = resolved;
  const pack = packId ? await db.packs.get(packId) : undefined;
  return {
    id: ref,
    name: entity.name,
    type: entity.type,
    summary: pickText(entity.summary, lang),
    facts: entity.facts.map((fact) => cardFact(fact, lang, packId)),
    links: entity.links.map(({ label, url }) => ({ label, url })),
    note: entity.note ?? '',
    own: packId === null,
    ...(pack ? { packTitle: pack.title } : {}),
    history: await historyOf(db, ref),
  };
}
