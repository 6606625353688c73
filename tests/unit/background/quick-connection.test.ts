import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackstoryDb } from '../../../src/background/db/database';
import { openQuickConnection } from '../../../src/background/db/quick-connection';
import { dexieReader, preferReader, type RowReader } from '../../../src/background/db/row-reader';
import { SCHEMA_VERSION } from '../../../src/background/db/schema-version';
import { importPack } from '../../../src/background/kb/import-pack';
import { forgetLoadedIndexes } from '../../../src/background/kb/match-index';
import { saveEntity } from '../../../src/background/kb/save-entity';
import { generateEntities } from '../../bench/generate-pack';
import { candidatesFor, entity, freshDb, pack } from '../support/kb';

const entities = generateEntities(600);
const keys = [
  ...entities.filter((_, i) => i % 13 === 0).map((e) => e.name.split(' ')[0]!.toLowerCase()),
  'reader',
  ...Array.from({ length: 300 }, (_, i) => `wort${i}`),
];

async function filledDb(): Promise<BackstoryDb> {
  const db = freshDb();
  await importPack(db, pack('gen', entities), 'test');
  const { id: _ignored, ...own } = entity('reader-labs', 'Reader Labs');
  await saveEntity(db, undefined, own);
  return db;
}

const answer = async (db: BackstoryDb) =>
  (await candidatesFor(db, keys)).map((c) => `${c.id} ${c.forms.length}`).sort();

describe('the quick read connection of a freshly started worker', () => {
  it('is opened at the version the schema declares', () => {
    expect(new BackstoryDb('version-check').verno).toBe(SCHEMA_VERSION);
  });

  it('reads the same rows as Dexie', async () => {
    const db = await filledDb();
    const quick = (await openQuickConnection(db.name, SCHEMA_VERSION))!;
    expect(quick).toBeDefined();
    const dexie = dexieReader(db);
    for (const store of ['packs', 'edits', 'userEntities', 'matchDirectories'] as const)
      expect(await quick.all(store)).toEqual(await dexie.all(store));
    const bucketKeys = [
      ['gen-missing', 0],
      ...(await db.matchBuckets.limit(5).primaryKeys()),
    ] as IDBValidKey[];
    const rows = await quick.many('matchBuckets', bucketKeys);
    expect(rows[0]).toBeUndefined();
    expect(rows).toEqual(await dexie.many('matchBuckets', bucketKeys));
  });

  it('gives a lookup the same candidates as Dexie does', async () => {
    const db = await filledDb();
    forgetLoadedIndexes();
    const throughDexie = await answer(db);
    expect(throughDexie.length).toBeGreaterThan(40);
    forgetLoadedIndexes();
    const quick = (await openQuickConnection(db.name, SCHEMA_VERSION))!;
    const storesRead: string[] = [];
    const counted: RowReader = {
      all: (store) => (storesRead.push(store), quick.all(store)),
      many: (store, keys) => (storesRead.push(store), quick.many(store, keys)),
    };
    const quickDb = new BackstoryDb(db.name, Promise.resolve(counted));
    expect(await answer(quickDb)).toEqual(throughDexie);
    expect(storesRead).toEqual(expect.arrayContaining(['packs', 'matchBuckets']));
  });

  it('does not create a database that is not there, and leaves that to Dexie', async () => {
    const name = `never-created-${Math.random()}`;
    expect(await openQuickConnection(name, SCHEMA_VERSION)).toBeUndefined();
    expect(await Dexie.exists(name)).toBe(false);
    const db = new BackstoryDb(name, openQuickConnection(name, SCHEMA_VERSION));
    expect(await candidatesFor(db, ['alibaba'])).toEqual([]);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('stays out of the way of a database at another version (an upgrade is due)', async () => {
    const name = `older-${Math.random()}`;
    const older = new Dexie(name);
    older.version(2).stores({ packs: '&id' });
    await older.open();
    older.close();
    expect(await openQuickConnection(name, SCHEMA_VERSION)).toBeUndefined();
  });

  it('closes for an upgrade instead of blocking it, and reads then go through Dexie', async () => {
    const db = await filledDb();
    const quick = openQuickConnection(db.name, SCHEMA_VERSION);
    expect(await quick).toBeDefined();
    db.close();
    const upgraded = new Dexie(db.name);
    upgraded.version(SCHEMA_VERSION + 1).stores({ packs: '&id' });
    await upgraded.open(); // would hang if the quick connection blocked the version change
    const packs = await preferReader(quick, dexieReader(upgraded)).all('packs');
    expect(packs.map((row) => row.id).sort()).toEqual(['gen']);
    upgraded.close();
  });

  it('falls back to the other reader when the preferred one fails or is missing', async () => {
    const db = await filledDb();
    const failing: RowReader = {
      all: () => Promise.reject(new Error('closed')),
      many: () => {
        throw new Error('closed');
      },
    };
    const dexie = dexieReader(db);
    for (const preferred of [Promise.resolve(failing), Promise.resolve(undefined)]) {
      const reader = preferReader(preferred, dexie);
      expect(await reader.all('packs')).toEqual(await dexie.all('packs'));
      expect(await reader.many('packs', ['gen'])).toEqual(await dexie.many('packs', ['gen']));
    }
  });
});
