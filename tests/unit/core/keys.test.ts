import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_KEY_LENGTH,
  formKey,
  locateFormKey,
  scanKeyHashes,
  scanKeys,
  textKeys,
} from '../../../src/core/match/keys';
import { fnv1a } from '../../../src/core/hash';
import { normalizeText } from '../../../src/core/text/normalize';

const keysOf = (raw: string) => textKeys(normalizeText(raw).text);

describe('formKey', () => {
  it.each([
    ['Qwen2.5-Max', 'qwen2'],
    ['Apple Intelligence', 'apple'],
    ['DeepSeek-R1', 'deepseek'],
    ['DeepSeek R1', 'deepseek'],
    ['iPhone', 'iphone'],
    ['Tsai', 'tsai'],
    ['ÄRZTE ohne Grenzen', 'ärzte'],
    ['Llama 3.1', 'llama'],
    ['阿里巴巴', '阿里'],
    ['蔡崇信', '蔡崇'],
    ['阿', '阿'],
    ['阿Q', '阿'],
    ['ソフトバンク', 'ソフ'],
    ['.NET', 'net'],
    ['(阿里)', '阿里'],
  ])('%s → %s', (form, key) => {
    expect(formKey(form)).toBe(key);
  });

  it('is empty for a form without letters, digits or CJK', () => {
    expect(formKey('+++')).toBe('');
    expect(locateFormKey('')).toBeNull();
  });

  it('reports where the key starts in the form', () => {
    expect(locateFormKey('.NET')).toEqual({ key: 'net', offset: 1 });
  });
});

describe('textKeys', () => {
  it('lists every word token once, lowercased', () => {
    expect(keysOf('TENCENT and Baidu and Tencent').sort()).toEqual(['and', 'baidu', 'tencent']);
  });

  it('adds a token without its final s (German genitive/plural)', () => {
    expect(keysOf('Alibabas Gründer')).toEqual(
      expect.arrayContaining(['alibabas', 'alibaba', 'gründer']),
    );
    expect(keysOf('Tim Cooks Besuch')).toEqual(expect.arrayContaining(['cooks', 'cook']));
    expect(keysOf('iPhones')).toContain('iphone');
  });

  it('splits at apostrophes, hyphens and punctuation', () => {
    expect(keysOf("Baidu's Qwen2.5-Max, Ex-OpenAI-Forscher").sort()).toEqual(
      ['5', 'baidu', 'ex', 'forscher', 'max', 'openai', 'qwen2', 's'].sort(),
    );
    expect(keysOf('Alibaba’s')).toEqual(['alibaba', 's']);
  });

  it('sees through soft hyphens once the text is normalised', () => {
    expect(keysOf('Ten\u00adcent-Sprecherin')).toContain('tencent');
  });

  it('lists every char and every adjacent pair of a spaceless run', () => {
    expect(keysOf('阿里巴巴').sort()).toEqual(['巴', '巴巴', '里', '里巴', '阿', '阿里'].sort());
  });

  it('keeps Latin tokens and CJK runs apart in mixed text', () => {
    const keys = keysOf('苹果的iPhone销量');
    expect(keys).toEqual(expect.arrayContaining(['苹果', '果的', 'iphone', '销量', '销', '量']));
    expect(keys).not.toContain('的i');
    expect(keys).not.toContain('的iphone');
  });

  it('has no empty keys and ignores punctuation-only text', () => {
    expect(keysOf('— … !? ,')).toEqual([]);
    expect(keysOf('')).toEqual([]);
  });

  it('clips long tokens the same way for text and forms, never inside a surrogate pair', () => {
    const long = 'Supercalifragilisticexpialidociousandmore';
    const key = formKey(long);
    expect(key.length).toBe(MAX_KEY_LENGTH);
    expect(keysOf(`the ${long}s`)).toContain(key);
    const astral = `${'a'.repeat(MAX_KEY_LENGTH - 1)}𝐀bc`; // 𝐀 is a letter outside the BMP
    const clipped = formKey(astral);
    expect(clipped).toBe('a'.repeat(MAX_KEY_LENGTH - 1));
    expect(keysOf(astral)).toContain(clipped);
  });
});

describe('scanKeyHashes', () => {
  const visits = (text: string) => {
    const strings: Array<[number, number]> = [];
    scanKeys(text, (key, index) => strings.push([fnv1a(key), index]));
    const hashes: Array<[number, number]> = [];
    scanKeyHashes(text, (hash, index) => hashes.push([hash, index]));
    return { strings, hashes };
  };

  it.each([
    'Alibabas Cloud wächst; Qwen2.5-Max und DeepSeeks R1',
    `${'x'.repeat(31)}s ${'y'.repeat(32)}s ${'z'.repeat(33)}s ${'Ab'.repeat(20)}`,
    'Müllers Straße, ÄRZTE ohne Grenzen — Joe Tsai’s 阿里巴巴 and ソフトバンク',
    `${'a'.repeat(31)}ü ${'b'.repeat(40)}é 𝐀𝐁𝐂s`,
    '',
    's',
  ])('visits the hash of every key scanKeys visits, at the same place: %s', (text) => {
    const { strings, hashes } = visits(normalizeText(text).text);
    expect(hashes).toEqual(strings);
  });

  it('agrees with scanKeys on random text of every script', () => {
    const alphabet = ['a', 'S', 's', 'Z', '9', ' ', '-', "'", 'ä', 'ß', 'É', '阿', 'ソ', '𝐀', '.'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((a) => a.join('')),
        (text) => {
          const { strings, hashes } = visits(text);
          expect(hashes).toEqual(strings);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
