import type { ImportJob } from '../../core/protocol/protocol';
import type { EntityType } from '../../core/pack/entity-types';
import type { PackEntity } from '../../core/pack/schema';

/** An installed pack. `generation` names the rows that are live for it; see database.ts. */
export interface PackRow {
  id: string;
  title: string;
  updated?: string;
  /** Where it came from: "seed", a file name, or a URL. */
  source: string;
  importedAt: number;
  generation: string;
  entityCount: number;
  chunkCount: number;
}

export interface EntityChunkRow {
  generation: string;
  chunk: number;
  entities: PackEntity[];
}

/** A form as stored for matching: the text, follow-up or full, case-exact or not. */
export interface StoredForm {
  text: string;
  followup: boolean;
  exact: boolean;
  /** True for the entity's display name (preferred over aliases when a form is ambiguous). */
  isName: boolean;
}

/**
 * Everything candidate lookup needs for one generation, in one row of typed arrays and one string,
 * so a freshly started worker loads it with a single read (schema version 2).
 * `hashes` (sorted) and `ordinals` are parallel: the FNV-1a hash of a match key and the ordinal of
 * an entity that has it. `records` holds one JSON record per entity ([id, name, type, forms]),
 * `offsets[i]..offsets[i + 1]` being entity i's. An entity's chunk is `ordinal / CHUNK_SIZE`.
 */
export interface MatchIndexRow {
  generation: string;
  hashes: Uint32Array;
  ordinals: Uint32Array;
  records: string;
  offsets: Uint32Array;
}

/**
 * The cold-start directory of a generation's match buckets (schema version 3): small enough that
 * a freshly started worker reads it in a few milliseconds. Entry hashes are grouped by bucket
 * (`hash >>> (32 - bucketBits)`); `fingerprints[starts[b]..starts[b + 1]]` are the low 16 bits of
 * bucket b's hashes, so a key whose fingerprint is absent needs no bucket read at all.
 */
export interface MatchDirectoryRow {
  generation: string;
  bucketBits: number;
  starts: Uint32Array;
  fingerprints: Uint16Array;
}

/**
 * One bucket of a generation's match index: the entries whose key hash falls in it, each with the
 * entity's ordinal and encoded match record, so a cold lookup reads only the buckets its keys hit.
 */
export interface MatchBucketRow {
  generation: string;
  bucket: number;
  hashes: Uint32Array;
  ordinals: Uint32Array;
  records: string[];
}

/** A match record as stored in `MatchIndexRow.records` and `MatchBucketRow.records`. */
export type MatchRecord = [id: string, name: string, type: EntityType, forms: StoredForm[]];

/**
 * Search data for 256 entities as a few strings, not 256 objects: cheap to read and to scan.
 * `haystack` is the entities' lowercased name, aliases and summaries joined by U+0000.
 */
export interface SearchChunkRow {
  generation: string;
  chunk: number;
  ids: string[];
  names: string[];
  types: EntityType[];
  haystack: string;
}

/** An entity the reader created. `id` is its ref, `u/<entity id>`. */
export interface UserEntityRow {
  id: string;
  entity: PackEntity;
  keys: string[];
  /** Deleted by the reader; kept so that "undo" can bring it back. */
  deleted?: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The reader's changes to a pack entity, kept apart so that pack updates never touch them. */
export interface EditRow {
  /** `p/<pack id>/<entity id>` */
  ref: string;
  /** Fields the reader changed (the note among them); they win over the pack's. */
  fields: Partial<Omit<PackEntity, 'id'>>;
  /** The reader deleted this pack entity: it is no longer matched or listed. */
  hidden?: boolean;
  /** Match keys of the edited forms, so candidate lookup finds forms the reader added. */
  keys: string[];
  updatedAt: number;
}

export interface HistoryRow {
  seq?: number;
  ref: string;
  url: string;
  title: string;
  at: number;
}

/** The import job as stored is exactly what the popup is told (protocol.ts). */
export type ImportJobRow = ImportJob;
