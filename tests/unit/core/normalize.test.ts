import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForm, normalizeText, rawRange } from '../../../src/core/text/normalize';
import { isSpacelessChar, isWordChar } from '../../../src/core/text/scripts';

/** The raw text behind normalised [start, end). */
function rawOf(raw: string, start: number, end: number): string {
  const [from, to] = rawRange(normalizeText(raw), start, end);
  return raw.slice(from, to);
}

describe('normalizeText (matching.md rule 1)', () => {
  it('leaves ordinary text alone, with an identity map', () => {
    const { text, map, ends } = normalizeText('Joe Tsai sagte');
    expect(text).toBe('Joe Tsai sagte');
    expect([...map]).toEqual([...Array(15).keys()]);
    expect([...ends]).toEqual([...Array(14).keys()].map((i) => i + 1));
  });

  it('drops soft hyphens, and maps the word back over them', () => {
    const raw = 'Eine Ali\u00adbaba-Aktie';
    const { text, map } = normalizeText(raw);
    expect(text).toBe('Eine Alibaba-Aktie');
    expect(map[8]).toBe(9); // the "b" after the soft hyphen
    expect(rawOf(raw, 5, 12)).toBe('Ali\u00adbaba');
  });

  it.each([
    ['zero width space', '\u200b'],
    ['zero width non-joiner', '\u200c'],
    ['zero width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\ufeff'],
  ])('drops the %s', (_, ch) => {
    expect(normalizeText(`Deep${ch}Seek`).text).toBe('DeepSeek');
  });

  it.each([
    ['no-break space', 'Tim\u00a0Cook'],
    ['thin space', 'Tim\u2009Cook'],
    ['narrow no-break space', 'Tim\u202fCook'],
    ['line feed', 'Tim\nCook'],
    ['carriage return + line feed', 'Tim\r\nCook'],
    ['tab', 'Tim\tCook'],
    ['ideographic space', 'Tim\u3000Cook'],
    ['a run of mixed spaces', 'Tim \u00a0\n\t  Cook'],
    ['spaces around an ignored char', 'Tim \u00ad Cook'],
  ])('turns a %s into one space', (_, raw) => {
    expect(normalizeText(raw).text).toBe('Tim Cook');
  });

  it('keeps one leading and one trailing space (offsets stay block-relative)', () => {
    const { text, map } = normalizeText('\n  Meta \n');
    expect(text).toBe(' Meta ');
    expect(map[1]).toBe(3);
    expect(map[text.length]).toBe(9);
  });

  it('unifies apostrophes and hyphens', () => {
    expect(normalizeText('Alibaba’s ‘Qwen′ Deep\u2010Seek\u2011R1').text).toBe(
      "Alibaba's 'Qwen' Deep-Seek-R1",
    );
    // Dashes are not hyphens: they stay what they are.
    expect(normalizeText('Apple – Meta — Google').text).toBe('Apple – Meta — Google');
  });

  it('composes to NFC, and a mention ending in a composed char covers its combining mark', () => {
    const raw = 'Nestle\u0301s Umsatz';
    const normalized = normalizeText(raw);
    expect(normalized.text).toBe('Nestlés Umsatz');
    expect(rawOf(raw, 0, 6)).toBe('Nestle\u0301');
    expect(rawOf(raw, 0, 7)).toBe('Nestle\u0301s');
    expect(normalized.map[7]).toBe(8);
  });

  it('composes across a dropped soft hyphen', () => {
    expect(normalizeText('Nestle\u00ad\u0301').text).toBe('Nestlé');
  });

  it('composes Hangul jamo and replaces canonical singletons', () => {
    expect(normalizeText('\u1112\u1161\u11ab \u212b').text).toBe('한 Å');
  });

  it('maps both halves of a surrogate pair', () => {
    const raw = '\u00ad𠀀x';
    const { text, map } = normalizeText(raw);
    expect(text).toBe('𠀀x');
    expect([...map]).toEqual([1, 2, 3, 4]);
    expect(rawOf(raw, 0, 2)).toBe('𠀀');
  });

  it('handles an empty string', () => {
    const { text, map } = normalizeText('');
    expect(text).toBe('');
    expect([...map]).toEqual([0]);
  });
});

describe('normalizeForm', () => {
  it('normalises like page text and trims', () => {
    expect(normalizeForm('  Tim\u00a0\u00a0Cook\n')).toBe('Tim Cook');
    expect(normalizeForm('Deep\u00adSeek\u2011R1')).toBe('DeepSeek-R1');
    expect(normalizeForm('Nestle\u0301')).toBe('Nestlé');
  });
});

describe('normalizeText properties', () => {
  const pieces = [
    ..."aBsézßÄ-'.1阿カー",
    ...['e\u0301', 'o\u0308', '\u0301', '𠀀', '😀', '\u1112', '\u1161', '\u11ab', '\u212b'],
    ...[' ', '  ', '\u00a0', '\n', '\t', '\u2009', '\u00ad', '\u200b', '\ufeff'],
    ...['’', '‘', '′', '\u2010', '\u2011'],
    // Compositions beyond Latin: Oriya vowel signs, kana voicing mark, Ohm and CJK singletons.
    ...['\u0b47', '\u0b3e', '\u304b', '\u3099', '\u2126', '\uf900', '\u0327'],
  ];
  const rawText = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));

  /** The rules applied the slow, obvious way: drop, compose, collapse, substitute. */
  const reference = (raw: string) =>
    raw
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .normalize('NFC')
      .replace(/[\s\u0085]+/g, ' ')
      .replace(/[’‘′]/g, "'")
      .replace(/[\u2010\u2011]/g, '-');

  it('agrees with the rules applied to the whole string', () => {
    fc.assert(
      fc.property(rawText, (raw) => normalizeText(raw).text === reference(raw)),
      { numRuns: 1000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const { text } = normalizeText(raw);
        return normalizeText(text).text === text;
      }),
    );
  });

  it('maps every char to a raw position that produced it, in order', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const { text, map, ends } = normalizeText(raw);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(raw.length);
        for (let i = 0; i < text.length; i++) {
          expect(map[i]!).toBeLessThan(ends[i]!);
          expect(ends[i]!).toBeLessThanOrEqual(raw.length);
          if (i > 0) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
          // Word characters come from the raw text itself, unless NFC composed them.
          const ch = text[i]!;
          if (/[a-zA-Z0-9]/.test(ch)) expect(raw[map[i]!]).toBe(ch);
        }
      }),
    );
  });
});

describe('character classes (rules 4 and 5)', () => {
  it('word characters are letters, marks and digits of spaced scripts', () => {
    for (const ch of ['a', 'Z', 'ä', 'ß', 'é', '\u0301', '5', 'Ж', 'α', '한']) {
      expect(isWordChar(ch), ch).toBe(true);
    }
    for (const ch of [' ', '-', "'", '.', '_', '阿', 'カ', 'あ', '😀', '']) {
      expect(isWordChar(ch), ch).toBe(false);
    }
  });

  it('spaceless characters are Han, Hiragana and Katakana, including ー and Extension B', () => {
    for (const ch of ['阿', 'あ', 'カ', 'ｶ', 'ー', '々', '𠀀'])
      expect(isSpacelessChar(ch), ch).toBe(true);
    for (const ch of ['a', '한', '，', '。', '・', ' '])
      expect(isSpacelessChar(ch), ch).toBe(false);
  });
});
