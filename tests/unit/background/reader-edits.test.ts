import { describe, expect, it } from 'vitest';
import { entityCard } from '../../../src/background/kb/entity-card';
import { importPack } from '../../../src/background/kb/import-pack';
import { saveEntity, setDeleted } from '../../../src/background/kb/save-entity';
import { searchEntities } from '../../../src/background/kb/search';
import { candidatesFor, entity, freshDb, pack, sampleEntities } from '../support/kb';

async function seeded() {
  const db = freshDb();
  await importPack(db, pack('news', sampleEntities()), 'test');
  return db;
}
const search = (db: ReturnType<typeof freshDb>, query: string, extra = {}) =>
  searchEntities(db, { query, offset: 0, limit: 50, ...extra }).then((r) =>
    r.items.map((i) => i.name),
  );

describe('the reader’s own entities and edits', () => {
  it('a new entity is matched, searchable and shown on its card', async () => {
    const db = await seeded();
    const id = await saveEntity(
      db,
      undefined,
      entity('ignored', 'Moonshot AI', { aliases: ['月之暗面'] }),
    );
    expect(id).toMatch(/^u\/moonshot-ai-/);
    expect((await candidatesFor(db, ['moonshot'])).map((c) => c.id)).toEqual([id]);
    expect(await search(db, 'moon')).toEqual(['Moonshot AI']);
    expect((await entityCard(db, id, 'en'))?.own).toBe(true);
  });

  it('an alias added to a pack entity is matched through the new form', async () => {
    const db = await seeded();
    await saveEntity(db, 'p/news/deepseek', {
      ...sampleEntities()[5]!,
      aliases: ['Hangzhou DeepSeek'],
    });
    const found = await candidatesFor(db, ['hangzhou']);
    expect(found.map((c) => c.name)).toEqual(['DeepSeek']);
    expect(found[0]!.forms.map((f) => f.form)).toContain('Hangzhou DeepSeek');
  });

  it('stores only changed fields, so a pack update still reaches the others', async () => {
    const db = await seeded();
    await saveEntity(db, 'p/news/apple', { ...sampleEntities()[3]!, note: 'Mine.' });
    expect((await db.edits.get('p/news/apple'))?.fields).toEqual({ note: 'Mine.' });
  });

  it('delete hides a pack entity everywhere, and undo brings it back unchanged', async () => {
    const db = await seeded();
    await saveEntity(db, 'p/news/apple', { ...sampleEntities()[3]!, note: 'Keep me.' });
    await setDeleted(db, 'p/news/apple', true);
    expect(await candidatesFor(db, ['apple'])).toEqual([]);
    expect(await search(db, 'apple')).toEqual([]);
    expect(await entityCard(db, 'p/news/apple', 'en')).toBeNull();
    await setDeleted(db, 'p/news/apple', false);
    expect((await entityCard(db, 'p/news/apple', 'en'))?.note).toBe('Keep me.');
  });

  it('delete and undo of an own entity', async () => {
    const db = await seeded();
    const id = await saveEntity(db, undefined, entity('x', 'Zhipu AI'));
    await setDeleted(db, id, true);
    expect(await candidatesFor(db, ['zhipu'])).toEqual([]);
    await setDeleted(db, id, false);
    expect((await candidatesFor(db, ['zhipu'])).map((c) => c.name)).toEqual(['Zhipu AI']);
  });
});

describe('search for the popup', () => {
  it('finds by name, alias and summary; name prefixes first', async () => {
    const db = await seeded();
    expect(await search(db, 'alibaba')).toEqual(['Alibaba Group', 'Alibaba Cloud']);
    expect(await search(db, 'aliyun')).toEqual(['Alibaba Cloud']);
    expect(await search(db, 'hangzhou')).toEqual(['DeepSeek']);
  });

  it('filters by type and by pack, and pages', async () => {
    const db = await seeded();
    await saveEntity(db, undefined, entity('x', 'Tim Cook Fan Club'));
    expect(await search(db, '', { type: 'person' })).toEqual(['Joe Tsai', 'Tim Cook']);
    expect(await search(db, 'tim', { source: 'own' })).toEqual(['Tim Cook Fan Club']);
    expect(await search(db, 'tim', { source: 'news' })).toEqual(['Tim Cook']);
    const page = await searchEntities(db, { query: '', offset: 2, limit: 2 });
    expect(page.total).toBe(7);
    expect(page.items).toHaveLength(2);
  });
});

describe('the card', () => {
  it('is in the reader’s language, falls back to English, and links facts to entities', async () => {
    const db = await seeded();
    const de = await entityCard(db, 'p/news/apple', 'de');
    expect(de?.summary).toBe('Apple auf Deutsch.');
    expect(de?.facts[0]).toMatchObject({
      label: 'Chef',
      value: 'Tim Cook',
      entity: 'p/news/tim-cook',
      asOf: '2025-02',
    });
    expect((await entityCard(db, 'p/news/deepseek', 'de'))?.summary).toBe(
      'Hangzhou AI lab behind R1.',
    );
  });
});

describe('saving a pack entity unchanged except for key order', () => {
  it('records no edit, so pack updates keep reaching it', async () => {
    const db = await seeded();
    const apple = sampleEntities()[3]!;
    const reordered = {
      ...apple,
      facts: apple.facts.map((f) => ({ ...f, label: { de: 'Chef', en: 'CEO' } })),
    };
    await saveEntity(db, 'p/news/apple', reordered);
    expect(await db.edits.get('p/news/apple')).toBeUndefined();
  });
});
