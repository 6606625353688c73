import { packRef } from '../../core/entity-ref';
import type { EntitySummary, SearchQuery } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';
import type { EditRow } from '../db/rows';
import { searchHaystack } from './pack-layout';
import { resolveEntity } from './resolve-entity';
import { entitiesContaining, searchIndex } from './search-index';

interface Hit {
  summary: EntitySummary;
  score: number;
}

/** 0 = the name starts with the query, 1 = a word of the name does, 2 = found elsewhere. */
function score(name: string, query: string): number {
  if (!query) return 2;
  const lowerName = name.toLowerCase();
  if (lowerName.startsWith(query)) return 0;
  return lowerName.includes(` ${query}`) ? 1 : 2;
}

/**
 * Substring search over name, aliases and summaries for the popup. Pack entities are scanned in
 * each generation's cached search index; the reader's edits and own entities are few, read fresh,
 * and win over the pack's text.
 */
export async function searchEntities(
  db: BackstoryDb,
  query: SearchQuery,
): Promise<{ total: number; items: EntitySummary[] }> {
  const needle = query.query.trim().toLowerCase();
  const hits: Hit[] = [];
  const consider = (summary: EntitySummary, haystack: string) => {
    if (query.type && summary.type !== query.type) return;
    if (needle && !haystack.includes(needle)) return;
    hits.push({ summary, score: score(summary.name, needle) });
  };
  if (!query.source || query.source === 'own') {
    for (const row of await db.userEntities.toArray()) {
      if (row.deleted) continue;
      const { name, type } = row.entity;
      consider({ id: row.id, name, type, packId: null, edited: false }, searchHaystack(row.entity));
    }
  }
  if (query.source !== 'own') {
    const edits = new Map((await db.edits.toArray()).map((edit) => [edit.ref, edit]));
    for (const pack of await db.packs.toArray()) {
      if (query.source && query.source !== pack.id) continue;
      const index = await searchIndex(db, pack.generation);
      const editedHere = new Set<string>();
      for (const ordinal of entitiesContaining(index, needle)) {
        const ref = packRef(pack.id, index.ids[ordinal]!);
        if (edits.has(ref)) continue;
        const summary = {
          id: ref,
          name: index.names[ordinal]!,
          type: index.types[ordinal]!,
          packId: pack.id,
          edited: false,
        };
        if (!query.type || summary.type === query.type)
          hits.push({ summary, score: score(summary.name, needle) });
      }
      for (const edit of edits.values())
        if (edit.ref.startsWith(`p/${pack.id}/`)) editedHere.add(edit.ref);
      await considerEdited(db, [...editedHere], edits, consider);
    }
  }
  hits.sort((a, b) => a.score - b.score);
  return {
    total: hits.length,
    items: hits.slice(query.offset, query.offset + query.limit).map((hit) => hit.summary),
  };
}

async function considerEdited(
  db: BackstoryDb,
  refs: string[],
  edits: Map<string, EditRow>,
  consider: (summary: EntitySummary, haystack: string) => void,
): Promise<void> {
  for (const ref of refs) {
    if (edits.get(ref)?.hidden) continue;
    const resolved = await resolveEntity(db, ref);
    if (!resolved) continue;
    const { name, type } = resolved.entity;
    consider(
      { id: ref, name, type, packId: resolved.packId, edited: true },
      searchHaystack(resolved.entity),
    );
  }
}

/**
 * Loads every pack's search index ahead of the first query. The popup calls this when it opens:
 * a cold worker needs about a second to read a 100,000-entity index, and a reader starts typing later.
 */
export async function warmSearchIndexes(db: BackstoryDb): Promise<void> {
  for (const pack of await db.packs.toArray()) await searchIndex(db, pack.generation);
}
