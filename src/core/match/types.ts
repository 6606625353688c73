/** One surface form of one entity, as the page-local matcher receives it. */
export interface MatchForm {
  /** The form; normalised again by the matcher, so raw pack text is fine. */
  form: string;
  entityId: string;
  /** 'followup' forms (a surname) match only after a full mention of the entity (rule 7). */
  kind: 'full' | 'followup';
  /** Identical case required, not just the first character's (rule 3). */
  exact: boolean;
  /** Lower = more specific / preferred when a form belongs to several entities (rule 11). */
  rank: number;
}

/** A mention in block `block`, normalised offsets [start, end); a permitted suffix is included. */
export interface Mention {
  block: number;
  start: number;
  end: number;
  /** Most specific first; more than one means the form is ambiguous (rule 11). */
  entityIds: string[];
  kind: 'full' | 'followup';
}

/**
 * Visits a normalised text's keys as (hash, index), as `scanKeyHashes` does; a caller that scanned
 * the text already can replay what it saw instead of scanning it again.
 */
export type KeyScan = (visit: (hash: number, index: number) => void) => void;

export interface Matcher {
  /**
   * All mentions in normalised blocks given in document order, in document order. Follow-up
   * state lives only for one call: pass the whole document (or everything before the part that
   * changed) so that a follow-up can see its full mention.
   */
  findMentions(blocks: readonly string[]): Mention[];
  /**
   * The same, one block at a time (in document order), so a caller can pause between blocks and
   * keep every task short; the session carries the follow-up state from block to block.
   */
  session(): { feed(text: string, block: number, keys?: KeyScan): Mention[] };
}
