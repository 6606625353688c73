import { fnv1a } from '../../core/hash';
import { formKey } from '../../core/match/keys';
import { normalizeForm } from '../../core/text/normalize';
import type { PackEntity } from '../../core/pack/schema';
import type {
  EntityChunkRow,
  MatchIndexRow,
  MatchRecord,
  SearchChunkRow,
  StoredForm,
} from '../db/rows';

/** Entities per chunk row: large rows make imports fast; a card reads one chunk (≈ 100–300 KB). */
export const CHUNK_SIZE = 256;

/** The key under which an entity is found by its id (to locate its chunk). */
export const idKey = (entityId: string) => `#id:${entityId}`;

/** The separator of entities in a search haystack; normalised text never contains it. */
export const HAYSTACK_SEPARATOR = '\u0000';

/** The forms of an entity as the matcher sees them, in a stable order (name first). */
export function storedForms(
  entity: Pick<PackEntity, 'name' | 'aliases' | 'followups' | 'exact'>,
): StoredForm[] {
  const exact = new Set(entity.exact.map(normalizeForm));
  const forms: StoredForm[] = [];
  const seen = new Set<string>();
  const add = (raw: string, followup: boolean, isName: boolean) => {
    const text = normalizeForm(raw);
    if (!text || seen.has(text)) return;
    seen.add(text);
    forms.push({ text, followup, exact: exact.has(text), isName });
  };
  add(entity.name, false, true);
  entity.aliases.forEach((alias) => add(alias, false, false));
  entity.followups.forEach((followup) => add(followup, true, false));
  return forms;
}

export function matchKeys(forms: StoredForm[]): string[] {
  return [...new Set(forms.map((form) => formKey(form.text)).filter((key) => key.length > 0))];
}

export function searchHaystack(entity: PackEntity): string {
  return [entity.name, ...entity.aliases, ...Object.values(entity.summary)]
    .join('\n')
    .toLowerCase()
    .replaceAll(HAYSTACK_SEPARATOR, '');
}

// A match record is one short string, not JSON: a cold worker reads every record of a pack at once.
const FIELD = '\u0001';
const FLAG_BASE = 0x40;
const clean = (text: string) => text.replaceAll(FIELD, '').replaceAll(HAYSTACK_SEPARATOR, '');

export function encodeRecord([id, name, type, forms]: MatchRecord): string {
  const encoded = forms.map(
    (form) =>
      String.fromCharCode(
        FLAG_BASE | (form.followup ? 1 : 0) | (form.exact ? 2 : 0) | (form.isName ? 4 : 0),
      ) + clean(form.text),
  );
  return [id, clean(name), type, ...encoded].join(FIELD);
}

/** The encoded match record of the entity with this ordinal in a full match index. */
export const recordText = (index: MatchIndexRow, ordinal: number): string =>
  index.records.slice(index.offsets[ordinal], index.offsets[ordinal + 1]);

export function decodeRecord(text: string): MatchRecord {
  const [id, name, type, ...encoded] = text.split(FIELD);
  const forms = encoded.map((field) => {
    const flags = field.charCodeAt(0);
    return {
      text: field.slice(1),
      followup: (flags & 1) !== 0,
      exact: (flags & 2) !== 0,
      isName: (flags & 4) !== 0,
    };
  });
  return [id!, name!, type as MatchRecord[2], forms];
}

/** Builds the match index of one generation from its entities, in pack order (ordinal = index). */
export function buildMatchIndex(generation: string, entities: PackEntity[]): MatchIndexRow {
  const pairs: Array<[hash: number, ordinal: number]> = [];
  const records: string[] = [];
  const offsets = new Uint32Array(entities.length + 1);
  let length = 0;
  entities.forEach((entity, ordinal) => {
    const forms = storedForms(entity);
    for (const key of [...matchKeys(forms), idKey(entity.id)]) pairs.push([fnv1a(key), ordinal]);
    const record = encodeRecord([entity.id, entity.name, entity.type, forms]);
    records.push(record);
    offsets[ordinal] = length;
    length += record.length;
  });
  offsets[entities.length] = length;
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    generation,
    hashes: Uint32Array.from(pairs, (pair) => pair[0]),
    ordinals: Uint32Array.from(pairs, (pair) => pair[1]),
    records: records.join(''),
    offsets,
  };
}

export function buildSearchChunk(
  generation: string,
  chunk: number,
  entities: PackEntity[],
): SearchChunkRow {
  return {
    generation,
    chunk,
    ids: entities.map((entity) => entity.id),
    names: entities.map((entity) => entity.name),
    types: entities.map((entity) => entity.type),
    haystack: entities.map(searchHaystack).join(HAYSTACK_SEPARATOR),
  };
}

export interface PackLayout {
  chunks: EntityChunkRow[];
  searchChunks: SearchChunkRow[];
  matchIndex: MatchIndexRow;
}

/** Lays a validated pack's entities out into the rows of one generation. Pure and synchronous. */
export function layoutPack(generation: string, entities: PackEntity[]): PackLayout {
  const chunks: EntityChunkRow[] = [];
  const searchChunks: SearchChunkRow[] = [];
  for (let start = 0, chunk = 0; start < entities.length; start += CHUNK_SIZE, chunk++) {
    const slice = entities.slice(start, start + CHUNK_SIZE);
    chunks.push({ generation, chunk, entities: slice });
    searchChunks.push(buildSearchChunk(generation, chunk, slice));
  }
  return { chunks, searchChunks, matchIndex: buildMatchIndex(generation, entities) };
}
