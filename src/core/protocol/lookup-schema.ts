import * as v from 'valibot';
import { KEY_HASHES_CHARACTERS } from './candidates-wire';

// Page-derived input is bounded so that a hostile page cannot make the worker do unbounded work.
const MAX_KEYS = 50_000;

/**
 * The candidate lookup's params, apart from the other messages' schemas: the worker's first script
 * checks this one message itself, and the other schemas (with the pack schema behind them) belong to
 * the knowledge base's script (architecture.md, "Two worker scripts").
 */
export const lookupCandidatesSchema = v.strictObject({
  hashes: v.pipe(v.string(), v.maxLength(MAX_KEYS * 11), v.regex(KEY_HASHES_CHARACTERS)),
});
