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
  bucketCount: number;
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

/** One match key of one pack entity, with what the page-local matcher needs. */
export interface BucketEntry {
  key: string;
  entityId: string;
  chunk: number;
  name: string;
  type: EntityType;
  forms: StoredForm[];
}

export interface BucketRow {
  generation: string;
  bucket: number;
  entries: BucketEntry[];
}

/** Sorted hashes of every key of a generation: answers "could this key hit?" from one row. */
export interface KeyFilterRow {
  generation: string;
  hashes: Uint32Array;
}

export interface SearchEntry {
  entityId: string;
  name: string;
  type: EntityType;
  /** Lowercased name, aliases and summaries, for substring search. */
  haystack: string;
}

export interface SearchChunkRow {
  generation: string;
  chunk: number;
  entries: SearchEntry[];
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

export interface ImportJobRow {
  id: string;
  fileName: string;
  status: 'uploading' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message?: string;
  packId?: string;
  startedAt: number;
  finishedAt?: number;
}
