import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACK_LIMITS as L, PackError, parsePack, validatePack } from '../../../src/core/pack';

// Packs come from anywhere (a subscription URL, a file a stranger sent): a hostile pack must be
// refused whole or stored harmlessly, never run code, pollute prototypes or exhaust memory.
type Obj = Record<string, unknown>;
const entity = (extra: Obj = {}): Obj => ({ id: 'a', name: 'A', type: 'other', ...extra });
const pack = (entities: unknown[], extra: Obj = {}): Obj => ({
  ...{ format: 'backstory-pack', version: 1, id: 'p', title: 'T', entities },
  ...extra,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  throw new Error('the pack was accepted');
}
const fact = (extra: Obj = {}): Obj => ({ label: 'Label', value: 'Value', ...extra });
const link = (extra: Obj = {}): Obj => ({ label: 'Label', url: 'https://example.com', ...extra });

describe('markup in text fields', () => {
  const html = '<b onclick="alert(1)">Bold</b>';
  const script = '<script>alert(document.cookie)</script>';
  const entities = '&lt;b&gt; &amp; &#x3C;i>';

  it('is accepted and stored verbatim, as plain text', () => {
    const hostile = entity({
      name: html,
      aliases: [script, entities],
      followups: ['<img src=x onerror=alert(1)>'],
      exact: [html],
      summary: { en: script, de: entities },
      facts: [fact({ label: script, value: html }), fact({ label: { en: html }, value: script })],
      links: [link({ label: script, url: 'https://example.com/?q=<script>alert(1)</script>' })],
      related: [html],
      tags: [script],
      note: script,
    });
    const out = validatePack(pack([hostile], { title: script }));
    expect(out.title).toBe(script);
    // Equal to the input, character for character: not escaped, stripped or decoded here.
    expect(out.entities[0]).toMatchObject(hostile);
  });
});

describe('dangerous URLs', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
  ])('refuses %j as a link and as a fact source', (url) => {
    expect(refusal(() => validatePack(pack([entity({ links: [link({ url })] })])))).toMatch(
      /entity 1 \(id "a"\): field "links\.0\.url" must be an http or https address/,
    );
    const facts = [fact({ source: url })];
    expect(refusal(() => validatePack(pack([entity({ facts })])))).toMatch(
      /entity 1 \(id "a"\): field "facts\.0\.source" must be an http or https address/,
    );
  });
});

describe('1 MB strings', () => {
  const big = 'x'.repeat(1_000_000);
  it.each<[string, Obj]>([
    ['name', { name: big }],
    ['aliases.0', { aliases: [big] }],
    ['followups.0', { followups: [big] }],
    ['exact.0', { exact: [big] }],
    ['summary.en', { summary: { en: big } }],
    ['facts.0.label', { facts: [fact({ label: big })] }],
    ['facts.0.label.en', { facts: [fact({ label: { en: big } })] }],
    ['facts.0.value', { facts: [fact({ value: big })] }],
    ['facts.0.source', { facts: [fact({ source: `https://example.com/${big}` })] }],
    ['links.0.label', { links: [link({ label: big })] }],
    ['links.0.url', { links: [link({ url: `https://example.com/${big}` })] }],
    ['related.0', { related: [big] }],
    ['tags.0', { tags: [big] }],
    ['note', { note: big }],
  ])('are refused in %s with a length message', (field, extra) => {
    const escaped = field.replace(/\./g, '\\.');
    expect(refusal(() => validatePack(pack([entity(extra)])))).toMatch(
      new RegExp(`field "${escaped}" .* is 100\\d{4} characters long; at most \\d+ are allowed`),
    );
  });

  it('are refused in the title, and in ids, dates and wikidata by their patterns', () => {
    const run = (data: Obj) => refusal(() => validatePack(data));
    expect(run(pack([], { title: big }))).toMatch(/"title" the title is 1000000 characters long/);
    expect(run(pack([], { id: big }))).toMatch(/field "id" must be lowercase letters/);
    expect(run(pack([], { updated: big }))).toMatch(/field "updated" must be an ISO 8601 date/);
    expect(run(pack([entity({ id: big })]))).toMatch(/entity 1 \(id "x{64}"\): field "id" must/);
    expect(run(pack([entity({ wikidata: big })]))).toMatch(/"wikidata" must be Q followed by/);
  });
});

