import { fnv1a } from '../../core/hash';
import type { MatchBucketRow, MatchDirectoryRow, MatchIndexRow, MatchRecord } from '../db/rows';
import type { LookupDb } from '../db/row-reader';
import { bucketOf, mayContain } from './cold-index';
import { readMirrorBuckets, type KeyValueArea, type MirrorBucket } from './cold-mirror';
import { CHUNK_SIZE, decodeRecord, idKey, recordText } from './pack-layout';

/**
 * Finding a generation's entities by key hash, from whatever is in memory. A freshly started worker
 * has nothing: it answers from the small directory and the few buckets the keys hit (cold-index.ts),
 * and then loads the full index in the background, so later lookups are answered from memory.
 * A generation never changes after its import, so nothing cached here is ever stale.
 */
interface GenerationState {
  directory: Promise<MatchDirectoryRow | undefined>;
  /** Buckets read so far (undefined: the bucket has no row). Dropped once the full index is in. */
  buckets: Map<number, MatchBucketRow | undefined>;
  /** Buckets read from the mirror so far: page keys only, no id entries (cold-mirror.ts). */
  pageBuckets: Map<number, MirrorBucket | undefined>;
  /** The mirror could not answer once (incomplete, malformed): IndexedDB answers from then on. */
  mirrorFailed?: boolean;
  full?: MatchIndexRow;
  fullLoading?: Promise<MatchIndexRow | undefined>;
}

const states = new Map<string, GenerationState>();
/** All directories, while the start-up read of them is under way. */
let startupRead: Promise<MatchDirectoryRow[]> | undefined;

export interface FoundRecord {
  ordinal: number;
  record: MatchRecord;
}

function stateOf(db: LookupDb, generation: string): GenerationState {
  let state = states.get(generation);
  if (!state) {
    const readOne = async () => (await db.reads.many('matchDirectories', [generation]))[0];
    // A failed start-up read must not fail this generation for the worker's lifetime.
    const directory = startupRead
      ? startupRead.then(
          (all) => all.find((row) => row.generation === generation) ?? readOne(),
          readOne,
        )
      : readOne();
    state = { directory, buckets: new Map(), pageBuckets: new Map() };
    states.set(generation, state);
    if (states.size > 8) void forgetDeadGenerations(db);
  }
  return state;
}

async function forgetDeadGenerations(db: LookupDb): Promise<void> {
  const live = new Set((await db.reads.all('packs')).map((pack) => pack.generation));
  for (const generation of states.keys()) if (!live.has(generation)) states.delete(generation);
}

function loadFull(
  db: LookupDb,
  state: GenerationState,
  generation: string,
): Promise<MatchIndexRow | undefined> {
  state.fullLoading ??= db.reads.many('matchIndexes', [generation]).then(
    ([row]) => {
      state.full = row;
      if (row) {
        state.buckets.clear();
        state.pageBuckets.clear();
      }
      return row;
    },
    (error: unknown) => {
      state.fullLoading = undefined; // the next lookup tries again
      throw error;
    },
  );
  return state.fullLoading;
}

/** First index of `hash` in the sorted array, or -1. */
function firstIndexOf(sorted: Uint32Array, hash: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < hash) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] === hash ? low : -1;
}

function fromFullIndex(index: MatchIndexRow, hashes: number[]): FoundRecord[] {
  const found = new Map<number, FoundRecord>();
  for (const hash of hashes) {
    for (
      let i = firstIndexOf(index.hashes, hash);
      i >= 0 && i < index.hashes.length && index.hashes[i] === hash;
      i++
    ) {
      const ordinal = index.ordinals[i]!;
      if (found.has(ordinal)) continue;
      found.set(ordinal, { ordinal, record: decodeRecord(recordText(index, ordinal)) });
    }
  }
  return [...found.values()];
}

/** The buckets of these hashes that `cache` has not read yet, each once. */
const uncachedBuckets = (hashes: number[], bucketBits: number, cache: Map<number, unknown>) =>
  [...new Set(hashes.map((hash) => bucketOf(hash, bucketBits)))].filter(
    (bucket) => !cache.has(bucket),
  );

/** The records of the entities with these hashes in these buckets (`rowOf` gives a hash's bucket). */
function collect(
  hashes: number[],
  rowOf: (hash: number) => Pick<MirrorBucket, 'hashes' | 'ordinals' | 'records'> | undefined,
): FoundRecord[] {
  const found = new Map<number, FoundRecord>();
  for (const hash of hashes) {
    const row = rowOf(hash);
    if (!row) continue;
    for (let i = 0; i < row.hashes.length; i++) {
      const ordinal = row.ordinals[i]!;
      if (row.hashes[i] !== hash || found.has(ordinal)) continue;
      found.set(ordinal, { ordinal, record: decodeRecord(row.records[i]!) });
    }
  }
  return [...found.values()];
}

