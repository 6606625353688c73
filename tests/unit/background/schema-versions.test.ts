import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackstoryDb } from '../../../src/background/db/database';
import { entityCard } from '../../../src/background/kb/entity-card';
import { lookupCandidates } from '../../../src/background/kb/lookup-candidates';
import { layoutPack } from '../../../src/background/kb/pack-layout';
import { sampleEntities } from '../support/kb';

/**
 * Every schema version ever released, frozen here as it shipped. Each test writes data with an
 * old version's declaration and opens it with the current code. Add an entry per new version.
 */
const RELEASED_VERSIONS: Record<number, Record<string, string>> = {
  1: {
    packs: '&id',
    entityChunks: '[generation+chunk], generation',
    buckets: '[generation+bucket], generation',
    keyFilters: '&generation',
    searchChunks: '[generation+chunk], generation',
    userEntities: '&id, *keys, type, updatedAt',
    edits: '&ref, *keys',
    history: '++seq, ref, [ref+at], at',
    importJobs: '&id, startedAt',
  },
};

describe('database schema versions', () => {
  for (const [version, stores] of Object.entries(RELEASED_VERSIONS)) {
    it(`opens data written by schema version ${version} with everything intact`, async () => {
      const name = `schema-v${version}-${Math.random()}`;
      // Write rows with a database declared exactly as that version shipped.
      const old = new Dexie(name);
      old.version(Number(version)).stores(stores);
      const layout = layoutPack('news@old', sampleEntities());
      await old
        .table('packs')
        .put({
          id: 'news',
          title: 'News',
          source: 'test',
          importedAt: 1,
          generation: 'news@old',
          entityCount: 6,
          bucketCount: layout.bucketCount,
          chunkCount: layout.chunks.length,
        });
      await old.table('entityChunks').bulkAdd(layout.chunks);
      await old.table('buckets').bulkAdd(layout.buckets);
      await old.table('searchChunks').bulkAdd(layout.searchChunks);
      await old.table('keyFilters').add({ generation: 'news@old', hashes: layout.hashes });
      await old
        .table('edits')
        .put({ ref: 'p/news/apple', fields: { note: 'Mine.' }, keys: [], updatedAt: 1 });
      await old
        .table('userEntities')
        .put({
          id: 'u/mine',
          entity: { ...sampleEntities()[0]!, id: 'mine', name: 'Mine Corp' },
          keys: ['mine'],
          createdAt: 1,
          updatedAt: 1,
        });
      old.close();

      const reopened = new BackstoryDb(name);
      await reopened.open();
      expect(reopened.verno).toBeGreaterThanOrEqual(Number(version));
      expect((await entityCard(reopened, 'p/news/apple', 'en'))?.note).toBe('Mine.');
      expect(
        (await lookupCandidates(reopened, ['alibaba', 'mine'])).map((c) => c.name).sort(),
      ).toEqual(['Alibaba Cloud', 'Alibaba Group', 'Mine Corp']);
    });
  }

  it('the current code declares the newest released version', () => {
    const newest = Math.max(...Object.keys(RELEASED_VERSIONS).map(Number));
    expect(new BackstoryDb('probe').verno).toBe(newest);
  });
});
