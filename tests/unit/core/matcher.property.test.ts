import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formKey, textKeys } from '../../../src/core/match/keys';
import { createMatcher } from '../../../src/core/match/matcher';
import type { MatchForm } from '../../../src/core/match/types';
import { normalizeForm, normalizeText, rawRange } from '../../../src/core/text/normalize';
import {
  WORD,
  classOf,
  codePointBefore,
  cpLength,
  foldCode,
  isSpacelessChar,
  isUpperCode,
  isWordAt,
} from '../../../src/core/text/scripts';
import { formsOf, SEED } from '../support/seed-forms';

const FORMS: MatchForm[] = formsOf(SEED);
const matcher = createMatcher(FORMS);

interface Name {
  id: string;
  form: string;
  exact: boolean;
}
const NAMES: Name[] = FORMS.filter((f) => f.kind === 'full').map(({ entityId, form, exact }) => ({
  id: entityId,
  form,
  exact,
}));
const LATIN = NAMES.filter((n) => !isSpacelessChar(n.form));
const CJK = NAMES.filter((n) => isSpacelessChar(n.form));
const SINGLE_TOKEN = LATIN.filter((n) => /^[\p{L}\p{N}]+$/u.test(n.form));

// Filler that holds no name, no follow-up and nothing that would lengthen a name (Cloud, R1 …).
const GERMAN =
  'der die Konzern Aktie steigt Gründer Umsatz über Straße größer Öl Jahr 2025 KI sagte neue Modelle Chef'.split(
    ' ',
  );
const ENGLISH =
  'the company said market shares report chips with model startup quarter growth AI CEO'.split(' ');
const FORM_CHARS = new Set(CJK.flatMap((n) => [...n.form]));
const HAN = [
  ...'的了是在中国大模型发布表示推出用户数持续增长近日现身杭州也新据计划很少接受采访董事会主席集团创始人，。',
].filter((ch) => !FORM_CHARS.has(ch));
const LATIN_SEPARATORS = [
  ' ',
  ', ',
  '. ',
  ' (',
  ') ',
  ': ',
  ' – ',
  '\u00a0',
  '\n',
  ' "',
  '" ',
  ' \u2009 ',
];
const ZH_SEPARATORS = ['', '，', ' ', '“', '”'];

type Lang = 'de' | 'en' | 'zh';
const filler = (lang: Lang) =>
  lang === 'zh'
    ? fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 6 }).map((a) => a.join(''))
    : fc
        .array(fc.constantFrom(...(lang === 'de' ? GERMAN : ENGLISH)), {
          minLength: 1,
          maxLength: 3,
        })
        .map((a) => a.join(' '));

/** A name as written: maybe a soft hyphen inside it, maybe a suffix (rule 4) after it. */
interface Insertion {
  name: Name;
  suffixPick: number;
  shyAt: number | null;
}
const insertion = (lang: Lang): fc.Arbitrary<Insertion> =>
  fc.record({
    name: fc.constantFrom(...(lang === 'zh' ? [...CJK, ...LATIN] : LATIN)),
    suffixPick: fc.nat(),
    shyAt: fc.option(fc.nat()),
  });

function written(lang: Lang, { name, suffixPick, shyAt }: Insertion) {
  let text = name.form;
  if (shyAt !== null && text.length > 1) {
    const at = 1 + (shyAt % (text.length - 1));
    text = `${text.slice(0, at)}\u00ad${text.slice(at)}`;
  }
  const last = name.form.codePointAt(name.form.length - 1) ?? 0;
  const suffixes: [string, string][] = [['', '']];
  if (lang !== 'zh' && classOf(last) === WORD) {
    suffixes.push(['s', ''], ["'s", ''], ['’s', ''], ['', '-Chef']);
    if (name.form.endsWith('s')) suffixes.push(["'", '']);
  }
  const [kept, after] = suffixes[suffixPick % suffixes.length]!;
  return { mention: text + kept, after };
}

const document = fc.constantFrom<Lang>('de', 'en', 'zh').chain((lang) =>
  fc.array(insertion(lang), { minLength: 1, maxLength: 4 }).chain((names) =>
    fc.record({
      lang: fc.constant(lang),
      names: fc.constant(names),
      fillers: fc.array(filler(lang), { minLength: names.length + 1, maxLength: names.length + 1 }),
      separators: fc.array(fc.constantFrom(...(lang === 'zh' ? ZH_SEPARATORS : LATIN_SEPARATORS)), {
        minLength: 2 * names.length,
        maxLength: 2 * names.length,
      }),
    }),
  ),
);

