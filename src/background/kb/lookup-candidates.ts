import { packRef } from '../../core/entity-ref';
import { fnv1a } from '../../core/hash';
import type { MatchForm } from '../../core/match/types';
import type { CandidateEntity } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';
import type { EditRow, StoredForm } from '../db/rows';
import { hasHash, keyFilter } from './key-filter-cache';
import { storedForms } from './pack-layout';
import { readPackEntity } from './read-entity';

interface Found {
  ref: string;
  name: string;
  type: CandidateEntity['type'];
  forms: StoredForm[];
  own: boolean;
}

/**
 * Rank of a form when several entities share it (matching.md rule 11): lower is shown first.
 * The reader's own entities first, then a form that is an entity's display name, then aliases.
 */
const rankOf = (form: StoredForm, own: boolean) => (own ? 0 : 2) + (form.isName ? 0 : 1);

function toCandidate({ ref, name, type, forms, own }: Found): CandidateEntity {
  const matchForms: MatchForm[] = forms.map((form) => ({
    form: form.text,
    entityId: ref,
    kind: form.followup ? 'followup' : 'full',
    exact: form.exact,
    rank: rankOf(form, own),
  }));
  return { id: ref, name, type, forms: matchForms };
}

async function packCandidates(db: BackstoryDb, keys: Set<string>): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  for (const pack of await db.packs.toArray()) {
    const hashes = await keyFilter(db, pack.generation);
    const bucketIds = new Set<number>();
    for (const key of keys) {
      const hash = fnv1a(key);
      if (hasHash(hashes, hash)) bucketIds.add(hash & (pack.bucketCount - 1));
    }
    if (bucketIds.size === 0) continue;
    const bucketKeys = [...bucketIds].map((bucket): [string, number] => [pack.generation, bucket]);
    for (const row of await db.buckets.bulkGet(bucketKeys)) {
      for (const entry of row?.entries ?? []) {
        const ref = packRef(pack.id, entry.entityId);
        if (keys.has(entry.key) && !found.has(ref)) {
          found.set(ref, {
            ref,
            name: entry.name,
            type: entry.type,
            forms: entry.forms,
            own: false,
          });
        }
      }
    }
  }
  return found;
}

/** Applies the reader's edit to a pack entity's forms; a hidden entity drops out. */
async function withEdit(
  db: BackstoryDb,
  found: Found | undefined,
  edit: EditRow,
): Promise<Found | null> {
  if (edit.hidden) return null;
  const { name, aliases, followups, exact, type } = edit.fields;
  if (found && !name && !aliases && !followups && !exact && !type) return found;
  const entity = await readPackEntity(db, edit.ref);
  if (!entity) return null;
  const merged = { ...entity, ...edit.fields };
  return {
    ref: edit.ref,
    name: merged.name,
    type: merged.type,
    forms: storedForms(merged),
    own: false,
  };
}

/**
 * The entities whose forms could occur on a page with these keys (architecture.md step 3): pack
 * entities through the key filter and hash buckets, the reader's edits applied, and the reader's
 * own entities. Work grows with the page's keys and the hits, not with the knowledge base.
 */
export async function lookupCandidates(
  db: BackstoryDb,
  keyList: string[],
): Promise<CandidateEntity[]> {
  const keys = new Set(keyList);
  if (keys.size === 0) return [];
  const found = await packCandidates(db, keys);
  const editedRefs = (await db.edits
    .where('keys')
    .anyOf([...keys])
    .primaryKeys()) as string[];
  const edits = await db.edits.bulkGet([...new Set([...found.keys(), ...editedRefs])]);
  for (const edit of edits) {
    if (!edit) continue;
    const edited = await withEdit(db, found.get(edit.ref), edit);
    if (edited) found.set(edit.ref, edited);
    else found.delete(edit.ref);
  }
  for (const row of await db.userEntities
    .where('keys')
    .anyOf([...keys])
    .toArray()) {
    if (row.deleted) continue;
    const { name, type } = row.entity;
    found.set(row.id, { ref: row.id, name, type, forms: storedForms(row.entity), own: true });
  }
  return [...found.values()].map(toCandidate);
}
