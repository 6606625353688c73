import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  EditRow,
  EntityChunkRow,
  HistoryRow,
  ImportJobRow,
  MatchBucketRow,
  MatchDirectoryRow,
  MatchIndexRow,
  PackRow,
  SearchChunkRow,
  UserEntityRow,
} from './rows';
import type { KeyValueArea } from '../kb/cold-mirror';
import { dexieReader, preferReader, type RowReader } from './row-reader';
import { DB_NAME } from './schema-version';
import { rebuildGenerationIndexes } from './upgrade-v2';
import { buildColdIndexes } from './upgrade-v3';

/**
 * The knowledge base. Versions are only ever added below, never edited: data changes of a new
 * version go into its `upgrade()`, and tests open every earlier version's data with the current code.
 *
 * Pack entities are stored in large rows (chunks of 256 entities, one match index per pack) because
 * IndexedDB's cost is per row: a 100,000-entity pack becomes about a thousand rows, not 100,000.
 * Every pack row carries the pack's `generation`; an import writes a new generation in batches and
 * switches `packs.generation` in one final transaction, so an interrupted import is invisible.
 */
export class BackstoryDb extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  entityChunks!: Table<EntityChunkRow, [string, number]>;
  matchIndexes!: EntityTable<MatchIndexRow, 'generation'>;
  matchDirectories!: EntityTable<MatchDirectoryRow, 'generation'>;
  matchBuckets!: Table<MatchBucketRow, [string, number]>;
  searchChunks!: Table<SearchChunkRow, [string, number]>;
  userEntities!: EntityTable<UserEntityRow, 'id'>;
  edits!: EntityTable<EditRow, 'ref'>;
  history!: EntityTable<HistoryRow, 'seq'>;
  importJobs!: EntityTable<ImportJobRow, 'id'>;
  /** Reads of a candidate lookup: through `quick` (quick-connection.ts) when given, else Dexie. */
  readonly reads: RowReader;
  /** Where imports write the cold-start mirror of their match buckets (cold-mirror.ts), if anywhere. */
  readonly coldMirror?: KeyValueArea;

  constructor(name = DB_NAME, quick?: Promise<RowReader | undefined>, coldMirror?: KeyValueArea) {
    super(name);
    if (coldMirror) this.coldMirror = coldMirror;
    this.reads = quick ? preferReader(quick, dexieReader(this)) : dexieReader(this);
    // Version 1: candidate lookup through hash buckets of match keys and a key filter.
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
    // Version 2: one match index row per generation (a cold worker needs one read instead of one
    // per hit bucket) and compact search chunks; both are rebuilt from the entity chunks.
    this.version(2)
      .stores({ buckets: null, keyFilters: null, matchIndexes: '&generation' })
      .upgrade((tx: Transaction) => rebuildGenerationIndexes(tx));
    // Version 3: a small directory and many small buckets beside each match index, so a freshly
    // started worker answers a page without reading the whole index (kb/cold-index.ts).
    this.version(3)
      .stores({
        matchDirectories: '&generation',
        matchBuckets: '[generation+bucket], generation',
      })
      .upgrade((tx: Transaction) => buildColdIndexes(tx));
  }

  /** The tables whose rows belong to a pack generation. */
  generationTables() {
    return [
      this.entityChunks,
      this.matchIndexes,
      this.matchDirectories,
      this.matchBuckets,
      this.searchChunks,
    ];
  }
}
