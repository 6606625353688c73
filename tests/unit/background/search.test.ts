import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPack } from '../../../src/background/kb/import-pack';
import { CHUNK_SIZE, searchHaystack } from '../../../src/background/kb/pack-layout';
import { searchEntities } from '../../../src/background/kb/search';
import type { PackEntity } from '../../../src/core/pack/schema';
import { entity, freshDb, pack } from '../support/kb';

const names = (result: { items: Array<{ name: string }> }) => result.items.map((i) => i.name);

describe('popup search ranking', () => {
  it('shows names that start with the query, then names with a word that does, then the rest', async () => {
    const db = freshDb();
    await importPack(
      db,
      pack('news', [
        entity('a', 'Summary Only', { summary: { en: 'Runs labs in Berlin.' } }),
        entity('b', 'Xlabs Labs'),
        entity('c', 'Open Labs'),
        entity('d', 'Labs United'),
        entity('e', 'Alias Holder', { aliases: ['Labs Alias'] }),
        entity('f', 'Collabs'),
      ]),
      'test',
    );
    const result = await searchEntities(db, { query: 'LABS ', offset: 0, limit: 50 });
    expect(names(result)).toEqual([
      'Labs United',
      'Xlabs Labs', // its first "labs" is inside a word, its second starts one
      'Open Labs',
      'Summary Only',
      'Alias Holder',
      'Collabs',
    ]);
    expect(result.total).toBe(6);
  });

  it('agrees with a plain filter-and-sort over any entities, page by page', async () => {
    const word = fc.constantFrom('ka', 'kalo', 'labs', 'Xlabs', 'Renmin', 'measure', 'Über');
    const entityArb = fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      alias: fc.option(word, { nil: undefined }),
      summary: fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(entityArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('ka', 'labs', 'lab', 'measure', 'über', 'x', 's k', 'zz'),
        fc.nat({ max: 6 }),
        async (specs, query, offset) => {
          const entities: PackEntity[] = specs.map((spec, i) =>
            entity(`e${i}`, spec.name, {
              aliases: spec.alias ? [spec.alias] : [],
              summary: { en: spec.summary || 'none' },
            }),
          );
          const db = freshDb();
          await importPack(db, pack('gen', entities), 'test');
          const rank = (name: string) => {
            const lower = name.toLowerCase();
            if (lower.startsWith(query)) return 0;
            return lower.includes(` ${query}`) ? 1 : 2;
          };
          const expected = entities
            .filter((e) => searchHaystack(e).includes(query))
            .map((e, order) => ({ name: e.name, rank: rank(e.name), order }))
            .sort((a, b) => a.rank - b.rank || a.order - b.order)
            .map((e) => e.name);
          const result = await searchEntities(db, { query, offset, limit: 3 });
          expect(result.total).toBe(expected.length);
          expect(names(result)).toEqual(expected.slice(offset, offset + 3));
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds entities on both sides of a chunk boundary, in pack order and rank', async () => {
    // Three chunks; the query is in the last entity of one chunk and the first of the next.
    const count = CHUNK_SIZE * 2 + 10;
    const entities = Array.from({ length: count }, (_, i) => entity(`e${i}`, `Entity ${i}`));
    for (const i of [CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE * 2 - 1, CHUNK_SIZE * 2, count - 1])
      entities[i] = entity(`e${i}`, i === CHUNK_SIZE * 2 ? 'Mira Labs' : `Entity ${i}`, {
        summary: { en: `Works with Mira on chips (${i}).` },
      });
    const db = freshDb();
    await importPack(db, pack('big', entities), 'test');
    const result = await searchEntities(db, { query: 'mira', offset: 0, limit: 10 });
    expect(names(result)).toEqual([
      'Mira Labs',
      `Entity ${CHUNK_SIZE - 1}`,
      `Entity ${CHUNK_SIZE}`,
      `Entity ${CHUNK_SIZE * 2 - 1}`,
      `Entity ${count - 1}`,
    ]);
    expect((await searchEntities(db, { query: '', offset: 0, limit: 1 })).total).toBe(count);
  });
});
