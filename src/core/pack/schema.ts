import * as v from 'valibot';
import { ENTITY_TYPES } from './entity-types';
import { PACK_LIMITS as L } from './limits';

const text = (max: number, what: string) =>
  v.pipe(
    v.string(`must be text`),
    v.maxLength(
      max,
      (issue) =>
        `${what} is ${issue.received.replace(/\D/g, '')} characters long; at most ${max} are allowed`,
    ),
  );
const nonEmptyText = (max: number, what: string) =>
  v.pipe(text(max, what), v.trim(), v.nonEmpty(`${what} must not be empty`));

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const langKey = v.pipe(v.string(), v.regex(LANG, 'must be a language code such as "en" or "de"'));

/** Only http(s) URLs: a pack must never be able to plant a `javascript:` or `data:` link. */
export const httpUrl = v.pipe(
  text(L.maxUrlLength, 'the address'),
  v.check((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https address'),
);

export const localizedText = (max: number, what: string) =>
  v.record(langKey, text(max, what), 'must be an object of language codes to text');

const labelText = nonEmptyText(L.maxLabelLength, 'the label');
const labelMap = localizedText(L.maxLabelLength, 'the label');
// Chosen by the input's shape rather than v.union: a union reports only its own generic message when
// a piped option fails (v.trim makes a too-long string "untyped"), hiding "the label is N characters".
const label: v.GenericSchema<unknown, string | Record<string, string>> = v.lazy((input) =>
  typeof input === 'string'
    ? labelText
    : typeof input === 'object' && input !== null && !Array.isArray(input)
      ? labelMap
      : v.union([labelText, labelMap], 'must be text or an object of language codes to text'),
);

const isoDate = v.pipe(
  v.string('must be a date'),
  v.regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'must be an ISO 8601 date such as 2025-02 or 2025-02-14',
  ),
);

const entityId = v.pipe(
  v.string('must be text'),
  v.regex(
    /^[a-z0-9][a-z0-9.-]{0,127}$/,
    'must be lowercase letters, digits, dots and dashes (up to 128)',
  ),
);

const formList = v.pipe(
  v.array(nonEmptyText(L.maxFormLength, 'a form'), 'must be a list of text'),
  v.maxLength(L.maxFormsPerEntity, `must hold at most ${L.maxFormsPerEntity} forms`),
);

const stringList = v.pipe(
  v.array(nonEmptyText(L.maxListItemLength, 'an item'), 'must be a list of text'),
  v.maxLength(L.maxListItems, `must hold at most ${L.maxListItems} items`),
);

// An object's message words a non-object input; validate.ts words a missing key itself.
export const factSchema = v.object(
  {
    label,
    value: nonEmptyText(L.maxFactValueLength, 'the value'),
    entity: v.optional(entityId),
    asOf: v.optional(isoDate),
    source: v.optional(httpUrl),
  },
  'must be an object with a label and a value',
);

export const linkSchema = v.object(
  { label: nonEmptyText(L.maxLabelLength, 'the label'), url: httpUrl },
  'must be an object with a label and a url',
);

const entityFields = {
  name: nonEmptyText(L.maxNameLength, 'the name'),
  type: v.picklist(ENTITY_TYPES, `must be one of ${ENTITY_TYPES.join(', ')}`),
  aliases: v.optional(formList, []),
  followups: v.optional(formList, []),
  exact: v.optional(formList, []),
  summary: v.optional(localizedText(L.maxSummaryLength, 'the summary'), {}),
  facts: v.optional(
    v.pipe(
      v.array(factSchema, 'must be a list'),
      v.maxLength(L.maxFacts, `must hold at most ${L.maxFacts} facts`),
    ),
    [],
  ),
  links: v.optional(
    v.pipe(
      v.array(linkSchema, 'must be a list'),
      v.maxLength(L.maxLinks, `must hold at most ${L.maxLinks} links`),
    ),
    [],
  ),
  related: v.optional(stringList, []),
  tags: v.optional(stringList, []),
  wikidata: v.optional(
    v.pipe(v.string('must be text'), v.regex(/^Q\d{1,12}$/, 'must be Q followed by digits')),
  ),
  /** The reader's note (a Backstory extension of the format, written by export). */
  note: v.optional(text(L.maxNoteLength, 'the note')),
};

// Inline in each pipe below: a separately typed predicate would stop valibot inferring the output.
const formCount = (aliases: string[], followups: string[]) =>
  1 + aliases.length + followups.length <= L.maxFormsPerEntity;
const formCountMessage = `an entity may have at most ${L.maxFormsPerEntity} forms (name, aliases and follow-ups together)`;

/** One entity as a pack holds it. Unknown fields are dropped (pack-format.md). */
export const packEntitySchema = v.pipe(
  v.object({ id: entityId, ...entityFields }, 'must be an object with an id, a name and a type'),
  v.check((e) => formCount(e.aliases, e.followups), formCountMessage),
);

/** The same fields as the editor sends them: the background assigns or keeps the id. */
export const entityInputSchema = v.pipe(
  v.strictObject(entityFields),
  v.check((e) => formCount(e.aliases, e.followups), formCountMessage),
);

export type PackEntity = v.InferOutput<typeof packEntitySchema>;
export type Fact = v.InferOutput<typeof factSchema>;
export type Link = v.InferOutput<typeof linkSchema>;

/** The pack without its entities; entities are validated one by one for precise messages. */
export const packHeaderSchema = v.object({
  format: v.literal(
    'backstory-pack',
    'must be "backstory-pack": this file is not a Backstory pack',
  ),
  version: v.literal(1, 'must be 1: this pack was made for another version of Backstory'),
  id: v.pipe(
    v.string('must be text'),
    v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes (up to 64)'),
  ),
  title: nonEmptyText(L.maxTitleLength, 'the title'),
  updated: v.optional(isoDate),
  entities: v.pipe(
    v.array(v.unknown(), 'must be a list of entities'),
    v.maxLength(
      L.maxEntities,
      `a pack may hold at most ${L.maxEntities.toLocaleString('en')} entities`,
    ),
  ),
});

export type PackHeader = Omit<v.InferOutput<typeof packHeaderSchema>, 'entities'>;
export interface Pack extends PackHeader {
  entities: PackEntity[];
}
