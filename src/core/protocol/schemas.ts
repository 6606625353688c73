import * as v from 'valibot';
import type { MessageName, Params } from './protocol';

// Page-derived input is bounded so that a hostile page cannot make the worker do unbounded work.
const MAX_KEYS = 50_000;
const MAX_KEY_LENGTH = 200;

const entityId = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const langCode = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/));

/** The schema every incoming message's params must satisfy before a handler sees them. */
export const paramSchemas: { [N in MessageName]: v.GenericSchema<unknown, Params<N>> } = {
  getStatus: v.strictObject({}),
  lookupCandidates: v.strictObject({
    keys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_KEY_LENGTH))), v.maxLength(MAX_KEYS)),
  }),
  getCard: v.strictObject({ id: entityId, lang: langCode }),
  removePack: v.strictObject({ id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)) }),
};

/**
 * Who may send what. `content` messages may come from our content scripts on any page; `extension`
 * messages change the knowledge base and are accepted only from the extension's own pages.
 */
export type Access = 'content' | 'extension';

export const accessRules: { [N in MessageName]: Access } = {
  getStatus: 'content',
  lookupCandidates: 'content',
  getCard: 'content',
  removePack: 'extension',
};
