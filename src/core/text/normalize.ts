import { cpLength, isMarkCode } from './scripts';

/**
 * matching.md rule 1, for page text and knowledge-base forms alike: NFC; soft hyphen and
 * zero-width characters dropped; every kind of whitespace one space, runs collapsed; ’ ‘ ′ → ',
 * U+2010/U+2011 → '-'.
 */
export interface NormalizedText {
  text: string;
  /** True when `text` equals the raw text: offsets map to themselves. */
  identity?: boolean;
  /**
   * `map[i]`: index in the raw string of the (first) code unit that produced `text[i]`;
   * `map[text.length] === raw.length`. A mention [s, e) is raw [map[s], ends[e - 1]).
   */
  map: Uint32Array;
  /**
   * `ends[i]`: index in the raw string just past what produced `text[i]`. Equal to `map[i] + 1`
   * except where NFC composed several raw units into one (`e` + U+0301 → `é`), so the raw range of
   * a mention ending in a composed character still covers its combining marks.
   */
  ends: Uint32Array;
}

const isIgnored = (c: number) =>
  c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

const isSpace = (c: number) =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

/** Apostrophe and hyphen variants; all are BMP, so substituting per code unit is safe. */
function substitute(c: number): number {
  if (c === 0x2019 || c === 0x2018 || c === 0x2032) return 0x27;
  if (c === 0x2010 || c === 0x2011) return 0x2d;
  return c;
}

/** Characters NFC may compose with the preceding one: marks and Hangul medial/final jamo. */
const isExtender = (cp: number) =>
  (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11a8 && cp <= 0x11c2) || isMarkCode(cp);

// Anything rule 1 would change apart from NFC; its absence (plus NFC-stable text) lets most
// blocks skip the per-character loop.
const NEEDS_WORK =
  /[\t\n\v\f\r\x85\xa0\xad\u1680\u2000-\u200d\u2010\u2011\u2018\u2019\u2028\u2029\u202f\u2032\u205f\u2060\u3000\ufeff]| {2}/;

/** Output code units with their raw ranges, in typed arrays: blocks can be 100 KB. */
class Builder {
  private units: Uint16Array;
  private starts: Uint32Array;
  private ends: Uint32Array;
  private length = 0;

  constructor(capacity: number) {
    // NFC rarely makes text longer than the raw input; `grow` covers the cases where it does.
    this.units = new Uint16Array(capacity + 8);
    this.starts = new Uint32Array(capacity + 8);
    this.ends = new Uint32Array(capacity + 8);
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = substitute(unit);
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  finish(rawLength: number): NormalizedText {
    let text = '';
    // Chunked: spreading a very long array into fromCharCode overflows the call stack.
    for (let i = 0; i < this.length; i += 8192) {
      const chunk = this.units.subarray(i, Math.min(i + 8192, this.length));
      // apply takes the typed array as it is; spreading it goes through the (slow) iterator.
      text += String.fromCharCode.apply(null, chunk as unknown as number[]);
    }
    const map = new Uint32Array(this.length + 1);
    map.set(this.starts.subarray(0, this.length));
    map[this.length] = rawLength;
    return { text, map, ends: this.ends.slice(0, this.length) };
  }
}

/**
 * Text that needs no change (most blocks of most pages) maps to itself: the offset arrays are built
 * only if someone reads them, and `rawRange` never does. A page of 200 KB would otherwise allocate
 * 1.6 MB of offsets per scan for nothing.
 */
function identity(raw: string): NormalizedText {
  let map: Uint32Array | undefined;
  let ends: Uint32Array | undefined;
  return {
    text: raw,
    identity: true,
    get map() {
      map ??= Uint32Array.from({ length: raw.length + 1 }, (_, i) => i);
      return map;
    },
    get ends() {
      ends ??= Uint32Array.from({ length: raw.length }, (_, i) => i + 1);
      return ends;
    },
  };
}

/**
 * Emits one base character and the marks that follow it. NFC runs per such cluster rather than
 * on the whole text, so every output character keeps a raw position; composition never crosses a
 * cluster boundary in practice (a starter that is not an extender blocks it).
 * Returns the raw index after the cluster.
 */
function emitCluster(raw: string, at: number, rawIsNfc: boolean, out: Builder): number {
  const base = raw.codePointAt(at) ?? 0;
  let next = at + cpLength(base);
  let cluster = raw.slice(at, next);
  const sources: number[] = next - at === 2 ? [at, at + 1] : [at];
  let end = next;
  let gap = false;
  while (next < raw.length) {
    const c = raw.codePointAt(next) ?? 0;
    if (isIgnored(c)) {
      gap = true;
      next++;
      continue;
    }
    if (!isExtender(c)) break;
    for (let k = 0; k < cpLength(c); k++) sources.push(next + k);
    cluster += raw.slice(next, next + cpLength(c));
    next += cpLength(c);
    end = next;
  }
  // A dropped soft hyphen between a base and its mark is the one way NFC-stable raw text can
  // yield non-NFC output, hence `gap`.
  const composed = rawIsNfc && !gap ? cluster : cluster.normalize('NFC');
  if (composed.length === cluster.length) {
    for (let k = 0; k < composed.length; k++) {
      const source = sources[k] ?? at;
      out.push(composed.charCodeAt(k), source, source + 1);
    }
  } else {
    for (let k = 0; k < composed.length; k++) out.push(composed.charCodeAt(k), at, end);
  }
  return end;
}

export function normalizeText(raw: string): NormalizedText {
  const rawIsNfc = raw.normalize('NFC') === raw;
  if (rawIsNfc && !NEEDS_WORK.test(raw)) return identity(raw);
  const out = new Builder(raw.length);
  let inSpace = false;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (isIgnored(c)) {
      i++;
    } else if (isSpace(c)) {
      if (!inSpace) out.push(0x20, i, i + 1);
      inSpace = true;
      i++;
    } else {
      inSpace = false;
      const next = raw.charCodeAt(i + 1);
      // Fast path: a BMP char that NFC leaves alone (nothing below U+0300 changes; in NFC-stable
      // text nothing does), with no mark or ignored char after it that could change that.
      const stable = c < 0x300 || (rawIsNfc && (c < 0xd800 || c > 0xdfff));
      if (stable && !isIgnored(next) && !(next >= 0x300 && isExtender(next))) {
        out.push(c, i, i + 1);
        i++;
      } else {
        i = emitCluster(raw, i, rawIsNfc, out);
      }
    }
  }
  return out.finish(raw.length);
}

/** A knowledge-base form, normalised like page text and trimmed. */
export function normalizeForm(form: string): string {
  return normalizeText(form).text.trim();
}

/** The raw range [start, end) of normalised [start, end); for an empty range, its raw position. */
export function rawRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  if (normalized.identity) return [start, Math.max(start, end)];
  const from = normalized.map[start] ?? 0;
  if (end <= start) return [from, from];
  return [from, normalized.ends[end - 1] ?? from];
}
