import { packRef } from '../../core/entity-ref';
import type { Pack, PackEntity } from '../../core/pack/schema';
import type { BackstoryDb } from '../db/database';

/** An exported entity: empty optional fields are left out to keep files small. */
function tidy({ wikidata, note, ...required }: PackEntity): PackEntity {
  return { ...required, ...(wikidata ? { wikidata } : {}), ...(note ? { note } : {}) };
}

/**
 * Writes the knowledge base as the reader sees it (edits applied, deleted entities left out) as one
 * pack that imports back to the same entities: "all", or only the reader's own entities.
 */
export async function exportPack(
  db: BackstoryDb,
  scope: 'all' | 'own',
): Promise<{ fileName: string; text: string }> {
  const entities: PackEntity[] = [];
  const usedIds = new Set<string>();
  const add = (entity: PackEntity) => {
    let id = entity.id;
    for (let n = 2; usedIds.has(id); n++) id = `${entity.id}-${n}`;
    usedIds.add(id);
    entities.push(tidy({ ...entity, id }));
  };
  if (scope === 'all') {
    const edits = new Map((await db.edits.toArray()).map((edit) => [edit.ref, edit]));
    for (const pack of await db.packs.toArray()) {
      const chunks = await db.entityChunks
        .where('generation')
        .equals(pack.generation)
        .sortBy('chunk');
      for (const entity of chunks.flatMap((chunk) => chunk.entities)) {
        const edit = edits.get(packRef(pack.id, entity.id));
        if (edit?.hidden) continue;
        add(edit ? { ...entity, ...edit.fields } : entity);
      }
    }
  }
  for (const row of await db.userEntities.orderBy('updatedAt').toArray()) {
    if (!row.deleted) add(row.entity);
  }
  const today = new Date().toISOString().slice(0, 10);
  const pack: Pack = {
    format: 'backstory-pack',
    version: 1,
    id: scope === 'all' ? 'my-knowledge-base' : 'my-entities',
    title: scope === 'all' ? 'My Backstory knowledge base' : 'My own Backstory entities',
    updated: today,
    entities,
  };
  return { fileName: `backstory-${pack.id}-${today}.json`, text: JSON.stringify(pack, null, 1) };
}
