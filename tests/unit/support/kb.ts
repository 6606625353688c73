import { BackstoryDb } from '../../../src/background/db/database';
import type { KeyValueArea } from '../../../src/background/kb/cold-mirror';
import { lookupCandidates } from '../../../src/background/kb/lookup-candidates';
import { fnv1a } from '../../../src/core/hash';
import type { Pack, PackEntity } from '../../../src/core/pack/schema';

let counter = 0;

/** A fresh, empty database with its own name (fake-indexeddb keeps databases per process). */
export function freshDb(coldMirror?: KeyValueArea): BackstoryDb {
  counter += 1;
  const name = `backstory-test-${counter}-${Math.random().toString(36).slice(2)}`;
  return new BackstoryDb(name, undefined, coldMirror);
}

/** `storage.local` as the mirror uses it: values go through JSON, as the browser stores them. */
export function memoryArea(): KeyValueArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (keys) =>
      Object.fromEntries(keys.filter((key) => items.has(key)).map((key) => [key, items.get(key)])),
    set: async (values) => {
      for (const [key, value] of Object.entries(values))
        items.set(key, JSON.parse(JSON.stringify(value)));
    },
    remove: async (keys) => {
      for (const key of keys) items.delete(key);
    },
  };
}

export function entity(id: string, name: string, extra: Partial<PackEntity> = {}): PackEntity {
  return {
    id,
    name,
    type: 'organization',
    aliases: [],
    followups: [],
    exact: [],
    summary: { en: `${name} in English.`, de: `${name} auf Deutsch.` },
    facts: [],
    links: [],
    related: [],
    tags: [],
    ...extra,
  };
}

export function pack(id: string, entities: PackEntity[], title = `Pack ${id}`): Pack {
  return { format: 'backstory-pack', version: 1, id, title, updated: '2025-02-14', entities };
}

export const sampleEntities = (): PackEntity[] => [
  entity('alibaba-group', 'Alibaba Group', { aliases: ['Alibaba', '阿里巴巴'] }),
  entity('alibaba-cloud', 'Alibaba Cloud', { aliases: ['Aliyun'] }),
  entity('joe-tsai', 'Joe Tsai', { type: 'person', followups: ['Tsai'], aliases: ['蔡崇信'] }),
  entity('apple', 'Apple', {
    facts: [
      { label: { en: 'CEO', de: 'Chef' }, value: 'Tim Cook', entity: 'tim-cook', asOf: '2025-02' },
    ],
  }),
  entity('tim-cook', 'Tim Cook', { type: 'person', followups: ['Cook'] }),
  entity('deepseek', 'DeepSeek', { summary: { en: 'Hangzhou AI lab behind R1.' } }),
];

/** Counts of every table: "the knowledge base is exactly as before" compares these and contents. */
export async function tableCounts(db: BackstoryDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

/** Every row of every table except the import job log, for before/after comparisons. */
export async function snapshot(db: BackstoryDb): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of db.tables)
    if (table.name !== 'importJobs') rows[table.name] = await table.toArray();
  return rows;
}

/** Candidate lookup as a page asks for it: by the hashes of its keys. */
export const candidatesFor = (db: BackstoryDb, keys: string[]) =>
  lookupCandidates(db, keys.map(fnv1a));
