import type { EntityType } from '../pack/entity-types';
import type { MatchForm } from '../match/types';

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

/** What the card shows (grows with the card issue). */
export interface EntityCard {
  id: string;
  name: string;
  type: EntityType;
  summary: string;
}

/**
 * The one map of every message the background answers: name → params and result.
 * `handle()` in the background takes a mapped type over this, so the compiler proves that every
 * message has a handler; `send()` in the other runtimes is typed from the same map.
 */
export interface Protocol {
  getStatus: { params: Record<string, never>; result: KbStatus };
  lookupCandidates: { params: { keys: string[] }; result: CandidateEntity[] };
  getCard: { params: { id: string; lang: string }; result: EntityCard | null };
  removePack: { params: { id: string }; result: { removed: boolean } };
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
