import type { Fact, PackEntity } from '../../../core/pack/schema';
import type { EntityInput } from '../../../core/protocol';
import type { Draft, FactDraft } from './draft';
import { sameJson } from '../../../core/same-json';

/** The entity the draft describes, plus which draft row each list entry came from. */
export interface DraftInput {
  input: EntityInput;
  /** Draft row keys by list index: blank rows are left out, so indices shift. */
  rows: { facts: number[]; links: number[]; summaries: Map<string, number> };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const isBlankFact = (f: FactDraft) =>
  !f.labelEn.trim() && !f.labelDe.trim() && !f.value.trim() && !f.asOf.trim() && !f.source.trim();

function factLabel(f: FactDraft): Fact['label'] {
  if (f.plainLabel && !f.labelDe.trim()) return f.labelEn;
  const label: Record<string, string> = {};
  if (f.labelEn.trim()) label.en = f.labelEn.trim();
  if (f.labelDe.trim()) label.de = f.labelDe.trim();
  return { ...label, ...f.otherLabels };
}

/** Keys in the schema's order, so an untouched fact compares equal to the stored one. */
function toFact(f: FactDraft): Fact {
  return {
    label: factLabel(f),
    value: f.value,
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.asOf.trim() ? { asOf: f.asOf.trim() } : {}),
    ...(f.source.trim() ? { source: f.source.trim() } : {}),
  };
}

/**
 * Turns the draft into the entity to save. Fields the editor does not show (exact forms, related,
 * tags, wikidata, a fact's entity) are carried over. A field the reader left as it was is sent
 * exactly as stored: the background keeps an edit of a pack entity field by field, and a field
 * that merely looks different would stop later pack updates from reaching it.
 */
export function toInput(draft: Draft, original: PackEntity | null): DraftInput {
  const facts = draft.facts.filter((f) => !isBlankFact(f));
  const links = draft.links.filter((l) => l.label.trim() || l.url.trim());
  const summaries = draft.summaries.filter((s) => s.text.trim());
  const input: EntityInput = {
    name: draft.name,
    type: draft.type,
    aliases: lines(draft.aliases),
    followups: lines(draft.followups),
    exact: original?.exact ?? [],
    summary: Object.fromEntries(summaries.map((s) => [s.lang.trim(), s.text.trim()])),
    facts: facts.map(toFact),
    links: links.map((l) => ({ label: l.label, url: l.url.trim() })),
    related: original?.related ?? [],
    tags: original?.tags ?? [],
    ...(original?.wikidata ? { wikidata: original.wikidata } : {}),
    ...(draft.note.trim() ? { note: draft.note } : {}),
  };
  if (original) {
    const mutable = input as Record<string, unknown>;
    const stored = original as Record<string, unknown>;
    for (const field of Object.keys(mutable)) {
      // Key order does not matter: `{en, de}` and `{de, en}` are the same label.
      if (sameJson(mutable[field], stored[field])) mutable[field] = stored[field];
    }
  }
  return {
    input,
    rows: {
      facts: facts.map((f) => f.key),
      links: links.map((l) => l.key),
      summaries: new Map(summaries.map((s) => [s.lang.trim(), s.key])),
    },
  };
}
