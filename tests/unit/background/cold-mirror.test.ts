import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPack } from '../../../src/background/kb/import-pack';
import { forgetLoadedIndexes } from '../../../src/background/kb/match-index';
import {
  dropDeadMirrorsAtStartUp,
  mirrorLiveGenerations,
} from '../../../src/background/kb/mirror-upkeep';
import { removePack } from '../../../src/background/kb/remove-pack';
import type { BackstoryDb } from '../../../src/background/db/database';
import { generateEntities } from '../../bench/generate-pack';
import { candidatesFor, freshDb, memoryArea, pack } from '../support/kb';

const entities = generateEntities(3000);
// Names of every 97th entity and 500 words no entity has, as a page's keys.
const keys = [
  ...entities.filter((_, i) => i % 97 === 0).map((e) => e.name.split(' ')[0]!.toLowerCase()),
  ...Array.from({ length: 500 }, (_, i) => `wort${i}`),
];

/** A freshly started worker's answer, as ids and form counts. */
async function coldAnswer(db: BackstoryDb): Promise<string[]> {
  forgetLoadedIndexes();
  return (await candidatesFor(db, keys)).map((c) => `${c.id} ${c.forms.length}`).sort();
}

/** The answer from IndexedDB alone (no mirror), the reference every mirror answer must equal. */
async function referenceAnswer(): Promise<string[]> {
  const db = freshDb();
  await importPack(db, pack('gen', entities), 'test');
  return coldAnswer(db);
}

const bucketReads = (db: BackstoryDb) => {
  const many = vi.spyOn(db.reads, 'many');
  return () => many.mock.calls.filter(([store]) => store === 'matchBuckets').length;
};

const mirrorKeys = (area: ReturnType<typeof memoryArea>, generation: string) =>
  [...area.items.keys()].filter((key) => key.startsWith(`cold:${generation}`));

afterEach(() => vi.restoreAllMocks());

describe('the cold-start mirror in storage.local', () => {
  it('answers a freshly started worker in one read, as IndexedDB would', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    await importPack(db, pack('gen', entities), 'test');
    const get = vi.spyOn(area, 'get');
    const bucketReadCount = bucketReads(db);
    const answer = await coldAnswer(db);
    expect(answer).toEqual(await referenceAnswer());
    expect(answer.length).toBeGreaterThanOrEqual(31);
    expect(bucketReadCount()).toBe(0);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('is not used while incomplete: its marker is written last', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    const installed = await importPack(db, pack('gen', entities), 'test');
    area.items.delete(`cold:${installed.generation}`);
    const bucketReadCount = bucketReads(db);
    expect(await coldAnswer(db)).toEqual(await referenceAnswer());
    expect(bucketReadCount()).toBe(1);
  });

  it('falls back to IndexedDB when a value is malformed or the read fails', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    const installed = await importPack(db, pack('gen', entities), 'test');
    const reference = await referenceAnswer();
    const bucketKeys = mirrorKeys(area, installed.generation).filter(
      (k) => k.split(':').length > 2,
    );
    // Values of another shape, and strings whose parts do not fit together.
    bucketKeys.forEach((key, i) =>
      area.items.set(key, i % 2 ? ['not', 'a', 'bucket'] : '1,2\u00003\u0000record'),
    );
    expect(await coldAnswer(db)).toEqual(reference);
    vi.spyOn(area, 'get').mockRejectedValue(new Error('storage is gone'));
    expect(await coldAnswer(db)).toEqual(reference);
  });

  it('does not fail an import when it cannot be written, and leaves nothing behind', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let writes = 0;
    vi.spyOn(area, 'set').mockImplementation(async (values) => {
      writes += 1;
      // The registry and the first buckets are written, then the disk is full.
      if (writes > 2) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [key, value] of Object.entries(values)) area.items.set(key, value);
    });
    const installed = await importPack(db, pack('gen', entities), 'test');
    expect(warn).toHaveBeenCalled();
    expect(mirrorKeys(area, installed.generation)).toEqual([]);
    expect(await coldAnswer(db)).toEqual(await referenceAnswer());
  });

  it('goes with its generation: a re-import or a removed pack leaves no keys of the old one', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    const first = await importPack(db, pack('gen', entities), 'test');
    expect(mirrorKeys(area, first.generation).length).toBeGreaterThan(100);
    const second = await importPack(db, pack('gen', entities.slice(0, 500)), 'test');
    expect(mirrorKeys(area, first.generation)).toEqual([]);
    expect(mirrorKeys(area, second.generation).length).toBeGreaterThan(1);
    await removePack(db, 'gen');
    expect(mirrorKeys(area, second.generation)).toEqual([]);
    expect(area.items.get('coldMirrors')).toEqual({});
  });

  it('is removed again when the import fails after writing it', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    vi.spyOn(db.packs, 'put').mockRejectedValueOnce(new Error('commit failed'));
    await expect(importPack(db, pack('gen', entities), 'test')).rejects.toThrow('commit failed');
    expect([...area.items.keys()].filter((key) => key.startsWith('cold:'))).toEqual([]);
  });

  it('is tidied and completed at start-up', async () => {
    const area = memoryArea();
    const db = freshDb(area);
    const installed = await importPack(db, pack('gen', entities), 'test');
    // A mirror left by an import that a stopped worker cut off, and a lost mirror of a live pack.
    area.items.set('coldMirrors', {
      ...(area.items.get('coldMirrors') as object),
      'gen@cut-off': 2,
    });
    area.items.set('cold:gen@cut-off', { format: 1, bucketBits: 2 });
    area.items.set('cold:gen@cut-off:3', '1\u00000\u0000x');
    for (const key of mirrorKeys(area, installed.generation)) area.items.delete(key);

    const live = [installed.generation];
    await dropDeadMirrorsAtStartUp(db, live);
    expect([...area.items.keys()].filter((key) => key.includes('cut-off'))).toEqual([]);
    expect(await mirrorLiveGenerations(db, live)).toBe(1);
    expect(await mirrorLiveGenerations(db, live)).toBe(0);
    const bucketReadCount = bucketReads(db);
    expect(await coldAnswer(db)).toEqual(await referenceAnswer());
    expect(bucketReadCount()).toBe(0);
  });
});