describe('prototype pollution', () => {
  afterEach(() => {
    // Keep a failure here from leaking into other tests.
    delete (Object.prototype as Obj).polluted;
    delete (Object.prototype as Obj).name;
  });
  const payload = '{"polluted": "yes", "name": "Injected"}';
  const proto = `"__proto__": ${payload}, "constructor": {"prototype": ${payload}}`;
  const text = (entityText: string, packExtra = '') =>
    `{${packExtra}"format":"backstory-pack","version":1,"id":"p","title":"T","entities":[${entityText}]}`;

  it.each([
    ['pack level', text('{"id":"a","name":"A","type":"other"}', `${proto},`)],
    ['entity level', text(`{${proto},"id":"a","name":"A","type":"other"}`)],
    ['summary', text(`{"id":"a","name":"A","type":"other","summary":{${proto},"en":"x"}}`)],
    [
      'fact label',
      text(`{"id":"a","name":"A","type":"other","facts":[{"label":{${proto}},"value":"v"}]}`),
    ],
    [
      'fact',
      text(`{"id":"a","name":"A","type":"other","facts":[{${proto},"label":"l","value":"v"}]}`),
    ],
  ])('__proto__ and constructor at %s are dropped and pollute nothing', (_where, json) => {
    const out = parsePack(json);
    expect(({} as Obj).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    const stored = JSON.stringify(out);
    expect(stored).not.toMatch(/__proto__|constructor|polluted|Injected/);
  });

  it('a name offered through __proto__ does not count as a name', () => {
    const json = text('{"__proto__":{"name":"Injected"},"id":"a","type":"other"}');
    expect(refusal(() => parsePack(json))).toMatch(/entity 1 \(id "a"\): field "name" is missing/);
    expect(({} as Obj).name).toBeUndefined();
  });

  it('drops a summary made only of __proto__: empty, not polluted', () => {
    const json = text(`{"id":"a","name":"A","type":"other","summary":{"__proto__":{"en":"x"}}}`);
    const summary = parsePack(json).entities[0]!.summary;
    expect(Object.keys(summary)).toEqual([]);
    expect(Object.getPrototypeOf(summary)).toBe(Object.prototype);
    expect((summary as Obj).en).toBeUndefined();
  });
});

describe('wrong types', () => {
  it.each<[string, Obj, string]>([
    ['name', { name: 42 }, 'must be text'],
    ['name', { name: null }, 'must be text'],
    ['name', { name: ['A'] }, 'must be text'],
    ['type', { type: 1 }, 'must be one of organization'],
    ['aliases', { aliases: { 0: 'A' } }, 'must be a list of text'],
    ['aliases', { aliases: 'A;B' }, 'must be a list of text'],
    ['aliases.0', { aliases: [{ toString: 'A' }] }, 'must be text'],
    ['followups', { followups: true }, 'must be a list of text'],
    ['summary', { summary: 'text' }, 'must be an object of language codes to text'],
    ['summary.en', { summary: { en: ['x'] } }, 'must be text'],
    ['facts', { facts: 'Chairman: Joe Tsai' }, 'must be a list'],
    ['facts', { facts: { label: 'l', value: 'v' } }, 'must be a list'],
    ['facts.0', { facts: [null] }, 'must be an object with a label and a value'],
    ['facts.0.value', { facts: [fact({ value: 5 })] }, 'must be text'],
    ['links', { links: { url: 'https://a.example' } }, 'must be a list'],
    ['links.0.url', { links: [link({ url: 5 })] }, 'must be text'],
    ['related', { related: 'a' }, 'must be a list of text'],
    ['tags.0', { tags: [1] }, 'must be text'],
    ['wikidata', { wikidata: 42 }, 'must be text'],
  ])('refuses %s given as %o', (field, extra, problem) => {
    const escaped = field.replace(/\./g, '\\.');
    expect(refusal(() => validatePack(pack([entity(extra)])))).toMatch(
      new RegExp(`entity 1 \\(id "a"\\): field "${escaped}" ${problem}`),
    );
  });

  it.each([null, 5, 'entity'])('refuses the entity %j itself', (raw) => {
    expect(refusal(() => validatePack(pack([raw])))).toMatch(
      /entity 1: must be an object with an id, a name and a type/,
    );
  });

  it('refuses an array as an entity (it has no id)', () => {
    expect(refusal(() => validatePack(pack([['a']])))).toMatch(/entity 1: field "id" is missing/);
  });

  it.each<[Obj, RegExp]>([
    [{ entities: 'all' }, /field "entities" must be a list of entities/],
    [{ entities: { 0: {} } }, /field "entities" must be a list of entities/],
    [{ title: 5 }, /field "title" must be text/],
    [{ version: '1' }, /field "version" must be 1/],
  ])('refuses a header with %o', (extra, message) => {
    expect(refusal(() => validatePack(pack([], extra)))).toMatch(message);
  });
});

describe('size limits', () => {
  it('refuses 200,001 entities quickly, before looking at any entity', () => {
    const minimal = Array.from({ length: L.maxEntities + 1 }, (_, i) => entity({ id: `e${i}` }));
    const started = performance.now();
    const message = refusal(() => validatePack(pack(minimal)));
    expect(message).toMatch(/field "entities" a pack may hold at most 200,000 entities/);
    // Validating 200,000 entities takes seconds; the count alone is checked in a fraction of that.
    expect(performance.now() - started).toBeLessThan(1_500);
    // An entity that throws when read proves that none was inspected.
    const trap = Object.defineProperty({}, 'id', {
      get: () => {
        throw new Error('an entity was read');
      },
    });
    const trapped = new Array(L.maxEntities + 1).fill(trap);
    expect(refusal(() => validatePack(pack(trapped)))).toMatch(/at most 200,000 entities/);
  });

  it('refuses more than 64 MiB of text before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(refusal(() => parsePack(' '.repeat(L.maxBytes + 1)))).toMatch(/larger than 64 MiB/);
      // 32 Mi "é" are 64 MiB of UTF-8 in half as many UTF-16 units: counted as bytes, not units.
      const twoByte = `"${'é'.repeat(L.maxBytes / 2)}"`;
      expect(refusal(() => parsePack(twoByte))).toMatch(/larger than 64 MiB/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('parses a large text under the limit', () => {
    const under = `"${'é'.repeat(L.maxBytes / 2 - 2)}"`;
    expect(refusal(() => parsePack(under))).toMatch(/must be a JSON object/);
  });
});
