import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../src/core/hash';
import {
  joinHashes,
  KEY_HASHES_FORMAT,
  packCandidates,
  splitKeyHashes,
  unpackCandidates,
} from '../../../src/core/protocol/candidates-wire';
import type { CandidateEntity } from '../../../src/core/protocol';

describe('the candidate round trip on the wire', () => {
  it('carries a page’s keys as their hashes, in a format the worker’s schema accepts', () => {
    const keys = ['alibaba', 'tsai', '阿里', 'über'];
    const text = joinHashes(keys.map(fnv1a));
    expect(text).toMatch(KEY_HASHES_FORMAT);
    expect(splitKeyHashes(text)).toEqual(keys.map(fnv1a));
    expect(splitKeyHashes(joinHashes([]))).toEqual([]);
    expect(joinHashes([0, 0xffffffff])).toMatch(KEY_HASHES_FORMAT);
  });

  it('gives back the candidates it packed', () => {
    const candidates: CandidateEntity[] = [
      {
        id: 'p/news/joe-tsai',
        name: 'Joe Tsai',
        type: 'person',
        forms: [
          { form: 'Joe Tsai', entityId: 'p/news/joe-tsai', kind: 'full', exact: false, rank: 2 },
          { form: 'Tsai', entityId: 'p/news/joe-tsai', kind: 'followup', exact: true, rank: 3 },
        ],
      },
    ];
    expect(unpackCandidates(packCandidates(candidates))).toEqual(candidates);
  });
});
