import type { CandidateEntity } from './protocol';

/**
 * The candidate round trip carries one string each way instead of thousands of small values:
 * Chrome converts every value of a message separately, and a 5,000-key page as an array of
 * strings costs several times more than the same keys as one string (performance.md: messaging).
 * Keys never contain a line break (normalised text has only plain spaces, and keys no spaces).
 */
export const joinKeys = (keys: Iterable<string>): string => [...keys].join('\n');

export const splitKeys = (text: string): string[] => (text ? text.split('\n') : []);

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
