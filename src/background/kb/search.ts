import { packRef } from '../../core/entity-ref';
import type { EntitySummary, SearchQuery } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';
import type { EditRow } from '../db/rows';
import { searchHaystack } from './pack-layout';
import { resolveEntity } from './resolve-entity';
import { RankedHits } from './ranked-hits';
import { locateEntity } from './match-index';
import { scanEntities, searchIndex, typeAt, type SearchRank } from './search-index';

/** The rank of an own or edited entity, as `scanEntities` reads it for a pack's entities. */
function rankOf(name: string, query: string): SearchRank {
  if (!query) return 2;
  const lowerName = name.toLowerCase();
  if (lowerName.startsWith(query)) return 0;
  return lowerName.includes(` ${query}`) ? 1 : 2;
}

/** Ids of the pack's entities the reader has edited: those are searched in their edited text. */
function editedIdsOf(packId: string, edits: Map<string, EditRow>): Set<string> {
  const prefix = packRef(packId, '');
  return new Set(
    [...edits.keys()]
      .filter((ref) => ref.startsWith(prefix))
      .map((ref) => ref.slice(prefix.length)),
  );
}

/**
 * Where the edited entities are in the generation, found through the match index once per query:
 * testing each hit's id instead would cut a string out of the packed ids for every hit.
 */
async function ordinalsOf(db: BackstoryDb, generation: string, ids: Set<string>) {
  const places = await Promise.all([...ids].map((id) => locateEntity(db, generation, id)));
  return new Set(places.flatMap((place) => (place ? [place.ordinal] : [])));
}

/**
 * Substring search over name, aliases and summaries for the popup. Pack entities are scanned in
 * each generation's cached search index; the reader's edits and own entities are few, read fresh,
 * and win over the pack's text. Results are ordered by rank, then in the order found (own
 * entities, then each pack's: ranked-hits.ts).
 */
export async function searchEntities(
  db: BackstoryDb,
  query: SearchQuery,
): Promise<{ total: number; items: EntitySummary[] }> {
  const needle = query.query.trim().toLowerCase();
  const hits = new RankedHits();
  const consider = (summary: EntitySummary, haystack: string) => {
    if (query.type && summary.type !== query.type) return;
    if (needle && !haystack.includes(needle)) return;
    hits.addSummary(rankOf(summary.name, needle), summary);
  };
  // Three small reads at once: each IndexedDB round trip costs a millisecond or two.
  const [ownRows, editRows, packs] = await Promise.all([
    db.userEntities.toArray(),
    db.edits.toArray(),
    db.packs.toArray(),
  ]);
  if (!query.source || query.source === 'own') {
    for (const row of ownRows) {
      if (row.deleted) continue;
      const { name, type } = row.entity;
      consider({ id: row.id, name, type, packId: null, edited: false }, searchHaystack(row.entity));
    }
  }
  if (query.source !== 'own') {
    const edits = new Map(editRows.map((edit) => [edit.ref, edit]));
    for (const pack of packs) {
      if (query.source && query.source !== pack.id) continue;
      const index = await searchIndex(db, pack.generation);
      const editedIds = editedIdsOf(pack.id, edits);
      const edited = await ordinalsOf(db, pack.generation, editedIds);
      const byRank = hits.packOrdinals(index, pack.id);
      scanEntities(index, needle, (ordinal, rank) => {
        if (query.type && typeAt(index, ordinal) !== query.type) return;
        if (edited.size > 0 && edited.has(ordinal)) return;
        byRank[rank].push(ordinal);
      });
      await considerEdited(
        db,
        [...editedIds].map((id) => packRef(pack.id, id)),
        edits,
        consider,
      );
    }
  }
  return { total: hits.total, items: hits.page(query.offset, query.limit) };
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
