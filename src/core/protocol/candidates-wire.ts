import type { CandidateEntity } from './protocol';

/**
 * The candidate round trip carries one string each way instead of thousands of small values:
 * Chrome converts every value of a message separately, and a 5,000-key page as an array of
 * strings costs several times more than the same keys as one string (performance.md: messaging).
 * The page sends its keys' FNV-1a hashes, not the keys: the index is looked up by hash, and the
 * page computes them while it reads its text (`scanKeyHashes`), without building strings.
 * The hashes are decimal so that a worker that has just started reads them with the native
 * `JSON.parse`: its code is not compiled yet, and a per-character loop, `parseInt` per hash or a
 * regular expression with nested repeats each take milliseconds for 5,000 hashes.
 */
export const joinHashes = (hashes: Iterable<number>): string => Array.from(hashes).join(',');

/** What the message schema lets through: digits and commas. `splitKeyHashes` checks the rest. */
export const KEY_HASHES_CHARACTERS = /^[0-9,]*$/;

/** The hashes of a `joinHashes` string; throws when it is not a comma-separated list of numbers. */
export function splitKeyHashes(text: string): number[] {
  if (text === '') return [];
  try {
    // Only digits and commas get here (the schema), so this can only yield numbers or throw.
    return JSON.parse(`[${text}]`) as number[];
  } catch {
    throw new Error(
      'Refused "lookupCandidates": hashes must be numbers separated by single commas.',
    );
  }
}

type WireForm = [form: string, followup: 0 | 1, exact: 0 | 1, rank: number];
type WireCandidate = [id: string, name: string, type: CandidateEntity['type'], forms: WireForm[]];

export function packCandidates(candidates: CandidateEntity[]): string {
  const wire: WireCandidate[] = candidates.map((c) => [
    c.id,
    c.name,
    c.type,
    c.forms.map((f): WireForm => [f.form, f.kind === 'followup' ? 1 : 0, f.exact ? 1 : 0, f.rank]),
  ]);
  return JSON.stringify(wire);
}

export function unpackCandidates(text: string): CandidateEntity[] {
  return (JSON.parse(text) as WireCandidate[]).map(([id, name, type, forms]) => ({
    id,
    name,
    type,
    forms: forms.map(([form, followup, exact, rank]) => ({
      form,
      entityId: id,
      kind: followup ? 'followup' : 'full',
      exact: exact === 1,
      rank,
    })),
  }));
}
