import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../hash';
import { SPACELESS, WORD, classOf, cpLength, foldRange } from '../text/scripts';

/**
 * Index keys (architecture.md steps 2–3). The background stores each form under `formKey(form)`;
 * the page sends `textKeys(text)`. Contract: whenever a form occurs in a text as a mention by the
 * rules of matching.md, `textKeys(text)` contains `formKey(form)`. The matcher looks forms up by
 * the same keys (through `scanKeys`), so the two can never disagree.
 */

/**
 * Keys are clipped so that junk tokens (hashes, long URLs) cannot bloat the message; a form's key
 * is clipped the same way, so the contract holds for any token length.
 */
export const MAX_KEY_LENGTH = 32;

function clip(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const last = key.charCodeAt(MAX_KEY_LENGTH - 1);
  // Never cut a surrogate pair in half: the key may travel as JSON and into IndexedDB.
  return key.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_KEY_LENGTH - 1 : MAX_KEY_LENGTH);
}

const isS = (unit: number) => unit === 0x73 || unit === 0x53;

/** Where a form's key starts (UTF-16 offset into the form) and what it is. */
export interface FormKey {
  key: string;
  offset: number;
}

/**
 * The key of a normalised form: its first word token, folded (`Qwen2.5-Max` → `qwen2`); or, if a
 * spaceless character comes first, that character plus the next one when it is spaceless too
 * (`阿里巴巴` → `阿里`). Leading punctuation is skipped (`.NET` → `net`). Null for a form with no
 * word or spaceless character at all: such a form cannot be indexed.
 */
export function locateFormKey(form: string): FormKey | null {
  for (let i = 0; i < form.length;) {
    const cp = form.codePointAt(i) ?? 0;
    const cls = classOf(cp);
    if (cls === WORD) {
      let j = i + cpLength(cp);
      while (j < form.length) {
        const next = form.codePointAt(j) ?? 0;
        if (classOf(next) !== WORD) break;
        j += cpLength(next);
      }
      return { key: clip(foldRange(form, i, j)), offset: i };
    }
    if (cls === SPACELESS) {
      const second = i + cpLength(cp);
      const next = second < form.length ? (form.codePointAt(second) ?? 0) : -1;
      const end = next >= 0 && classOf(next) === SPACELESS ? second + cpLength(next) : second;
      return { key: form.slice(i, end), offset: i }; // spaceless characters have no case
    }
    i += cpLength(cp);
  }
  return null;
}

/** The index key of a normalised form; '' if it has none (see `locateFormKey`). */
export function formKey(form: string): string {
  return locateFormKey(form)?.key ?? '';
}

/**
 * Calls `visit(key, index)` for every key that starts at `index` of a normalised text, in text
 * order: each word token, folded, and the token without a final `s` (German genitive/plural, so
 * `Alibabas` finds `alibaba`; `'s` is a token of its own already); for each spaceless character,
 * itself and itself with the next character when that is spaceless too.
 */
export function scanKeys(text: string, visit: (key: string, index: number) => void): void {
  for (let i = 0; i < text.length;) i = scanOther(text, i, visit);
}

/** A UTF-16 unit that is an ASCII word character (a letter or digit). */
const isAsciiWord = (unit: number) => unit < 0x80 && classOf(unit) === WORD;
/** Lower-cases an ASCII letter (digits are left alone). */
const asciiLower = (unit: number) => (unit >= 0x41 && unit <= 0x5a ? unit | 0x20 : unit);

/**
 * `scanKeys`, but visiting each key's FNV-1a hash (`fnv1a(key)`) instead of the key. An ASCII
 * word, by far the most common token, is hashed as it is read, without building a string: a page
 * has tens of thousands of tokens, and allocating two strings for each was the largest part of
 * annotating it. Every other token goes through `scanKeys`' own string path.
 */
export function scanKeyHashes(text: string, visit: (hash: number, index: number) => void): void {
  const n = text.length;
  const visitString = (key: string, at: number) => visit(fnv1a(key), at);
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) {
      i = scanOther(text, i, visitString);
      continue;
    }
    if (!isAsciiWord(unit)) {
      i++;
      continue;
    }
    let j = i;
    let hash = FNV_OFFSET;
    let before = FNV_OFFSET; // the hash without the last character, for the stem
    while (j < n && j - i < MAX_KEY_LENGTH && isAsciiWord(text.charCodeAt(j))) {
      before = hash;
      hash = Math.imul(hash ^ asciiLower(text.charCodeAt(j)), FNV_PRIME);
      j++;
    }
    const next = j < n ? text.charCodeAt(j) : 0;
    if (j < n && (next >= 0x80 || isAsciiWord(next))) {
      // A longer or non-ASCII word: the string path clips and folds it exactly as `scanKeys`.
      i = scanOther(text, i, visitString);
      continue;
    }
    visit(hash >>> 0, i);
    // The stem is a key of its own only when the word was not clipped (see `scanKeys`).
    if (j - i > 1 && isS(text.charCodeAt(j - 1))) visit(before >>> 0, i);
    i = j;
  }
}

/**
 * `scanKeys` for the one token at `i` (or the one character there, if it starts none); returns
 * where the next token may start.
 */
function scanOther(text: string, i: number, visit: (key: string, index: number) => void): number {
  const n = text.length;
  const cp = codePointAt(text, i);
  const cls = classOf(cp);
  const len = cpLength(cp);
  if (cls === WORD) {
    let j = i + len;
    let ascii = cp < 0x80;
    while (j < n) {
      const next = codePointAt(text, j);
      if (classOf(next) !== WORD) break;
      if (next >= 0x80) ascii = false;
      j += cpLength(next);
    }
    const key = clip(ascii ? text.slice(i, j).toLowerCase() : foldRange(text, i, j));
    visit(key, i);
    if (j - i > 1 && isS(text.charCodeAt(j - 1))) {
      const stem = key.length < MAX_KEY_LENGTH ? key.slice(0, -1) : clip(foldRange(text, i, j - 1));
      if (stem !== key) visit(stem, i);
    }
    return j;
  }
  if (cls === SPACELESS) {
    // No Han or Kana character has a case mapping, so a plain slice is its folded form.
    visit(text.slice(i, i + len), i);
    if (i + len < n) {
      const next = codePointAt(text, i + len);
      if (classOf(next) === SPACELESS) visit(text.slice(i, i + len + cpLength(next)), i);
    }
  }
  return i + len;
}

/** `text.codePointAt(i)`, cheaper for the usual BMP character. */
function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
}

/** The distinct keys of a normalised text (the page sends their hashes: `scanKeyHashes`). */
export function textKeys(text: string): string[] {
  const keys = new Set<string>();
  scanKeys(text, (key) => keys.add(key));
  return [...keys];
}
