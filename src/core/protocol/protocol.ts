import type { EntityType } from '../pack/entity-types';
import type { PackEntity } from '../pack/schema';
import type { MatchForm } from '../match/types';
import type { EntityInput } from './entity-input';

export type { EntityInput } from './entity-input';

/** What the popup shows about the knowledge base as a whole. */
export interface KbStatus {
  entities: number;
  packs: number;
  schemaVersion: number;
}

/** An entity as the page-local matcher needs it: its forms, nothing more. */
export interface CandidateEntity {
  id: string;
  name: string;
  type: EntityType;
  forms: MatchForm[];
}

export interface CardFact {
  label: string;
  value: string;
  /** Ref of the entity the value names, when it is in the knowledge base. */
  entity?: string;
  asOf?: string;
  source?: string;
}

/** Everything the card shows for one entity, in the reader's language, as plain text. */
export interface EntityCard {
  id: string;
  name: string;
  type: EntityType;
  summary: string;
  facts: CardFact[];
  links: Array<{ label: string; url: string }>;
  note: string;
  own: boolean;
  packTitle?: string;
  history: { count: number; last?: { title: string; url: string; at: number } };
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  /** The pack it comes from, or null for the reader's own entities. */
  packId: string | null;
  edited: boolean;
}

export interface SearchQuery {
  query: string;
  type?: EntityType;
  /** A pack id, or "own" for the reader's entities. */
  source?: string;
  offset: number;
  limit: number;
}

/** An entity as the editor works on it: the merged fields, and where it lives. */
export interface EditableEntity {
  id: string;
  packId: string | null;
  /** The merged fields; `entity.note` is the reader's note. */
  entity: PackEntity;
  edited: boolean;
}

export interface PackInfo {
  id: string;
  title: string;
  updated?: string;
  source: string;
  importedAt: number;
  entityCount: number;
}

export interface ImportJob {
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

/**
 * The one map of every message the background answers: name → params and result.
 * The background's `Handlers` is a mapped type over this, so the compiler proves that every
 * message has a handler; `send()` in the other runtimes is typed from the same map.
 */
export interface Protocol {
  getStatus: { params: Record<string, never>; result: KbStatus };
  /** The page's key hashes as one string, candidates packed as one JSON string: candidates-wire.ts. */
  lookupCandidates: { params: { hashes: string }; result: { packed: string } };
  getCard: { params: { id: string; lang: string }; result: EntityCard | null };
  /** One message per page visit for all entities seen, not one per entity. */
  recordSightings: {
    params: { ids: string[]; url: string; title: string };
    result: { recorded: number };
  };
  searchEntities: { params: SearchQuery; result: { total: number; items: EntitySummary[] } };
  getEntity: { params: { id: string }; result: EditableEntity | null };
  saveEntity: { params: { id?: string; entity: EntityInput }; result: { id: string } };
  deleteEntity: { params: { id: string }; result: { deleted: boolean } };
  restoreEntity: { params: { id: string }; result: { restored: boolean } };
  listPacks: { params: Record<string, never>; result: PackInfo[] };
  removePack: { params: { id: string }; result: { removed: boolean } };
  importBegin: { params: { fileName: string; format: 'json' | 'csv' }; result: { jobId: string } };
  importChunk: { params: { jobId: string; text: string }; result: { received: number } };
  importCommit: { params: { jobId: string }; result: ImportJob };
  listImports: { params: Record<string, never>; result: ImportJob[] };
  exportPack: { params: { scope: 'all' | 'own' }; result: { fileName: string; text: string } };
  clearHistory: { params: Record<string, never>; result: { cleared: number } };
  /** Opens the editor for an entity in a tab (the card's "Edit"). */
  openEditor: { params: { id: string }; result: { opened: boolean } };
}

export type MessageName = keyof Protocol;
export type Params<N extends MessageName> = Protocol[N]['params'];
export type Result<N extends MessageName> = Protocol[N]['result'];

/** Every message carries this tag so the background ignores anything that is not ours. */
export const CHANNEL = 'backstory/v1';

export interface RequestEnvelope<N extends MessageName = MessageName> {
  channel: typeof CHANNEL;
  name: N;
  params: Params<N>;
}

export type Reply<N extends MessageName = MessageName> = { result: Result<N> } | { error: string };

/**
 * Who may send what. `content` messages may come from our content scripts on any page; `extension`
 * messages change the knowledge base and are accepted only from the extension's own pages.
 * recordSightings is the one write a content script may make: it only appends to the reading
 * history the reader asked for (and is dropped for private windows or when history is off).
 */
export type Access = 'content' | 'extension';

export const accessRules: { [N in MessageName]: Access } = {
  getStatus: 'content',
  lookupCandidates: 'content',
  getCard: 'content',
  recordSightings: 'content',
  searchEntities: 'extension',
  getEntity: 'extension',
  saveEntity: 'extension',
  deleteEntity: 'extension',
  restoreEntity: 'extension',
  listPacks: 'extension',
  removePack: 'extension',
  importBegin: 'extension',
  importChunk: 'extension',
  importCommit: 'extension',
  listImports: 'extension',
  exportPack: 'extension',
  clearHistory: 'extension',
  // Opening a tab with our editor changes nothing; the reader still has to press Save there.
  openEditor: 'content',
};
