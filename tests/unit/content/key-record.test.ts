import { describe, expect, it } from 'vitest';
import { scanKeyHashes } from '../../../src/core/match/keys';
import { createMatcher } from '../../../src/core/match/matcher';
import type { MatchForm } from '../../../src/core/match/types';
import { normalizeText } from '../../../src/core/text/normalize';
import { KeyRecord } from '../../../src/content/scan/key-record';

const form = (text: string, entityId: string, kind: MatchForm['kind'] = 'full'): MatchForm => ({
  form: text,
  entityId,
  kind,
  exact: false,
  rank: 2,
});

describe('replaying the keys seen while collecting them', () => {
  it('finds exactly the mentions a fresh scan of each block finds', () => {
    const blocks = [
      'Joe Tsai leads Alibaba.',
      'Nothing to see here, only words and more words.',
      'Tsai said Alibabas Cloud grows; 阿里巴巴 agrees, and so does Qwen2.5-Max.',
      '',
    ].map((raw) => normalizeText(raw).text);
    const matcher = createMatcher([
      form('Joe Tsai', 'tsai'),
      form('Tsai', 'tsai', 'followup'),
      form('Alibaba', 'alibaba'),
      form('阿里巴巴', 'alibaba'),
      form('Qwen2.5-Max', 'qwen'),
    ]);
    const record = new KeyRecord();
    for (const text of blocks) {
      record.startBlock();
      scanKeyHashes(text, record.add);
    }
    const fresh = matcher.session();
    const replayed = matcher.session();
    blocks.forEach((text, i) => {
      const expected = fresh.feed(text, i);
      expect(replayed.feed(text, i, record.replay(i))).toEqual(expected);
    });
    expect(matcher.findMentions(blocks).map((m) => m.entityIds[0])).toEqual([
      'tsai',
      'alibaba',
      'tsai',
      'alibaba',
      'alibaba',
      'qwen',
    ]);
  });
});
