import { packRef } from '../../core/entity-ref';
import type { MatchForm } from '../../core/match/types';
import type { CandidateEntity, Params, Result } from '../../core/protocol/protocol';
import { packCandidates, splitKeyHashes } from '../../core/protocol/candidates-wire';
import type { LookupDb } from '../db/row-reader';
import type { EditRow, PackRow, StoredForm } from '../db/rows';
import { fnv1a } from '../../core/hash';
import { recordsForPageKeys } from './match-index';
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

async function candidatesFromPacks(
  db: LookupDb,
  packs: PackRow[],
  hashes: number[],
): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  const perPack = await Promise.all(
    packs.map((pack) => recordsForPageKeys(db, pack.generation, hashes)),
  );
  packs.forEach((pack, i) => {
    for (const { record } of perPack[i]!) {
      const [entityId, name, type, forms] = record;
      const ref = packRef(pack.id, entityId);
      found.set(ref, { ref, name, type, forms, own: false });
    }
  });
  return found;
}

/** Applies the reader's edit to a pack entity's forms; a hidden entity drops out. */
async function withEdit(
  db: LookupDb,
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
 * The entities whose forms could occur on a page with keys of these FNV-1a hashes (architecture.md
 * step 3): pack entities through the generation's match index, the reader's edits applied, and the
 * reader's own entities. Work grows with the page's keys and the hits, not with the knowledge base.
 * A hash collision may add an entity the page's matcher then never matches.
 */
export async function lookupCandidates(
  db: LookupDb,
  keyHashes: number[],
): Promise<CandidateEntity[]> {
  const onPage = new Set(keyHashes);
  if (onPage.size === 0) return [];
  const hashes = [...onPage];
  const anyOnPage = (keys: string[]) => keys.some((key) => onPage.has(fnv1a(key)));
  // The reader's edits and own entities are read while the packs are searched (each IndexedDB
  // round trip costs a millisecond or two); they are few: reading them all beats a query per key.
  const [found, edits, own] = await Promise.all([
    db.reads.all('packs').then((packs) => candidatesFromPacks(db, packs, hashes)),
    db.reads.all('edits'),
    db.reads.all('userEntities'),
  ]);
  for (const edit of edits) {
    if (!found.has(edit.ref) && !anyOnPage(edit.keys)) continue;
    const edited = await withEdit(db, found.get(edit.ref), edit);
    if (edited) found.set(edit.ref, edited);
    else found.delete(edit.ref);
  }
  for (const row of own) {
    if (row.deleted || !anyOnPage(row.keys)) continue;
    const { name, type } = row.entity;
    found.set(row.id, { ref: row.id, name, type, forms: storedForms(row.entity), own: true });
  }
  return [...found.values()].map(toCandidate);
}

/** The reply to a page's `lookupCandidates` message. */
export const answerLookup = async (
  db: LookupDb,
  { hashes }: Params<'lookupCandidates'>,
): Promise<Result<'lookupCandidates'>> => ({
  packed: packCandidates(await lookupCandidates(db, splitKeyHashes(hashes))),
});
