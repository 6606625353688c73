import { fnv1a } from '../../core/hash';
import type { MatchBucketRow, MatchDirectoryRow, MatchIndexRow } from '../db/rows';
import { decodeRecord, idKey, recordText } from './pack-layout';

/**
 * The cold-start layout of a match index (schema version 3). A freshly started worker cannot
 * afford to read a large pack's whole match index (≈ 6 MB and 60–80 ms for 100,000 entities)
 * before it answers a page, so each generation also has a small directory and many small buckets:
 * a cold lookup reads the directory, then only the buckets its keys hit (IndexedDB costs about
 * 0.1 ms per small row, so a page with 200 known names reads ≈ 200 rows in ≈ 20 ms).
 */

/** Entries per bucket aimed at: small rows are cheap to read, few rows are cheap to write. */
const ENTRIES_PER_BUCKET = 16;
/** At most 2^14 buckets: a 100,000-entity pack stays at 16,384 small rows. */
const MAX_BUCKET_BITS = 14;

export function bucketBitsFor(entries: number): number {
  const bits = Math.ceil(Math.log2(Math.max(1, entries / ENTRIES_PER_BUCKET)));
  return Math.min(MAX_BUCKET_BITS, Math.max(0, bits));
}

// `>>> 32` is a no-op in JavaScript, so zero bits needs its own case.
export const bucketOf = (hash: number, bucketBits: number): number =>
  bucketBits === 0 ? 0 : hash >>> (32 - bucketBits);

export const fingerprintOf = (hash: number): number => hash & 0xffff;

/** Whether the directory says a page key with this hash may be in the index (false: surely not). */
export function mayContain(directory: MatchDirectoryRow, hash: number): boolean {
  const bucket = bucketOf(hash, directory.bucketBits);
  const fingerprint = fingerprintOf(hash);
  for (let i = directory.starts[bucket]!; i < directory.starts[bucket + 1]!; i++) {
    if (directory.fingerprints[i] === fingerprint) return true;
  }
  return false;
}

export interface ColdIndex {
  directory: MatchDirectoryRow;
  buckets: MatchBucketRow[];
  /** The buckets without their id entries: what a page's keys can hit (the mirror's content). */
  pageBuckets: MatchBucketRow[];
}

/**
 * Which entries are only there to find an entity by id (for its card): a page's keys never ask for
 * those, so the directory leaves them out and stays half the size. An entry is an id entry when
 * its hash is its own entity's id hash, unless the same pair appears twice (a match key with the
 * very same hash), in which case one of the two is a match key and it stays in the directory.
 */
function idEntries(index: MatchIndexRow): Uint8Array {
  const { hashes, ordinals } = index;
  // One id hash per entity, not per entry: an entity has several entries.
  const idHashes = Uint32Array.from({ length: index.offsets.length - 1 }, (_, ordinal) =>
    fnv1a(idKey(decodeRecord(recordText(index, ordinal))[0])),
  );
  const isId = new Uint8Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    const ordinal = ordinals[i]!;
    const twin =
      (ordinals[i - 1] === ordinal && hashes[i - 1] === hashes[i]) ||
      (ordinals[i + 1] === ordinal && hashes[i + 1] === hashes[i]);
    isId[i] = !twin && hashes[i] === idHashes[ordinal] ? 1 : 0;
  }
  return isId;
}

/** Builds the directory and buckets from a full match index. Pure; empty buckets get no row. */
export function buildColdIndex(index: MatchIndexRow): ColdIndex {
  const { generation, hashes, ordinals } = index;
  const isId = idEntries(index);
  const bucketBits = bucketBitsFor(hashes.length);
  const starts = new Uint32Array((1 << bucketBits) + 1);
  const fingerprints: number[] = [];
  const buckets: MatchBucketRow[] = [];
  const pageBuckets: MatchBucketRow[] = [];
  // The hashes are sorted, so each bucket is one contiguous run of them.
  let entry = 0;
  for (let bucket = 0; bucket < 1 << bucketBits; bucket++) {
    starts[bucket] = fingerprints.length;
    const first = entry;
    while (entry < hashes.length && bucketOf(hashes[entry]!, bucketBits) === bucket) {
      if (!isId[entry]) fingerprints.push(fingerprintOf(hashes[entry]!));
      entry++;
    }
    if (entry === first) continue;
    const row: MatchBucketRow = {
      generation,
      bucket,
      hashes: hashes.slice(first, entry),
      ordinals: ordinals.slice(first, entry),
      records: Array.from(ordinals.subarray(first, entry), (ordinal) => recordText(index, ordinal)),
    };
    buckets.push(row);
    const page = row.hashes.map((_, i) => (isId[first + i] ? 0 : 1));
    if (page.every(Boolean)) pageBuckets.push(row);
    else if (page.some(Boolean))
      pageBuckets.push({
        generation,
        bucket,
        hashes: row.hashes.filter((_, i) => page[i] === 1),
        ordinals: row.ordinals.filter((_, i) => page[i] === 1),
        records: row.records.filter((_, i) => page[i] === 1),
      });
  }
  starts[1 << bucketBits] = fingerprints.length;
  return {
    directory: { generation, bucketBits, starts, fingerprints: Uint16Array.from(fingerprints) },
    buckets,
    pageBuckets,
  };
}
