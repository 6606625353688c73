import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackstoryDb } from '../../../src/background/db/database';
import { entityCard } from '../../../src/background/kb/entity-card';
import { importPack } from '../../../src/background/kb/import-pack';
import { forgetLoadedIndexes } from '../../../src/background/kb/match-index';
import { layoutPack } from '../../../src/background/kb/pack-layout';
import { searchEntities } from '../../../src/background/kb/search';
import { candidatesFor, pack, sampleEntities } from '../support/kb';

/**
 * Every released schema version, frozen here as it shipped, with a writer that stores data the way
 * that version's code did. Each test writes with an old declaration and opens with the current code.
 */
const V1_STORES = {
  packs: '&id',
  entityChunks: '[generation+chunk], generation',
  buckets: '[generation+bucket], generation',
  keyFilters: '&generation',
  searchChunks: '[generation+chunk], generation',
  userEntities: '&id, *keys, type, updatedAt',
  edits: '&ref, *keys',
  history: '++seq, ref, [ref+at], at',
  importJobs: '&id, startedAt',
};

const V2_STORES = {
  ...V1_STORES,
  buckets: null,
  keyFilters: null,
  matchIndexes: '&generation',
};

async function writeReaderData(db: Dexie): Promise<void> {
  await db
    .table('edits')
    .put({ ref: 'p/news/apple', fields: { note: 'Mine.' }, keys: [], updatedAt: 1 });
  await db.table('userEntities').put({
    id: 'u/mine',
    entity: { ...sampleEntities()[0]!, id: 'mine', name: 'Mine Corp', aliases: [] },
    keys: ['mine'],
    createdAt: 1,
    updatedAt: 1,
  });
  await db
    .table('history')
    .add({ ref: 'p/news/apple', url: 'https://a.example/', title: 'Seen', at: 5 });
}

const RELEASED: Record<number, (name: string) => Promise<void>> = {
  1: async (name) => {
    const db = new Dexie(name);
    db.version(1).stores(V1_STORES);
    // Version 1 kept key buckets and per-entity search entries; the upgrade rebuilds from chunks.
    await db.table('packs').put({
      id: 'news',
      title: 'News',
      source: 'test',
      importedAt: 1,
      generation: 'news@v1',
      entityCount: 6,
      bucketCount: 1,
      chunkCount: 1,
    });
    await db
      .table('entityChunks')
      .add({ generation: 'news@v1', chunk: 0, entities: sampleEntities() });
    await db.table('searchChunks').add({ generation: 'news@v1', chunk: 0, entries: [] });
    await db.table('buckets').add({ generation: 'news@v1', bucket: 0, entries: [] });
    await db.table('keyFilters').add({ generation: 'news@v1', hashes: new Uint32Array(0) });
    await writeReaderData(db);
    db.close();
  },
  2: async (name) => {
    const db = new Dexie(name);
    db.version(2).stores(V2_STORES);
    // Version 2 kept one match index per generation and no cold-start buckets.
    const { chunks, searchChunks, matchIndex } = layoutPack('news@v2', sampleEntities());
    await db.table('packs').put({
      id: 'news',
      title: 'News',
      source: 'test',
      importedAt: 1,
      generation: 'news@v2',
      entityCount: 6,
      chunkCount: chunks.length,
    });
    await db.table('entityChunks').bulkAdd(chunks);
    await db.table('searchChunks').bulkAdd(searchChunks);
    await db.table('matchIndexes').add(matchIndex);
    await writeReaderData(db);
    db.close();
  },
  3: async (name) => {
    const db = new BackstoryDb(name);
    await importPack(db, pack('news', sampleEntities()), 'test');
    await writeReaderData(db);
    db.close();
  },
};

describe('database schema versions', () => {
  for (const [version, write] of Object.entries(RELEASED)) {
    it(`opens data written by schema version ${version} with everything intact`, async () => {
      const name = `schema-v${version}-${Math.random()}`;
      await write(name);
      const db = new BackstoryDb(name);
      await db.open();
      expect(db.tables.map((table) => table.name)).not.toContain('buckets');
      // Every generation has its cold-start directory, so a freshly started worker can use it.
      expect(await db.matchDirectories.count()).toBe(await db.packs.count());
      forgetLoadedIndexes();
      expect((await entityCard(db, 'p/news/apple', 'en'))?.note).toBe('Mine.');
      expect((await entityCard(db, 'p/news/apple', 'en'))?.history.count).toBe(1);
      expect((await candidatesFor(db, ['alibaba', 'mine'])).map((c) => c.name).sort()).toEqual([
        'Alibaba Cloud',
        'Alibaba Group',
        'Mine Corp',
      ]);
      const found = await searchEntities(db, { query: 'alibaba', offset: 0, limit: 10 });
      expect(found.items.map((item) => item.name)).toEqual([
        'Alibaba Group',
        'Alibaba Cloud',
        'Mine Corp',
      ]);
    });
  }

  it('the current code declares the newest released version', () => {
    const newest = Math.max(...Object.keys(RELEASED).map(Number));
    expect(new BackstoryDb('probe').verno).toBe(newest);
  });
});
