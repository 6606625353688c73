import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportPack } from '../../../src/background/kb/export-pack';
import { collectOrphans, importPack } from '../../../src/background/kb/import-pack';
import { layoutPack } from '../../../src/background/kb/pack-layout';
import { resolveEntity } from '../../../src/background/kb/resolve-entity';
import { saveEntity } from '../../../src/background/kb/save-entity';
import { parsePack } from '../../../src/core/pack/validate';
import { candidatesFor, entity, freshDb, pack, sampleEntities, snapshot } from '../support/kb';

afterEach(() => vi.restoreAllMocks());

const names = async (db: ReturnType<typeof freshDb>, keys: string[]) =>
  (await candidatesFor(db, keys)).map((c) => c.name).sort();

describe('importing a pack', () => {
  it('makes its entities findable by their match keys', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'test');
    expect(await names(db, ['alibaba', 'tsai', 'unrelated'])).toEqual([
      'Alibaba Cloud',
      'Alibaba Group',
      'Joe Tsai',
    ]);
    expect(await names(db, ['阿里'])).toEqual(['Alibaba Group']);
    expect(await names(db, ['nothing', 'here'])).toEqual([]);
  });

  it('stores many entities in few rows (chunks, indexes and buckets, not one row per entity)', async () => {
    const db = freshDb();
    const many = Array.from({ length: 3000 }, (_, i) => entity(`e${i}`, `Number${i} Systems`));
    await importPack(db, pack('many', many), 'test');
    let rows = 0;
    for (const table of db.generationTables()) rows += await table.count();
    expect(rows).toBeLessThan(many.length / 4);
    expect(await names(db, ['number2999'])).toEqual(['Number2999 Systems']);
  });

  it('is all or nothing: a write that fails midway leaves the knowledge base exactly as before', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'test');
    await saveEntity(db, 'p/news/apple', {
      ...sampleEntities()[3]!,
      note: 'Watch the China launch.',
    });
    const before = await snapshot(db);
    const bigger = Array.from({ length: 2000 }, (_, i) => entity(`x${i}`, `Extra Name${i}`));
    // The match index is the last row written before the switch: all chunks are in by then.
    vi.spyOn(db.matchIndexes, 'add').mockRejectedValueOnce(new Error('simulated crash'));
    await expect(
      importPack(db, pack('news', [...sampleEntities(), ...bigger]), 'test'),
    ).rejects.toThrow('simulated crash');
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves no trace of an import cut off by a stopped worker (orphan rows are collected)', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'test');
    const before = await snapshot(db);
    const layout = layoutPack('news@cut-off', [entity('ghost', 'Ghost Company')]);
    await db.entityChunks.bulkAdd(layout.chunks);
    await db.matchIndexes.add(layout.matchIndex);
    expect(await names(db, ['ghost'])).toEqual([]);
    expect(await collectOrphans(db)).toBe(1);
    expect(await snapshot(db)).toEqual(before);
  });

  it('re-importing replaces the pack’s entities and keeps the reader’s edits and notes', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'v1');
    const apple = (await resolveEntity(db, 'p/news/apple'))!.entity;
    await saveEntity(db, 'p/news/apple', {
      ...apple,
      aliases: ['Apple Inc.'],
      note: 'My note on Apple.',
    });
    const updated = sampleEntities()
      .filter((e) => e.id !== 'deepseek')
      .map((e) => (e.id === 'apple' ? { ...e, summary: { en: 'Updated summary.' } } : e));
    updated.push(entity('qwen', 'Qwen', { type: 'model' }));
    await importPack(db, pack('news', updated), 'v2');

    expect(await resolveEntity(db, 'p/news/deepseek')).toBeUndefined();
    expect((await resolveEntity(db, 'p/news/qwen'))?.entity.name).toBe('Qwen');
    const merged = (await resolveEntity(db, 'p/news/apple'))!.entity;
    expect(merged.summary).toEqual({ en: 'Updated summary.' });
    expect(merged.aliases).toEqual(['Apple Inc.']);
    expect(merged.note).toBe('My note on Apple.');
    expect(await db.packs.count()).toBe(1);
  });

  it('round-trips: export, import into an empty knowledge base, export again gives the same entities', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'test');
    await saveEntity(db, 'p/news/joe-tsai', {
      ...sampleEntities()[2]!,
      note: 'Chairman since 2023.',
    });
    await saveEntity(db, undefined, { ...entity('x', 'Moonshot AI'), note: 'Makes Kimi.' });
    const first = JSON.parse((await exportPack(db, 'all')).text);

    const other = freshDb();
    await importPack(other, parsePack(JSON.stringify(first)), 'file');
    const second = JSON.parse((await exportPack(other, 'all')).text);
    expect(second.entities).toEqual(first.entities);
    expect(first.entities.map((e: { name: string }) => e.name)).toContain('Moonshot AI');
    expect(first.entities.find((e: { id: string }) => e.id === 'joe-tsai').note).toBe(
      'Chairman since 2023.',
    );
  });

  it('exports only the reader’s own entities when asked to', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'test');
    await saveEntity(db, undefined, entity('x', 'Moonshot AI'));
    const own = JSON.parse((await exportPack(db, 'own')).text);
    expect(own.entities.map((e: { name: string }) => e.name)).toEqual(['Moonshot AI']);
    expect(() => parsePack(JSON.stringify(own))).not.toThrow();
  });
});