async function fromBuckets(
  db: LookupDb,
  state: GenerationState,
  directory: MatchDirectoryRow,
  hashes: number[],
): Promise<FoundRecord[]> {
  const bucketOfHash = (hash: number) => bucketOf(hash, directory.bucketBits);
  const missing = uncachedBuckets(hashes, directory.bucketBits, state.buckets);
  if (missing.length > 0) {
    const rows = await db.reads.many(
      'matchBuckets',
      missing.map((bucket): [string, number] => [directory.generation, bucket]),
    );
    missing.forEach((bucket, i) => state.buckets.set(bucket, rows[i]));
  }
  return collect(hashes, (hash) => state.buckets.get(bucketOfHash(hash)));
}

/** Like `fromBuckets`, from the mirror in one read; undefined when the mirror cannot answer. */
async function fromMirror(
  mirror: KeyValueArea,
  state: GenerationState,
  directory: MatchDirectoryRow,
  hashes: number[],
): Promise<FoundRecord[] | undefined> {
  const bucketOfHash = (hash: number) => bucketOf(hash, directory.bucketBits);
  const missing = uncachedBuckets(hashes, directory.bucketBits, state.pageBuckets);
  if (missing.length > 0) {
    const rows = await readMirrorBuckets(
      mirror,
      directory.generation,
      directory.bucketBits,
      missing,
    );
    if (!rows) {
      state.mirrorFailed = true;
      return undefined;
    }
    for (const [bucket, row] of rows) state.pageBuckets.set(bucket, row);
  }
  return collect(hashes, (hash) => state.pageBuckets.get(bucketOfHash(hash)));
}

/**
 * The records of the generation's entities that have a key with one of these hashes (a hash
 * collision may add a harmless extra, which the page's matcher never matches). `pageKeys` says
 * the hashes are of a page's words, which the directory can rule out without a bucket read.
 */
async function recordsForHashes(
  db: LookupDb,
  generation: string,
  hashes: number[],
  pageKeys: boolean,
): Promise<FoundRecord[]> {
  const state = stateOf(db, generation);
  if (state.full) return fromFullIndex(state.full, hashes);
  const directory = await state.directory;
  if (!directory) {
    const full = await loadFull(db, state, generation);
    return full ? fromFullIndex(full, hashes) : [];
  }
  const wanted = pageKeys ? hashes.filter((hash) => mayContain(directory, hash)) : hashes;
  // The mirror has the page keys only; an entity's id (for its card) is looked up in IndexedDB.
  const mirrored =
    pageKeys && db.coldMirror && !state.mirrorFailed
      ? await fromMirror(db.coldMirror, state, directory, wanted)
      : undefined;
  const found = mirrored ?? (await fromBuckets(db, state, directory, wanted));
  // After the reply has gone out, so the large read never delays a page that is waiting.
  // A failed background load is harmless: lookups keep using the buckets.
  if (!state.fullLoading) setTimeout(() => loadFull(db, state, generation).catch(() => {}), 0);
  return found;
}

/** The generation's entities that have a key with one of these hashes of a page's keys. */
export const recordsForPageKeys = (db: LookupDb, generation: string, hashes: number[]) =>
  recordsForHashes(db, generation, hashes, true);

/** Where a pack entity lives: its ordinal and chunk (checked against its record, as hashes collide). */
export async function locateEntity(
  db: LookupDb,
  generation: string,
  entityId: string,
): Promise<{ ordinal: number; chunk: number } | undefined> {
  const found = await recordsForHashes(db, generation, [fnv1a(idKey(entityId))], false);
  const own = found.find(({ record }) => record[0] === entityId);
  return own && { ordinal: own.ordinal, chunk: Math.floor(own.ordinal / CHUNK_SIZE) };
}

/**
 * Reads every directory at worker start, before a page asks, in one read for all generations (a
 * leftover of an interrupted import is dropped again when the states are pruned).
 */
export async function prefetchMatchDirectories(db: LookupDb): Promise<void> {
  startupRead = db.reads.all('matchDirectories');
  try {
    for (const directory of await startupRead) stateOf(db, directory.generation);
  } catch {
    // Nothing is lost: each generation reads its own directory when a page first asks.
  } finally {
    startupRead = undefined;
  }
}

/** Keeps a just-imported generation's index in memory, so the next page is answered warm. */
export function rememberFullIndex(db: LookupDb, index: MatchIndexRow): void {
  const state = stateOf(db, index.generation);
  state.full = index;
  state.fullLoading = Promise.resolve(index);
  // The generation this import replaced is dead now: do not keep its index in memory.
  void forgetDeadGenerations(db).catch(() => {});
}

/** Forgets everything loaded, as a stopped worker does (tests compare cold and warm answers). */
export function forgetLoadedIndexes(): void {
  states.clear();
}

/** Whether the generation's full index is in memory (tests check that it loads after a lookup). */
export const fullIndexLoaded = (generation: string): boolean =>
  states.get(generation)?.full !== undefined;
