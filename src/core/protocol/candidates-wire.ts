import type { CandidateEntity } from './protocol';

/**
 * The candidate round trip carries one string each way instead of thousands of small values:
 * Chrome converts every value of a message separately, and a 5,000-key page as an array of
 * strings costs several times more than the same keys as one string (performance.md: messaging).
 * The page sends its keys' FNV-1a hashes in base 36, not the keys: the index is looked up by hash,
 * and the page computes them while it reads its text (`scanKeyHashes`), without building strings.
 */
export const joinHashes = (hashes: Iterable<number>): string =>
  Array.from(hashes, (hash) => hash.toString(36)).join(',');

/** The hashes of a `joinHashes` string (its format is checked by the message schema). */
export const splitKeyHashes = (text: string): number[] =>
  text ? text.split(',').map((hash) => parseInt(hash, 36)) : [];

/** One base-36 32-bit hash per key, comma-separated, or nothing. */
export const KEY_HASHES_FORMAT = /^(?:[0-9a-z]{1,7}(?:,[0-9a-z]{1,7})*)?$/;

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
