import { afterEach, describe, expect, it, vi } from 'vitest';
import { bucketBitsFor, buildColdIndex, mayContain } from '../../../src/background/kb/cold-index';
import { importPack } from '../../../src/background/kb/import-pack';
import {
  forgetLoadedIndexes,
  fullIndexLoaded,
  prefetchMatchDirectories,
} from '../../../src/background/kb/match-index';
import { buildMatchIndex, matchKeys, storedForms } from '../../../src/background/kb/pack-layout';
import { readPackEntity } from '../../../src/background/kb/read-entity';
import { fnv1a } from '../../../src/core/hash';
import { generateEntities } from '../../bench/generate-pack';
import { candidatesFor, freshDb, pack } from '../support/kb';

const entities = generateEntities(3000);

afterEach(() => vi.restoreAllMocks());

describe('the cold-start index (directory and buckets)', () => {
  const index = buildMatchIndex('gen@1', entities);
  const { directory, buckets } = buildColdIndex(index);

  it('has every entry of the full index, in its bucket, with its record', () => {
    expect(directory.bucketBits).toBe(bucketBitsFor(index.hashes.length));
    expect(buckets.reduce((sum, bucket) => sum + bucket.hashes.length, 0)).toBe(
      index.hashes.length,
    );
    // The directory holds the match keys only; the id entries are for cards, read by bucket.
    expect(directory.fingerprints.length).toBe(index.hashes.length - entities.length);
    for (const entity of entities)
      for (const key of matchKeys(storedForms(entity)))
        expect(mayContain(directory, fnv1a(key))).toBe(true);
    const bucket = buckets[7]!;
    const ordinal = bucket.ordinals[0]!;
    expect(bucket.records[0]).toBe(
      index.records.slice(index.offsets[ordinal], index.offsets[ordinal + 1]),
    );
  });

  it('rules out almost every key that is not in the index without reading a bucket', () => {
    const strangers = Array.from({ length: 5000 }, (_, i) => fnv1a(`stranger-${i}`));
    const maybe = strangers.filter((hash) => mayContain(directory, hash)).length;
    expect(maybe / strangers.length).toBeLessThan(0.01);
  });

  it('keeps a tiny pack in one bucket', () => {
    expect(bucketBitsFor(3)).toBe(0);
    const small = buildColdIndex(buildMatchIndex('small@1', entities.slice(0, 2)));
    expect(small.buckets).toHaveLength(1);
    expect(mayContain(small.directory, small.buckets[0]!.hashes[0]!)).toBe(true);
  });
});

describe('a freshly started worker', () => {
  const keys = [
    ...entities.filter((_, i) => i % 97 === 0).map((e) => e.name.split(' ')[0]!.toLowerCase()),
    ...Array.from({ length: 500 }, (_, i) => `wort${i}`),
  ];
  const answer = async (db: ReturnType<typeof freshDb>) =>
    (await candidatesFor(db, keys)).map((c) => `${c.id} ${c.forms.length}`).sort();

  it('finds the same candidates from the buckets as later from the full index in memory', async () => {
    const db = freshDb();
    const installed = await importPack(db, pack('gen', entities), 'test');
    forgetLoadedIndexes();
    const cold = await answer(db);
    expect(cold.length).toBeGreaterThanOrEqual(31);
    expect(fullIndexLoaded(installed.generation)).toBe(false);
    await expect.poll(() => fullIndexLoaded(installed.generation)).toBe(true);
    expect(await answer(db)).toEqual(cold);
  });

  it('still answers when reading the directories at start-up failed', async () => {
    const db = freshDb();
    await importPack(db, pack('gen', entities), 'test');
    forgetLoadedIndexes();
    vi.spyOn(db.matchDirectories, 'toArray').mockRejectedValueOnce(new Error('disk hiccup'));
    const starting = prefetchMatchDirectories(db);
    const cold = answer(db);
    await starting;
    expect((await cold).length).toBeGreaterThanOrEqual(31);
  });

  it('reads an entity for its card through the buckets', async () => {
    const db = freshDb();
    await importPack(db, pack('gen', entities), 'test');
    forgetLoadedIndexes();
    expect((await readPackEntity(db, 'p/gen/gen-2345'))?.name).toBe(entities[2345]!.name);
    expect(await readPackEntity(db, 'p/gen/not-there')).toBeUndefined();
  });
});
