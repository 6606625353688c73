import type { MatchBucketRow } from '../db/rows';
import type { ColdIndex } from './cold-index';

/**
 * A copy of each generation's match buckets in `storage.local`, read by a freshly started worker
 * instead of the IndexedDB bucket rows (docs/storage.md, "The cold-start mirror").
 *
 * Why a second store: IndexedDB costs one request per row, and a cold lookup of a page with 200
 * known names reads ~200 bucket rows (27–28 ms in a freshly started worker here).
 * `storage.local.get` reads any number of keys in one request: the same 200 buckets in 17–19 ms.
 * IndexedDB stays the knowledge base; the mirror is derived from it, written before an import
 * commits and removed with its generation. A lookup
 * uses it only when its marker (written last) says it is complete, and falls back to IndexedDB
 * whenever it is missing, incomplete or malformed, so a failed or partial mirror costs time only.
 */

/** The part of `browser.storage.local` the mirror uses (tests give it a Map). */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** One bucket's page-key entries: hashes, entity ordinals and encoded records, parallel. */
export type MirrorBucket = Pick<MatchBucketRow, 'bucket' | 'records'> & {
  hashes: ArrayLike<number>;
  ordinals: ArrayLike<number>;
};

const FORMAT = 1;
/** Generations that may have keys in the mirror, with their bucket bits (to name the keys). */
const REGISTRY_KEY = 'coldMirrors';
/** Keys per `set`: small writes keep each storage change event small. */
const KEYS_PER_WRITE = 512;

const markerKey = (generation: string) => `cold:${generation}`;
const bucketKey = (generation: string, bucket: number) => `cold:${generation}:${bucket}`;

interface Marker {
  format: number;
  bucketBits: number;
}
type Registry = Record<string, number>;

/** The bucket bits a stored marker vouches for, or undefined when it is absent or of another format. */
function markedBits(value: unknown): number | undefined {
  const marker = value as Partial<Marker> | undefined;
  return marker?.format === FORMAT ? marker.bucketBits : undefined;
}

// A bucket is stored as one string: hashes, ordinals and records, separated by U+0000, which a
// record never contains (pack-layout.ts cleans it out). One string per key is converted to and
// from the browser's storage format much faster than arrays of numbers.
const SEPARATOR = '\u0000';

export const encodeBucket = ({ hashes, ordinals, records }: MirrorBucket): string =>
  [Array.from(hashes).join(','), Array.from(ordinals).join(','), ...records].join(SEPARATOR);

const NUMBER_LIST = /^\d+(,\d+)*$/;

export function decodeBucket(bucket: number, value: unknown): MirrorBucket | undefined {
  if (typeof value !== 'string') return undefined;
  const [hashText = '', ordinalText = '', ...records] = value.split(SEPARATOR);
  if (!NUMBER_LIST.test(hashText) || !NUMBER_LIST.test(ordinalText)) return undefined;
  const hashes = hashText.split(',').map(Number);
  const ordinals = ordinalText.split(',').map(Number);
  if (ordinals.length !== hashes.length || records.length !== hashes.length) return undefined;
  return { bucket, hashes, ordinals, records };
}

/**
 * The page-key entries of these buckets, or undefined when the mirror cannot answer (no complete
 * mirror of this generation, a malformed value, a failed read). A bucket without entries maps to
 * undefined: the complete mirror has no key for it.
 */
export async function readMirrorBuckets(
  area: KeyValueArea,
  generation: string,
  bucketBits: number,
  buckets: number[],
): Promise<Map<number, MirrorBucket | undefined> | undefined> {
  let stored: Record<string, unknown>;
  try {
    stored = await area.get([
      markerKey(generation),
      ...buckets.map((bucket) => bucketKey(generation, bucket)),
    ]);
  } catch {
    return undefined;
  }
  if (markedBits(stored[markerKey(generation)]) !== bucketBits) return undefined;
  const found = new Map<number, MirrorBucket | undefined>();
  for (const bucket of buckets) {
    const value = stored[bucketKey(generation, bucket)];
    if (value === undefined) {
      found.set(bucket, undefined);
      continue;
    }
    const decoded = decodeBucket(bucket, value);
    if (!decoded) return undefined;
    found.set(bucket, decoded);
  }
  return found;
}

