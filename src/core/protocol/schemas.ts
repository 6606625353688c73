import * as v from 'valibot';
import { ENTITY_TYPES } from '../pack/entity-types';
import { entityInputSchema } from '../pack/schema';
import { lookupCandidatesSchema } from './lookup-schema';
import type { MessageName, Params } from './protocol';

/** Import text arrives in chunks below Chrome's message size limit. */
export const IMPORT_CHUNK_CHARS = 4 * 1024 * 1024;

const ref = v.pipe(
  v.string(),
  v.minLength(3),
  v.maxLength(300),
  v.regex(/^(p\/[a-z0-9-]+\/|u\/)[a-z0-9.-]+$/),
);
const packId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
const langCode = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/));
const jobId = v.pipe(v.string(), v.regex(/^job-[a-z0-9-]{1,64}$/));
const none = v.strictObject({});

/** The schema every incoming message's params must satisfy before a handler sees them. */
export const paramSchemas: { [N in MessageName]: v.GenericSchema<unknown, Params<N>> } = {
  getStatus: none,
  lookupCandidates: lookupCandidatesSchema,
  getCard: v.strictObject({ id: ref, lang: langCode }),
  recordSightings: v.strictObject({
    ids: v.pipe(v.array(ref), v.maxLength(1000)),
    url: v.pipe(v.string(), v.url(), v.maxLength(2048)),
    title: v.pipe(v.string(), v.maxLength(300)),
  }),
  searchEntities: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(200)),
    type: v.optional(v.picklist(ENTITY_TYPES)),
    source: v.optional(v.union([packId, v.literal('own')])),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
  }),
  getEntity: v.strictObject({ id: ref }),
  saveEntity: v.strictObject({ id: v.optional(ref), entity: entityInputSchema }),
  deleteEntity: v.strictObject({ id: ref }),
  restoreEntity: v.strictObject({ id: ref }),
  listPacks: none,
  removePack: v.strictObject({ id: packId }),
  importBegin: v.strictObject({
    fileName: v.pipe(v.string(), v.maxLength(255)),
    format: v.picklist(['json', 'csv']),
  }),
  importChunk: v.strictObject({ jobId, text: v.pipe(v.string(), v.maxLength(IMPORT_CHUNK_CHARS)) }),
  importCommit: v.strictObject({ jobId }),
  listImports: none,
  exportPack: v.strictObject({ scope: v.picklist(['all', 'own']) }),
  clearHistory: none,
  openEditor: v.strictObject({ id: ref }),
};
