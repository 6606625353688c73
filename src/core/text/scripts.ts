/**
 * Character classes and case folding for matching (matching.md rules 3–5).
 *
 * Everything works on code points, never on UTF-16 units, so names in the supplementary planes
 * (CJK Extension B, Deseret …) behave like any other. Results are cached per code point because
 * the matcher asks for every character of every block, and a `\p{…}` RegExp test per character
 * would dominate the scan.
 */

/** Neither a word nor a spaceless character: spaces, punctuation, symbols. */
export const OTHER = 0;
/** Letters, marks and digits of scripts that separate words with spaces (rule 4). */
export const WORD = 1;
/** Han, Hiragana, Katakana: matched without word boundaries (rule 5). */
export const SPACELESS = 2;
export type CharClass = typeof OTHER | typeof WORD | typeof SPACELESS;

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
// Script_Extensions rather than Script: the prolonged sound mark ー (U+30FC) and the voicing
// marks are Script=Common/Inherited but belong to running Japanese text.
const SPACELESS_RE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const MARK_RE = /\p{M}/u;

const COMPUTED = 0x80;
const MARK = 0x04;
/** Per BMP code point: COMPUTED | MARK? | class. 64 KB, filled lazily. */
const bmpInfo = new Uint8Array(0x10000);
const astralInfo = new Map<number, number>();

function computeInfo(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (!WORD_RE.test(ch)) return COMPUTED | OTHER;
  const cls = SPACELESS_RE.test(ch) ? SPACELESS : WORD;
  return COMPUTED | (MARK_RE.test(ch) ? MARK : 0) | cls;
}

function info(cp: number): number {
  if (cp < 0x10000) {
    const cached = bmpInfo[cp] ?? 0;
    if (cached !== 0) return cached;
    const computed = computeInfo(cp);
    bmpInfo[cp] = computed;
    return computed;
  }
  let cached = astralInfo.get(cp);
  if (cached === undefined) {
    cached = computeInfo(cp);
    astralInfo.set(cp, cached);
  }
  return cached;
}

export function classOf(cp: number): CharClass {
  if (cp < 0x80) {
    // ASCII fast path: digits and letters are word characters, everything else is not.
    const lower = cp | 0x20;
    return (cp >= 0x30 && cp <= 0x39) || (lower >= 0x61 && lower <= 0x7a) ? WORD : OTHER;
  }
  return (info(cp) & 0x03) as CharClass;
}

/** A combining mark (\p{M}): NFC may compose it with the character before it. */
export function isMarkCode(cp: number): boolean {
  return cp >= 0x300 && (info(cp) & MARK) !== 0;
}

/** `ch` is one character (a code point, possibly a surrogate pair). */
export function isWordChar(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && classOf(cp) === WORD;
}

export function isSpacelessChar(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && classOf(cp) === SPACELESS;
}

/** UTF-16 length of a code point. */
export const cpLength = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** The code point ending just before `index`, or -1 at the start. */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Whether the code point starting at `index` is a word character (false past the end). */
export function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return classOf(text.codePointAt(index) ?? 0) === WORD;
}

const foldCache = new Map<number, number>();

function computeFold(cp: number): number {
  if (cp === 0x3c2) return 0x3c3; // final sigma ς folds with σ, as uppercase Σ does
  const lower = String.fromCodePoint(cp).toLowerCase();
  const folded = lower.codePointAt(0) ?? cp;
  // Only one-to-one mappings keep the text's offsets and the index keys aligned: İ → i̇ (two code
  // points) stays İ. A fold never moves a character to another class, so word boundaries computed
  // on the text and on the folded key always agree.
  if (lower.length !== cpLength(folded) || classOf(folded) !== classOf(cp)) return cp;
  return folded;
}

/** The case-insensitive identity of a code point (rule 3: all but the first char compare this way). */
export function foldCode(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    folded = computeFold(cp);
    foldCache.set(cp, folded);
  }
  return folded;
}

/** Has a lowercase counterpart, i.e. is an uppercase (or titlecase) letter. */
export const isUpperCode = (cp: number): boolean => foldCode(cp) !== cp && cp !== 0x3c2;

/** `text.slice(start, end)` with every code point folded. */
export function foldRange(text: string, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.slice(start, end).toLowerCase();
  let out = '';
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i) ?? 0;
    out += String.fromCodePoint(foldCode(cp));
    i += cpLength(cp);
  }
  return out;
}
