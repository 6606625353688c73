import Dexie, { type EntityTable } from 'dexie';
import type {
  BucketRow,
  EditRow,
  EntityChunkRow,
  HistoryRow,
  ImportJobRow,
  KeyFilterRow,
  PackRow,
  SearchChunkRow,
  UserEntityRow,
} from './rows';

export const DB_NAME = 'backstory';

/**
 * The knowledge base. Versions are only ever added below, never edited: data changes of a new
 * version go into its `upgrade()`, and tests open every earlier version's data with the current code.
 *
 * Pack entities are stored in large rows (chunks of entities, hash buckets of match keys) because
 * IndexedDB's cost is per row: a 100,000-entity pack becomes a few thousand rows, not 100,000.
 * Every pack row carries the pack's `generation`; an import writes a new generation in batches and
 * switches `packs.generation` in one final transaction, so an interrupted import is invisible.
 */
export class BackstoryDb extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  entityChunks!: Dexie.Table<EntityChunkRow, [string, number]>;
  buckets!: Dexie.Table<BucketRow, [string, number]>;
  keyFilters!: EntityTable<KeyFilterRow, 'generation'>;
  searchChunks!: Dexie.Table<SearchChunkRow, [string, number]>;
  userEntities!: EntityTable<UserEntityRow, 'id'>;
  edits!: EntityTable<EditRow, 'ref'>;
  history!: EntityTable<HistoryRow, 'seq'>;
  importJobs!: EntityTable<ImportJobRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      packs: '&id',
      entityChunks: '[generation+chunk], generation',
      buckets: '[generation+bucket], generation',
      keyFilters: '&generation',
      searchChunks: '[generation+chunk], generation',
      userEntities: '&id, *keys, type, updatedAt',
      edits: '&ref, *keys',
      history: '++seq, ref, [ref+at], at',
      importJobs: '&id, startedAt',
    });
  }
}