// Every change to the mirror runs after the one before it, so a write and a removal of the same
// generation never interleave (the worker is the only writer).
let changes: Promise<unknown> = Promise.resolve();
function queued<T>(change: () => Promise<T>): Promise<T> {
  const run = changes.then(change);
  changes = run.catch(() => undefined);
  return run;
}

async function readRegistry(area: KeyValueArea): Promise<Registry> {
  return ((await area.get([REGISTRY_KEY]))[REGISTRY_KEY] ?? {}) as Registry;
}

async function updateRegistry(area: KeyValueArea, change: (registry: Registry) => void) {
  const registry = await readRegistry(area);
  change(registry);
  await area.set({ [REGISTRY_KEY]: registry });
}

/**
 * Writes the mirror of a generation, marker last. A failure (a full disk, say) is thrown after
 * what was written is removed again; the generation is then answered from IndexedDB.
 */
export const writeMirror = (area: KeyValueArea, cold: ColdIndex): Promise<void> =>
  queued(async () => {
    const { generation, bucketBits } = cold.directory;
    await updateRegistry(area, (registry) => {
      registry[generation] = bucketBits;
    });
    try {
      const writes: Array<Promise<void>> = [];
      for (let i = 0; i < cold.pageBuckets.length; i += KEYS_PER_WRITE) {
        const items: Record<string, string> = {};
        for (const row of cold.pageBuckets.slice(i, i + KEYS_PER_WRITE))
          items[bucketKey(generation, row.bucket)] = encodeBucket(row);
        // Not one after another: the next batch is prepared while the browser stores this one.
        writes.push(area.set(items));
      }
      await Promise.all(writes);
      await area.set({ [markerKey(generation)]: { format: FORMAT, bucketBits } satisfies Marker });
    } catch (error) {
      await removeMirror(area, generation, bucketBits).catch(() => {});
      throw error;
    }
  });

/** Removes a generation's keys, then its registry entry. */
async function removeMirror(area: KeyValueArea, generation: string, bucketBits: number) {
  // The marker goes first, so a half-removed mirror is never read.
  await area.remove([markerKey(generation)]);
  const keys = Array.from({ length: 1 << bucketBits }, (_, bucket) =>
    bucketKey(generation, bucket),
  );
  for (let i = 0; i < keys.length; i += KEYS_PER_WRITE)
    await area.remove(keys.slice(i, i + KEYS_PER_WRITE));
  await updateRegistry(area, (registry) => {
    delete registry[generation];
  });
}

/** Removes a generation's mirror (its pack was replaced or removed). */
export const dropMirror = (area: KeyValueArea, generation: string): Promise<void> =>
  queued(async () => {
    const bucketBits = (await readRegistry(area))[generation];
    if (bucketBits !== undefined) await removeMirror(area, generation, bucketBits);
  });

/**
 * Removes the mirrors of generations that are not live (left by an import that was cut off).
 * Only at start-up, before an import can begin: an import's new generation is not live until it
 * commits, after its mirror is written.
 */
export const dropDeadMirrors = (area: KeyValueArea, live: Set<string>): Promise<number> =>
  queued(async () => {
    const dead = Object.entries(await readRegistry(area)).filter(([gen]) => !live.has(gen));
    for (const [generation, bucketBits] of dead) await removeMirror(area, generation, bucketBits);
    return dead.length;
  });

/** The live generations whose mirror is not complete (a failed write, an older version's data). */
export async function generationsWithoutMirror(
  area: KeyValueArea,
  live: string[],
): Promise<string[]> {
  if (live.length === 0) return [];
  const stored = await area.get(live.map(markerKey));
  return live.filter((generation) => markedBits(stored[markerKey(generation)]) === undefined);
}
