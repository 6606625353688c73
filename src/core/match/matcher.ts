import { normalizeForm } from '../text/normalize';
import {
  WORD,
  classOf,
  codePointBefore,
  cpLength,
  foldCode,
  isUpperCode,
  isWordAt,
} from '../text/scripts';
import { fnv1a } from '../hash';
import { locateFormKey, scanKeyHashes } from './keys';
import type { KeyScan, MatchForm, Matcher, Mention } from './types';

/**
 * The page-local matcher (architecture.md step 4), built from the few candidate entities the
 * background returned. Forms are indexed by their key; each block is scanned once, key by key
 * (word tokens, spaceless characters), and only forms under a key found in the text are checked.
 * Cost grows with the page, not with the number of forms, and no giant RegExp is ever built
 * (performance.md: alternations miss non-ASCII boundaries and cost seconds to build).
 */

interface Entry {
  codePoints: number[];
  folded: number[];
  /** Offset of the key inside the form (non-zero only for forms starting with punctuation). */
  keyOffset: number;
  entityId: string;
  kind: 'full' | 'followup';
  exact: boolean;
  rank: number;
  /** Position in the input, to order entities of equal rank stably. */
  order: number;
  /** Rule 4 applies on a side only where the form has a word character (rule 5: never for CJK). */
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

interface Candidate {
  start: number;
  end: number;
  entry: Entry;
}

const APOSTROPHE = 0x27;
const isLowerS = (unit: number) => unit === 0x73;
const isUpperS = (unit: number) => unit === 0x53;

/**
 * Where a match of `entry` at `start` ends, including a permitted suffix, or -1 (rules 3 and 4).
 */
function matchAt(text: string, start: number, entry: Entry): number {
  if (start < 0) return -1;
  if (entry.boundaryBefore && classOf(codePointBefore(text, start)) === WORD) return -1;
  let i = start;
  for (let k = 0; k < entry.codePoints.length; k++) {
    if (i >= text.length) return -1;
    const cp = text.codePointAt(i) ?? 0;
    if (cp !== entry.codePoints[k]) {
      // Rule 3: the first character's case must match; the rest compares case-insensitively.
      if (k === 0 || entry.exact || foldCode(cp) !== entry.folded[k]) return -1;
    }
    i += cpLength(cp);
  }
  return entry.boundaryAfter ? endWithSuffix(text, i) : i;
}

/** Rule 4: `s`, `'s`, or `'` after a final s; `S` only after an uppercase letter (ALIBABAS). */
function endWithSuffix(text: string, end: number): number {
  const next = text.charCodeAt(end);
  const last = codePointBefore(text, end);
  const sFits = (unit: number) => isLowerS(unit) || (isUpperS(unit) && isUpperCode(last));
  if (next === APOSTROPHE) {
    if (sFits(text.charCodeAt(end + 1)) && !isWordAt(text, end + 2)) return end + 2;
    if ((last === 0x73 || last === 0x53) && !isWordAt(text, end + 1)) return end + 1;
    return end; // the apostrophe itself is a boundary
  }
  if (sFits(next)) return isWordAt(text, end + 1) ? -1 : end + 1;
  return isWordAt(text, end) ? -1 : end;
}

/** Entries by the hash of their key: the page is scanned by hashes (`scanKeyHashes`). */
function buildIndex(forms: readonly MatchForm[]): Map<number, Entry[]> {
  const index = new Map<number, Entry[]>();
  const seen = new Set<string>();
  forms.forEach((input, order) => {
    const form = normalizeForm(input.form);
    const located = locateFormKey(form);
    if (!located) return; // no letter, digit or CJK character: nothing a page could be scanned for
    const identity = [input.entityId, input.kind, input.exact, form].join('\u0000');
    if (seen.has(identity)) return;
    seen.add(identity);
    const codePoints = Array.from(form, (ch) => ch.codePointAt(0) ?? 0);
    const entry: Entry = {
      codePoints,
      folded: codePoints.map(foldCode),
      keyOffset: located.offset,
      entityId: input.entityId,
      kind: input.kind,
      exact: input.exact,
      rank: input.rank,
      order,
      boundaryBefore: classOf(codePoints[0] ?? 0) === WORD,
      boundaryAfter: classOf(codePoints[codePoints.length - 1] ?? 0) === WORD,
    };
    const hash = fnv1a(located.key);
    const list = index.get(hash);
    if (list) list.push(entry);
    else index.set(hash, [entry]);
  });
  for (const list of index.values()) list.sort((a, b) => b.codePoints.length - a.codePoints.length);
  return index;
}

/** A hash shared by two keys only costs a `matchAt` that fails: it compares every character. */
function candidatesIn(index: Map<number, Entry[]>, text: string, keys: KeyScan): Candidate[] {
  const found: Candidate[] = [];
  keys((hash, at) => {
    const entries = index.get(hash);
    if (!entries) return;
    for (const entry of entries) {
      const start = at - entry.keyOffset;
      const end = matchAt(text, start, entry);
      if (end > start) found.push({ start, end, entry });
    }
  });
  // Leftmost first, longest first (rule 6).
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function entityIdsOf(entries: Entry[]): string[] {
  const sorted = [...entries].sort((a, b) => a.rank - b.rank || a.order - b.order);
  return sorted.map((entry) => entry.entityId);
}

/** Document-order memory of full mentions, for follow-ups (rule 7). */
class FullMentions {
  private readonly lastSeen = new Map<string, number>();
  private sequence = 0;

  record(entries: Entry | Entry[]): void {
    this.sequence++;
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      this.lastSeen.set(entry.entityId, this.sequence);
    }
  }

  /**
   * The follow-up entries whose entity had a full mention before, most recent first: the first
   * wins (rule 7), the others stay on offer in the card (rule 11). None if never seen.
   */
  byRecency(entries: Entry[]): Entry[] {
    const seen = (entry: Entry) => this.lastSeen.get(entry.entityId) ?? 0;
    return entries.filter((entry) => seen(entry) > 0).sort((a, b) => seen(b) - seen(a));
  }
}

/**
 * The mention for all candidates with one span, or null if none of them may match here (a
 * follow-up before its full mention), so that a shorter span gets its turn.
 */
function decide(span: Candidate[], block: number, fullMentions: FullMentions): Mention | null {
  const only = span.length === 1 ? span[0] : undefined;
  if (only?.entry.kind === 'full') {
    // The usual case (one form, one entity) without the allocations below.
    fullMentions.record(only.entry);
    const { start, end, entry } = only;
    return { block, start, end, entityIds: [entry.entityId], kind: 'full' };
  }
  const full = span.filter((c) => c.entry.kind === 'full').map((c) => c.entry);
  const followups = fullMentions.byRecency(
    span.filter((c) => c.entry.kind === 'followup').map((c) => c.entry),
  );
  if (full.length === 0 && followups.length === 0) return null;
  // A follow-up that also is another entity's full form: the person just written about comes first.
  // Follow-ups keep their recency order (rule 7's winner first); full forms go by rank.
  const entityIds = [
    ...new Set([...followups.map((entry) => entry.entityId), ...entityIdsOf(full)]),
  ];
  if (full.length > 0) fullMentions.record(full);
  const { start, end } = span[0] ?? { start: 0, end: 0 };
  return { block, start, end, entityIds, kind: full.length > 0 ? 'full' : 'followup' };
}

function resolveBlock(
  candidates: Candidate[],
  block: number,
  fullMentions: FullMentions,
): Mention[] {
  const mentions: Mention[] = [];
  let free = 0; // no mention may start before this (rule 6: no overlaps)
  let i = 0;
  while (i < candidates.length) {
    const start = candidates[i]?.start ?? 0;
    let j = i;
    while (j < candidates.length && candidates[j]?.start === start) j++;
    for (let k = i; start >= free && k < j;) {
      const end = candidates[k]?.end;
      let m = k;
      while (m < j && candidates[m]?.end === end) m++;
      const mention = decide(candidates.slice(k, m), block, fullMentions);
      if (mention) {
        mentions.push(mention);
        free = mention.end;
      }
      k = mention ? j : m;
    }
    i = j;
  }
  return mentions;
}

export function createMatcher(forms: readonly MatchForm[]): Matcher {
  const index = buildIndex(forms);
  const session = () => {
    const fullMentions = new FullMentions();
    return {
      feed(text: string, block: number, keys?: KeyScan): Mention[] {
        if (index.size === 0) return [];
        const scan: KeyScan = keys ?? ((visit) => scanKeyHashes(text, visit));
        return resolveBlock(candidatesIn(index, text, scan), block, fullMentions);
      },
    };
  };
  return {
    findMentions(blocks: readonly string[]): Mention[] {
      const scan = session();
      return blocks.flatMap((text, block) => scan.feed(text, block));
    },
    session,
  };
}
