import { fnv1a } from '../../core/hash';
import { formKey } from '../../core/match/keys';
import { normalizeForm } from '../../core/text/normalize';
import type { PackEntity } from '../../core/pack/schema';
import type {
  BucketEntry,
  BucketRow,
  EntityChunkRow,
  SearchChunkRow,
  StoredForm,
} from '../db/rows';

/** Entities per chunk row: large rows make imports fast; a card reads one chunk (≈ 100–300 KB). */
export const CHUNK_SIZE = 256;
/** Target keys per bucket row; candidate lookup reads one bucket per key that exists. */
const KEYS_PER_BUCKET = 8;
const MAX_BUCKETS = 1 << 14;

/** The key under which an entity's location (its chunk) is found by id. */
export const idKey = (entityId: string) => `#id:${entityId}`;

export function bucketCountFor(keyCount: number): number {
  let count = 1;
  while (count < MAX_BUCKETS && count * KEYS_PER_BUCKET < keyCount) count <<= 1;
  return count;
}

export const bucketOf = (key: string, bucketCount: number) => fnv1a(key) & (bucketCount - 1);

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
    .toLowerCase();
}

export interface PackLayout {
  chunks: EntityChunkRow[];
  buckets: BucketRow[];
  searchChunks: SearchChunkRow[];
  hashes: Uint32Array;
  bucketCount: number;
}

/** Lays a validated pack's entities out into the rows of one generation. Pure and synchronous. */
export function layoutPack(generation: string, entities: PackEntity[]): PackLayout {
  const chunks: EntityChunkRow[] = [];
  const searchChunks: SearchChunkRow[] = [];
  const entriesByKey: BucketEntry[] = [];
  entities.forEach((entity, index) => {
    const chunk = Math.floor(index / CHUNK_SIZE);
    if (index % CHUNK_SIZE === 0) {
      chunks.push({ generation, chunk, entities: [] });
      searchChunks.push({ generation, chunk, entries: [] });
    }
    chunks[chunk]!.entities.push(entity);
    searchChunks[chunk]!.entries.push({
      entityId: entity.id,
      name: entity.name,
      type: entity.type,
      haystack: searchHaystack(entity),
    });
    const forms = storedForms(entity);
    for (const key of [...matchKeys(forms), idKey(entity.id)]) {
      entriesByKey.push({
        key,
        entityId: entity.id,
        chunk,
        name: entity.name,
        type: entity.type,
        forms,
      });
    }
  });
  const distinctKeys = new Set(entriesByKey.map((entry) => entry.key));
  const bucketCount = bucketCountFor(distinctKeys.size);
  const buckets: BucketRow[] = Array.from({ length: bucketCount }, (_, bucket) => ({
    generation,
    bucket,
    entries: [],
  }));
  for (const entry of entriesByKey) buckets[bucketOf(entry.key, bucketCount)]!.entries.push(entry);
  const hashes = Uint32Array.from([...distinctKeys].map(fnv1a)).sort();
  return {
    chunks,
    buckets: buckets.filter((b) => b.entries.length > 0),
    searchChunks,
    hashes,
    bucketCount,
  };
}
