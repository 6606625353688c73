import { packRef } from '../../core/entity-ref';
import type { EntitySummary, SearchQuery } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';
import type { SearchEntry } from '../db/rows';
import { searchHaystack } from './pack-layout';
import { resolveEntity } from './resolve-entity';
import { searchEntries } from './search-index';

interface Hit {
  summary: EntitySummary;
  score: number;
}

/** 0 = name starts with the query, 1 = a word of the name does, 2 = anywhere in name, aliases or summary. */
function score(name: string, haystack: string, query: string): number {
  if (!query) return 3;
  const lowerName = name.toLowerCase();
  if (lowerName.startsWith(query)) return 0;
  if (lowerName.includes(` ${query}`)) return 1;
  return haystack.includes(query) ? 2 : -1;
}

function snippetOf(haystack: string): string {
  const lines = haystack.split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 120);
}

/**
 * Substring search over name, aliases and summaries for the popup. Pack entities come from the
 * cached search entries of each live generation; the reader's edits and own entities are few and
 * read fresh, and win over the pack's entries.
 */
export async function searchEntities(
  db: BackstoryDb,
  query: SearchQuery,
): Promise<{ total: number; items: EntitySummary[] }> {
  const needle = query.query.trim().toLowerCase();
  const hits: Hit[] = [];
  const consider = (summary: EntitySummary, haystack: string) => {
    if (query.type && summary.type !== query.type) return;
    const value = score(summary.name, haystack, needle);
    if (value >= 0) hits.push({ summary, score: value });
  };
  const edits = new Map((await db.edits.toArray()).map((edit) => [edit.ref, edit]));
  if (!query.source || query.source === 'own') {
    for (const row of await db.userEntities.toArray()) {
      if (row.deleted) continue;
      const haystack = searchHaystack(row.entity);
      consider(
        {
          id: row.id,
          name: row.entity.name,
          type: row.entity.type,
          packId: null,
          edited: false,
          snippet: snippetOf(haystack),
        },
        haystack,
      );
    }
  }
  if (query.source !== 'own') {
    for (const pack of await db.packs.toArray()) {
      if (query.source && query.source !== pack.id) continue;
      for (const entry of await searchEntries(db, pack.generation)) {
        const ref = packRef(pack.id, entry.entityId);
        const edit = edits.get(ref);
        if (edit?.hidden) continue;
        if (edit && Object.keys(edit.fields).length > 0) {
          await considerEdited(db, ref, pack.id, consider);
          continue;
        }
        consider(summaryOf(ref, pack.id, entry), entry.haystack);
      }
    }
  }
  hits.sort((a, b) => a.score - b.score);
  return {
    total: hits.length,
    items: hits.slice(query.offset, query.offset + query.limit).map((hit) => hit.summary),
  };
}

const summaryOf = (ref: string, packId: string, entry: SearchEntry): EntitySummary => ({
  id: ref,
  name: entry.name,
  type: entry.type,
  packId,
  edited: false,
  snippet: snippetOf(entry.haystack),
});

async function considerEdited(
  db: BackstoryDb,
  ref: string,
  packId: string,
  consider: (summary: EntitySummary, haystack: string) => void,
): Promise<void> {
  const resolved = await resolveEntity(db, ref);
  if (!resolved) return;
  const haystack = searchHaystack(resolved.entity);
  consider(
    {
      id: ref,
      name: resolved.entity.name,
      type: resolved.entity.type,
      packId,
      edited: true,
      snippet: snippetOf(haystack),
    },
    haystack,
  );
}