describe('names inserted into German, English and Chinese text', () => {
  it('are all found, with their exact span and entity, and nothing else is', () => {
    fc.assert(
      fc.property(document, ({ lang, names, fillers, separators }) => {
        let raw = fillers[0]!;
        const expected: { from: number; to: number; id: string }[] = [];
        names.forEach((insert, i) => {
          const { mention, after } = written(lang, insert);
          raw += separators[2 * i]!;
          expected.push({ from: raw.length, to: raw.length + mention.length, id: insert.name.id });
          raw += mention + after + separators[2 * i + 1]! + fillers[i + 1]!;
        });
        const normalized = normalizeText(raw);
        const found = matcher.findMentions([normalized.text]).map((m) => {
          const [from, to] = rawRange(normalized, m.start, m.end);
          return { from, to, id: m.entityIds.join(' | ') };
        });
        expect(found).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('words that merely contain a name', () => {
  const glue = (chars: string) =>
    fc.array(fc.constantFrom(...chars), { maxLength: 4 }).map((a) => a.join(''));
  it('never match (Metadaten, Applebee, Metaphern, xOpenAI, Qwen2)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Lang>('de', 'en'),
        fc.constantFrom(...SINGLE_TOKEN),
        glue('abxzäößAÄ0'),
        glue('abdhpxzäößAÄ09'),
        fc.boolean(),
        (lang, name, prefix, suffix, shy) => {
          fc.pre(prefix + suffix !== '' && suffix !== 's' && suffix !== 'S');
          const sep = shy ? '\u00ad' : '';
          const word = prefix + sep + name.form + sep + suffix;
          const text = `${lang === 'de' ? 'Die' : 'The'} ${word} ${lang === 'de' ? 'steigt' : 'grows'}.`;
          expect(matcher.findMentions([normalizeText(text).text])).toEqual([]);
        },
      ),
    );
  });

  it('concrete cases from matching.md', () => {
    for (const text of ['Metadaten', "Applebee's", 'Metaphern', 'the metaverse', 'apple pie']) {
      expect(matcher.findMentions([text]), text).toEqual([]);
    }
  });
});

describe('case variants (rule 3)', () => {
  const swapCase = (ch: string) => {
    const swapped = ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
    return swapped.length === ch.length ? swapped : ch;
  };
  const variant = fc.record({
    name: fc.constantFrom(...LATIN),
    flips: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
    flipFirst: fc.boolean(),
  });

  it('match when only later letters change case (except exact forms), never when the first does', () => {
    fc.assert(
      fc.property(variant, ({ name, flips, flipFirst }) => {
        const chars = [...name.form].map((ch, i) =>
          (i === 0 ? flipFirst : flips[i]) ? swapCase(ch) : ch,
        );
        const text = chars.join('');
        const mentions = matcher.findMentions([`Heute: ${text} (neu)`]);
        const firstChanged = chars[0] !== name.form[0];
        if (firstChanged || (name.exact && text !== name.form)) {
          expect(mentions).toEqual([]);
        } else {
          expect(mentions.map((m) => [m.start, m.end, m.entityIds])).toEqual([
            [7, 7 + text.length, [name.id]],
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The rules applied the slow, obvious way: try the form at every position (rules 3 and 4, the
 * suffix list of rule 4 in order), independent of keys and of the matcher's scan.
 */
function oracleEnd(text: string, start: number, form: string, exact: boolean): number {
  const cps = Array.from(form, (ch) => ch.codePointAt(0) ?? 0);
  if (classOf(cps[0]!) === WORD && classOf(codePointBefore(text, start)) === WORD) return -1;
  let i = start;
  for (const [k, f] of cps.entries()) {
    const t = text.codePointAt(i);
    if (t === undefined) return -1;
    if (t !== f && (k === 0 || exact || foldCode(t) !== foldCode(f))) return -1;
    i += cpLength(t);
  }
  if (classOf(cps[cps.length - 1]!) !== WORD) return i;
  const last = codePointBefore(text, i);
  const s = isUpperCode(last) ? /^[sS]/ : /^s/;
  const rest = text.slice(i);
  const options: [boolean, number][] = [
    [rest.startsWith("'") && s.test(rest.slice(1)), i + 2],
    [rest.startsWith("'") && (last === 0x73 || last === 0x53), i + 1],
    [s.test(rest), i + 1],
    [true, i],
  ];
  for (const [applies, end] of options) if (applies && !isWordAt(text, end)) return end;
  return -1;
}

describe('keys contract', () => {
  const alphabet = [
    ..."absSABx -'.阿里カーéÉßςσΣİi1",
    ...['𠀀', '𝐀', '\u0301', "'s ", 's ', "s' ", 'Ab', 'AB'],
  ];
  const text = fc
    .array(fc.constantFrom(...alphabet), { maxLength: 24 })
    .map((a) => normalizeText(a.join('')).text);
  const formFrom = (t: string) =>
    fc
      .record({
        from: fc.nat([...t].length),
        length: fc.integer({ min: 1, max: 8 }),
        upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        exact: fc.boolean(),
        // Cutting a would-be suffix off the form makes the suffix rules of rule 4 come into play.
        cut: fc.constantFrom('', '', 's', 'S', "'s", "'"),
      })
      .map(({ from, length, upper, exact, cut }) => {
        const chars = [...t]
          .slice(from, from + length)
          .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch));
        const form = chars.join('');
        const trimmed = cut && form.endsWith(cut) ? form.slice(0, -cut.length) : form;
        return { form: normalizeForm(trimmed), exact };
      });

  it('every valid mention of a form has its key among textKeys, and the matcher finds exactly those', () => {
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), formFrom(t))),
        ([t, { form, exact }]) => {
          fc.pre(form.length > 0);
          const key = formKey(form);
          const keys = new Set(textKeys(t));
          const expected: [number, number][] = [];
          let free = 0;
          for (let start = 0; start < t.length; start += cpLength(t.codePointAt(start) ?? 0)) {
            const end = oracleEnd(t, start, form, exact);
            if (end < 0) continue;
            expect(key === '' || keys.has(key), `key ${key} for ${form} in ${t}`).toBe(true);
            if (start >= free && key !== '') {
              expected.push([start, end]);
              free = end;
            }
          }
          const single = createMatcher([{ form, entityId: 'x', kind: 'full', exact, rank: 0 }]);
          expect(single.findMentions([t]).map((m) => [m.start, m.end])).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('holds for every name of the seed in any of the generated documents', () => {
    fc.assert(
      fc.property(document, ({ lang, names, fillers }) => {
        const raw = names.map((n, i) => fillers[i] + ' ' + written(lang, n).mention).join(' ');
        const normalized = normalizeText(raw).text;
        const keys = new Set(textKeys(normalized));
        for (const { name } of names)
          expect(keys.has(formKey(normalizeForm(name.form)))).toBe(true);
      }),
    );
  });
});
