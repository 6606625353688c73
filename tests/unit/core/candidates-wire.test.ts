import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../src/core/hash';
import {
  joinHashes,
  KEY_HASHES_CHARACTERS,
  packCandidates,
  splitKeyHashes,
  unpackCandidates,
} from '../../../src/core/protocol/candidates-wire';
import type { CandidateEntity } from '../../../src/core/protocol';

describe('the candidate round trip on the wire', () => {
  it('carries a page’s keys as their hashes, in a format the worker’s schema accepts', () => {
    const keys = ['alibaba', 'tsai', '阿里', 'über'];
    const text = joinHashes(keys.map(fnv1a));
    expect(text).toMatch(KEY_HASHES_CHARACTERS);
    expect(splitKeyHashes(text)).toEqual(keys.map(fnv1a));
    expect(splitKeyHashes(joinHashes([]))).toEqual([]);
    expect(splitKeyHashes(joinHashes([0, 0xffffffff]))).toEqual([0, 0xffffffff]);
  });

  it('refuses a hash list that only looks like one, in words', () => {
    for (const text of [',', '1,,2', '1,', ',1', '01,2']) {
      expect(text).toMatch(KEY_HASHES_CHARACTERS);
      expect(() => splitKeyHashes(text), text).toThrow(/numbers separated by single commas/);
    }
    for (const text of ['1e9', '-1', '1.5', '[1]', '1, 2'])
      expect(text).not.toMatch(KEY_HASHES_CHARACTERS);
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
