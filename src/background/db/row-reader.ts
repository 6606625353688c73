import type {
  EditRow,
  EntityChunkRow,
  MatchBucketRow,
  MatchDirectoryRow,
  MatchIndexRow,
  PackRow,
  UserEntityRow,
} from './rows';
import type { KeyValueArea } from '../kb/cold-mirror';

/** The stores a candidate lookup (and reading a pack entity) reads, with their row types. */
export interface LookupRows {
  packs: PackRow;
  edits: EditRow;
  userEntities: UserEntityRow;
  matchDirectories: MatchDirectoryRow;
  matchBuckets: MatchBucketRow;
  matchIndexes: MatchIndexRow;
  entityChunks: EntityChunkRow;
}
export type LookupStore = keyof LookupRows;

/** Read-only access to the stores of a candidate lookup, by Dexie or by a plain connection. */
export interface RowReader {
  all<S extends LookupStore>(store: S): Promise<Array<LookupRows[S]>>;
  /** The rows of these keys, in their order; undefined where a key has no row. */
  many<S extends LookupStore>(
    store: S,
    keys: IDBValidKey[],
  ): Promise<Array<LookupRows[S] | undefined>>;
}

/**
 * What the candidate lookup needs of the knowledge base: reads only. The worker's first script has
 * one without Dexie (index.ts); the knowledge base's `BackstoryDb` is one too.
 */
export interface LookupDb {
  readonly reads: RowReader;
  /** The cold-start mirror of the match buckets in `storage.local`, where there is one. */
  readonly coldMirror?: KeyValueArea;
}

/** Something with Dexie's table access, for reading by store name. */
interface TableSource {
  table(name: string): {
    toArray(): Promise<unknown[]>;
    bulkGet(keys: IDBValidKey[]): Promise<unknown[]>;
  };
}

export function dexieReader(db: TableSource): RowReader {
  return {
    all: async (store) => (await db.table(store).toArray()) as never,
    many: async (store, keys) => (await db.table(store).bulkGet(keys)) as never,
  };
}

/**
 * Reads through `preferred` once it is there, and through `fallback` when there is none or a read
 * fails (the connection closed for an upgrade, say): a failed quick read only costs time.
 */
export function preferReader(
  preferred: Promise<RowReader | undefined>,
  fallback: RowReader,
): RowReader {
  const attempt = async <T>(read: (reader: RowReader) => Promise<T>): Promise<T> => {
    const reader = await preferred.catch(() => undefined);
    if (!reader) return read(fallback);
    try {
      return await read(reader);
    } catch {
      return read(fallback);
    }
  };
  return {
    all: (store) => attempt((reader) => reader.all(store)),
    many: (store, keys) => attempt((reader) => reader.many(store, keys)),
  };
}

/** A reader that is made on its first use (the Dexie reader lives in the knowledge base's script). */
export function deferredReader(make: () => RowReader): RowReader {
  let reader: RowReader | undefined;
  const get = () => (reader ??= make());
  return {
    all: async (store) => get().all(store),
    many: async (store, keys) => get().many(store, keys),
  };
}
