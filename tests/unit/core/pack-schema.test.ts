import { describe, expect, it } from 'vitest';
import {
  ENTITY_TYPES,
  PACK_LIMITS as L,
  PackError,
  parsePack,
  validatePack,
} from '../../../src/core/pack';

// Every rule of pack-format.md's field table and every limit of limits.ts, with the message a
// reader sees: which entity (number and id), which field, what is wrong.
type Obj = Record<string, unknown>;
/** A key given as `undefined` is left out, so that the field is missing. */
const defined = (o: Obj): Obj =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const entity = (extra: Obj = {}) => defined({ id: 'a', name: 'A', type: 'other', ...extra });
const pack = (entities: unknown[] = [entity()], extra: Obj = {}) =>
  defined({ format: 'backstory-pack', version: 1, id: 'p', title: 'T', entities, ...extra });

function refusal(data: unknown): string {
  try {
    validatePack(data);
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  throw new Error('the pack was accepted');
}
/** The second entity (id "b") carries `extra`, so messages must say `entity 2 (id "b")`. */
const second = (extra: Obj) => pack([entity({ id: 'first' }), entity({ id: 'b', ...extra })]);
const accepts = (extra: Obj) => validatePack(second(extra)).entities[1]!;
const esc = (s: string) => s.replace(/[.()]/g, '\\$&');
const x = (n: number) => 'x'.repeat(n);
const fact = (extra: Obj = {}): Obj => ({ label: 'Chairman', value: 'Joe Tsai', ...extra });
const link = (extra: Obj = {}): Obj => ({ label: 'Website', url: 'https://example.com', ...extra });
const forms = (n: number) => Array.from({ length: n }, (_, i) => `form ${i}`);
const url = (n: number) => `https://example.com/${x(n - 20)}`;
const types = ENTITY_TYPES.join(', ');
const tooLong = (what: string, n: number) =>
  `${what} is ${n} characters long; at most ${n - 1} are allowed`;
const oneFact = (extra: Obj) => ({ facts: [fact(extra)] });
const HTTP = 'must be an http or https address';
const FORM_LISTS = ['aliases', 'followups', 'exact'];
const ITEM_LISTS = ['related', 'tags'];
type Row = [field: string, problem: string, extra: Obj];

describe('pack header', () => {
  it('accepts a minimal pack and fills the defaults', () => {
    const out = validatePack(pack([entity()], { updated: '2025-02-14' }));
    expect(out).toMatchObject({ format: 'backstory-pack', version: 1, id: 'p', title: 'T' });
    expect(out.updated).toBe('2025-02-14');
    const lists = { aliases: [], followups: [], exact: [], facts: [], links: [] };
    expect(out.entities[0]).toEqual({ ...entity(), ...lists, summary: {}, related: [], tags: [] });
  });

  it.each<[string, Obj, string]>([
    ['format', { format: 'backstory-bundle' }, 'must be "backstory-pack": this file is not a'],
    ['format', { format: undefined }, 'is missing'],
    ['version', { version: 2 }, 'must be 1: this pack was made for another version of Backstory'],
    ['version', { version: '1' }, 'must be 1'],
    ['version', { version: undefined }, 'is missing'],
    ['id', { id: '' }, 'must be lowercase letters, digits and dashes \\(up to 64\\)'],
    ['id', { id: 'Tech' }, 'must be lowercase letters'],
    ['id', { id: '-a' }, 'must be lowercase letters'],
    ['id', { id: 'a.b' }, 'must be lowercase letters'],
    ['id', { id: 'a_b' }, 'must be lowercase letters'],
    ['id', { id: `a${x(64)}` }, 'must be lowercase letters'],
    ['id', { id: 7 }, 'must be text'],
    ['title', { title: '' }, 'the title must not be empty'],
    ['title', { title: '   ' }, 'the title must not be empty'],
    ['title', { title: x(201) }, 'the title is 201 characters long; at most 200 are allowed'],
    ['title', { title: undefined }, 'is missing'],
    ['updated', { updated: '2025-13' }, 'must be an ISO 8601 date'],
    ['updated', { updated: '2025-02-32' }, 'must be an ISO 8601 date'],
    ['updated', { updated: '2025-00-10' }, 'must be an ISO 8601 date'],
    ['updated', { updated: '14.02.2025' }, 'must be an ISO 8601 date'],
    ['updated', { updated: '2025/02/14' }, 'must be an ISO 8601 date'],
    ['updated', { updated: 2025 }, 'must be a date'],
    ['entities', { entities: {} }, 'must be a list of entities'],
    ['entities', { entities: undefined }, 'is missing'],
  ])('refuses %s: %o', (field, extra, problem) => {
    expect(refusal(pack([], extra))).toMatch(
      new RegExp(`^This pack was refused: field "${field}" ${problem}`),
    );
  });

  it.each<Obj>([
    { id: 'a' },
    { id: '0' },
    { id: 'tech-news-core' },
    { id: `a${x(63)}` },
    { title: x(L.maxTitleLength) },
    { updated: '2025' },
    { updated: '2025-02' },
    { updated: '2025-12-31' },
  ])('accepts %o', (extra) => {
    expect(validatePack(pack([], extra))).toMatchObject(extra);
  });

  it.each([null, [], 'pack', 42])('refuses %o: not a JSON object', (data) => {
    expect(refusal(data)).toMatch(/not a Backstory pack: it must be a JSON object/);
  });

  it('refuses text that is not JSON, and more than 200,000 entities', () => {
    expect(() => parsePack('{"format": ')).toThrow(/not valid JSON/);
    const tooMany = pack(new Array(L.maxEntities + 1).fill(entity()));
    expect(refusal(tooMany)).toMatch(/field "entities" a pack may hold at most 200,000 entities/);
  });
});

describe('entities', () => {
  it('refuses a duplicate id, naming the second entity by number and id', () => {
    const message = refusal(pack([entity(), entity({ id: 'b' }), entity({ id: 'b', name: 'B' })]));
    expect(message).toMatch(/entity 3 \(id "b"\): field "id" is used by an earlier entity/);
    expect(message).toMatch(/ids must be unique/);
  });

  it('names an entity without an id by number only', () => {
    expect(refusal(pack([entity(), { name: 'B', type: 'other' }]))).toMatch(
      /^This pack was refused: entity 2: field "id" is missing\.$/,
    );
    expect(refusal(pack([entity(), 'B']))).toMatch(/entity 2: must be an object with an id/);
  });

  // [field, problem, the second entity's fields]
  it.each<Row>([
    ['id', 'must be lowercase letters, digits, dots and dashes (up to 128)', { id: 'B' }],
    ...['.a', '-a', 'a_b', 'a b', 'ä', `a${x(128)}`, ''].map((id): Row => [
      'id',
      'must be lowercase letters',
      { id },
    ]),
    ['id', 'must be text', { id: 5 }],
    ['name', tooLong('the name', 201), { name: x(201) }],
    ['name', 'the name must not be empty', { name: ' ' }],
    ['name', 'must be text', { name: 3 }],
    ['name', 'is missing', { name: undefined }],
    ...['company', 'Person', '', 1].map((type): Row => [
      'type',
      `must be one of ${types}`,
      { type },
    ]),
    ...[...FORM_LISTS, ...ITEM_LISTS].flatMap((k): Row[] => [
      [k, 'must be a list of text', { [k]: 'One' }],
      [k, 'must be a list of text', { [k]: { 0: 'One' } }],
      [`${k}.1`, 'must be text', { [k]: ['One', 2] }],
      [
        `${k}.0`,
        `${FORM_LISTS.includes(k) ? 'a form' : 'an item'} must not be empty`,
        { [k]: [''] },
      ],
    ]),
    ...FORM_LISTS.flatMap((k): Row[] => [
      [`${k}.0`, tooLong('a form', 1001), { [k]: [x(1001)] }],
      [k, 'must hold at most 64 forms', { [k]: forms(65) }],
    ]),
    ...ITEM_LISTS.flatMap((k): Row[] => [
      [`${k}.0`, tooLong('an item', 201), { [k]: [x(201)] }],
      [k, 'must hold at most 256 items', { [k]: new Array(257).fill('t') }],
    ]),
    ['summary.de', tooLong('the summary', 601), { summary: { de: x(601) } }],
    ['summary', 'must be an object of language codes to text', { summary: 'Text' }],
    ['summary.English', 'must be a language code such as', { summary: { English: 'x' } }],
    ['summary.en', 'must be text', { summary: { en: 5 } }],
    ['facts', 'must be a list', { facts: 'Chairman: Joe Tsai' }],
    ['facts', 'must hold at most 64 facts', { facts: new Array(65).fill(fact()) }],
    ['facts.0', 'must be an object with a label and a value', { facts: ['Chairman'] }],
    ['facts.0.label', 'must be text or an object of', oneFact({ label: 5 })],
    ['facts.0.label', 'the label must not be empty', oneFact({ label: '' })],
    ['facts.0.label', tooLong('the label', 201), oneFact({ label: x(201) })],
    ['facts.0.label.en', tooLong('the label', 201), oneFact({ label: { en: x(201) } })],
    ['facts.0.label.EN', 'must be a language code', oneFact({ label: { EN: 'x' } })],
    ['facts.0.value', 'is missing', { facts: [{ label: 'Chairman' }] }],
    ['facts.0.value', 'must be text', oneFact({ value: 7 })],
    ['facts.0.value', tooLong('the value', 501), oneFact({ value: x(501) })],
    ['facts.0.entity', 'must be lowercase letters', oneFact({ entity: 'Joe Tsai' })],
    ['facts.0.asOf', 'must be an ISO 8601 date', oneFact({ asOf: 'Feb 2025' })],
    ['facts.0.source', HTTP, oneFact({ source: 'ftp://example.com' })],
    ['facts.0.source', HTTP, oneFact({ source: 'example.com' })],
    ['links', 'must be a list', { links: { url: 'https://a.example' } }],
    ['links', 'must hold at most 32 links', { links: new Array(33).fill(link()) }],
    ['links.0.url', HTTP, { links: [link({ url: 'ftp://a.b' })] }],
    ['links.0.url', HTTP, { links: [link({ url: 'not a url' })] }],
    ['links.0.url', tooLong('the address', 2049), { links: [link({ url: url(2049) })] }],
    ['links.0.url', 'is missing', { links: [{ label: 'Website' }] }],
    ['links.0.label', tooLong('the label', 201), { links: [link({ label: x(201) })] }],
    ...['q42', 'Q', 'P31', 'Q42a', ' Q42', 'Q1234567890123'].map((wikidata): Row => [
      'wikidata',
      'must be Q followed by digits',
      { wikidata },
    ]),
    ['wikidata', 'must be text', { wikidata: 42 }],
    ['note', tooLong('the note', 5001), { note: x(5001) }],
  ])('refuses %s: %s', (field, problem, extra) => {
    // The message shows at most 64 characters of an id.
    const id = typeof extra.id === 'string' ? esc(extra.id.slice(0, 64)) : 'b';
    const who = typeof extra.id === 'number' ? '' : ` \\(id "${id}"\\)`;
    expect(refusal(second(extra))).toMatch(
      new RegExp(`^This pack was refused: entity 2${who}: field "${esc(field)}" ${esc(problem)}`),
    );
  });

  it('refuses more than 64 forms: name, aliases and follow-ups together', () => {
    expect(accepts({ aliases: forms(62), followups: ['Tsai'] }).aliases).toHaveLength(62);
    expect(refusal(second({ aliases: forms(62), followups: ['Tsai', 'Joe'] }))).toMatch(
      /entity 2 \(id "b"\): an entity may have at most 64 forms \(name, aliases and follow-ups/,
    );
  });

  it.each<[string, Obj]>([
    ['id', { id: 'qwen2.5-max' }],
    ['id', { id: `a${x(127)}` }],
    ['name', { name: x(L.maxNameLength) }],
    ...ENTITY_TYPES.map((type): [string, Obj] => ['type', { type }]),
    ...FORM_LISTS.map((k): [string, Obj] => [k, { [k]: [x(1000)] }]),
    ...ITEM_LISTS.map((k): [string, Obj] => [k, { [k]: new Array(256).fill(x(200)) }]),
    ['summary', { summary: { en: x(L.maxSummaryLength), de: 'Text', 'zh-Hans': '文本' } }],
    ['facts', { facts: new Array(L.maxFacts).fill(fact()) }],
    ['facts', { facts: [fact({ label: x(L.maxLabelLength), value: x(L.maxFactValueLength) })] }],
    [
      'facts',
      {
        facts: [
          fact({ label: { en: 'Chairman', de: 'Vorsitzender' }, entity: 'joe-tsai' }),
          fact({ asOf: '2025-02', source: 'http://example.com/a?b=c#d' }),
        ],
      },
    ],
    ['links', { links: new Array(L.maxLinks).fill(link({ url: url(L.maxUrlLength) })) }],
    ...['Q42', 'Q1', 'Q123456789012'].map((wikidata): [string, Obj] => ['wikidata', { wikidata }]),
    ['note', { note: x(L.maxNoteLength) }],
  ])('accepts %s at its limit or in its forms', (_field, extra) => {
    expect(accepts(extra)).toMatchObject(extra);
  });
});

describe('unknown fields', () => {
  it('are dropped at every level and not in the output', () => {
    const noisy = entity({ color: 'red', facts: [fact({ x: 1 })], links: [link({ rel: 'me' })] });
    const out = validatePack(pack([noisy], { author: 'someone' }));
    expect(out).not.toHaveProperty('author');
    expect(out.entities[0]).not.toHaveProperty('color');
    expect(out.entities[0]!.facts[0]).toEqual(fact());
    expect(out.entities[0]!.links[0]).toEqual(link());
  });
});
