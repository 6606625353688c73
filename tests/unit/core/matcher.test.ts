import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/match/matcher';
import type { MatchForm, Mention } from '../../../src/core/match/types';
import { normalizeText, rawRange } from '../../../src/core/text/normalize';
import { formsOf, SEED } from '../support/seed-forms';

const form = (form: string, entityId: string, more: Partial<MatchForm> = {}): MatchForm => ({
  form,
  entityId,
  kind: 'full',
  exact: false,
  rank: 0,
  ...more,
});

const matcher = createMatcher(formsOf(SEED));

function mentionsIn(...raw: string[]): { blocks: string[]; mentions: Mention[] } {
  const blocks = raw.map((block) => normalizeText(block).text);
  return { blocks, mentions: matcher.findMentions(blocks) };
}

/** What a reader sees: each underlined span and the entity (or entities) its card offers. */
function spot(...raw: string[]): [string, string][] {
  const { blocks, mentions } = mentionsIn(...raw);
  return mentions.map((m) => [blocks[m.block]!.slice(m.start, m.end), m.entityIds.join(' | ')]);
}

describe('rule 1: normalisation', () => {
  it('sees through the soft hyphen in Ali&shy;baba-Aktie', () => {
    const raw = 'Die Ali\u00adbaba-Aktie steigt';
    const normalized = normalizeText(raw);
    const [mention] = matcher.findMentions([normalized.text]);
    expect(mention?.entityIds).toEqual(['Alibaba Group']);
    const [from, to] = rawRange(normalized, mention!.start, mention!.end);
    expect(raw.slice(from, to)).toBe('Ali\u00adbaba');
  });

  it('sees through zero-width characters', () => {
    expect(spot('Deep\u200bSeek und Open\u2060AI')).toEqual([
      ['DeepSeek', 'DeepSeek'],
      ['OpenAI', 'OpenAI'],
    ]);
  });

  it.each([
    ['NBSP', 'Tim\u00a0Cook'],
    ['thin space', 'Tim\u2009Cook'],
    ['line break', 'Tim\nCook'],
    ['tab', 'Tim\tCook'],
    ['a run of spaces', 'Tim \n\u00a0 Cook'],
  ])('matches a multi-word name across a %s', (_, raw) => {
    expect(spot(raw)).toEqual([['Tim Cook', 'Tim Cook']]);
  });

  it("treats ’ and ' as the same apostrophe", () => {
    expect(spot('Alibaba’s Qwen')).toEqual([
      ["Alibaba's", 'Alibaba Group'],
      ['Qwen', 'Qwen'],
    ]);
  });

  it('treats U+2010 and U+2011 as the hyphen', () => {
    expect(spot('DeepSeek\u2011R1 und DeepSeek\u2010V3')).toEqual([
      ['DeepSeek-R1', 'DeepSeek-R1'],
      ['DeepSeek-V3', 'DeepSeek-V3'],
    ]);
  });

  it('matches composed and decomposed text alike (NFC)', () => {
    expect(spot('Nestle\u0301 und Nestlé')).toEqual([
      ['Nestlé', 'Nestlé'],
      ['Nestlé', 'Nestlé'],
    ]);
    const decomposedForm = createMatcher([form('Nestle\u0301', 'N')]);
    expect(decomposedForm.findMentions(['Nestlé'])).toHaveLength(1);
  });
});

describe('rule 2: blocks', () => {
  it('matches text concatenated across inline elements (<strong>Joe</strong> Tsai)', () => {
    expect(spot(['Joe', ' Tsai'].join(''))).toEqual([['Joe Tsai', 'Joe Tsai']]);
  });

  it('never matches a name across two blocks', () => {
    expect(spot('Chairman Joe', 'Tsai said')).toEqual([]);
    expect(spot('Apple', 'Intelligence')).toEqual([['Apple', 'Apple']]);
  });

  it('reports block-relative offsets, in document order', () => {
    const { mentions } = mentionsIn('Nothing here.', 'Meta and Apple', 'Google');
    expect(mentions.map(({ block, start, end }) => [block, start, end])).toEqual([
      [1, 0, 4],
      [1, 9, 14],
      [2, 0, 6],
    ]);
  });
});

describe('rule 3: case', () => {
  it.each([
    ['DEEPSEEK', 'DEEPSEEK', 'DeepSeek'],
    ['Deepseek', 'Deepseek', 'DeepSeek'],
    ['ALIBABA SHARES', 'ALIBABA', 'Alibaba Group'],
    ['TENCENT AND BAIDU RACE', 'TENCENT', 'Tencent'],
    ['tim COOK arrived', null, null],
    ['Tim COOK arrived', 'Tim COOK', 'Tim Cook'],
  ])('%s', (raw, surface, entity) => {
    expect(spot(raw)[0] ?? [null, null]).toEqual([surface, entity]);
  });

  it.each(['apple pie', 'the metaverse', 'the meta analysis', 'Iphone', 'IPHONE', 'deepSeek'])(
    '%s is no mention',
    (raw) => {
      expect(spot(raw)).toEqual([]);
    },
  );

  it("fixes only the first char's case: iPhone's lowercase i is part of the name", () => {
    expect(spot('an iphone, an IPHONE')).toEqual([['iphone', 'iPhone']]);
  });

  it('matches an exact form only with identical case', () => {
    expect(spot('ERNIE models')).toEqual([['ERNIE', 'ERNIE']]);
    expect(spot('Ernie models')).toEqual([]);
    expect(spot('ErNIE models')).toEqual([]);
    // The non-exact alias still follows the usual rule.
    expect(spot('ERNIE BOT')).toEqual([['ERNIE BOT', 'ERNIE']]);
  });
});

describe('rule 4: word boundaries', () => {
  it.each(['Metadaten', "Applebee's", 'Metaphern', 'Qwen2', 'xOpenAI', 'Ökoworldfonds', 'Nestléx'])(
    '%s is no mention',
    (raw) => {
      expect(spot(raw)).toEqual([]);
    },
  );

  it('checks boundaries with non-ASCII letters around the name', () => {
    expect(spot('ÜberMeta und Metaß')).toEqual([]);
    expect(spot('Ärger für Meta')).toEqual([['Meta', 'Meta']]);
    expect(spot('Ökoworld, Nestlé.')).toEqual([
      ['Ökoworld', 'Ökoworld'],
      ['Nestlé', 'Nestlé'],
    ]);
  });

  it.each([
    ['Alibabas Cloud-Sparte', 'Alibabas', 'Alibaba Group'],
    ['Apples Umsatz', 'Apples', 'Apple'],
    ['neue iPhones', 'iPhones', 'iPhone'],
    ['Tim Cooks Besuch', 'Tim Cooks', 'Tim Cook'],
    ['DeepSeeks Gründer', 'DeepSeeks', 'DeepSeek'],
    ['Ökoworlds Fonds', 'Ökoworlds', 'Ökoworld'],
    ['ALIBABAS AKTIE', 'ALIBABAS', 'Alibaba Group'],
  ])('includes the German s in %s', (raw, surface, entity) => {
    expect(spot(raw)).toEqual([[surface, entity]]);
  });

  it.each([
    ["Baidu's Ernie Bot", "Baidu's", 'Baidu'],
    ['Baidu’s Ernie Bot', "Baidu's", 'Baidu'],
    ["Sam Altman's company", "Sam Altman's", 'Sam Altman'],
    ["Databricks' deal", "Databricks'", 'Databricks'],
    ["META'S LLAMA", "META'S", 'Meta'],
  ])('includes the English possessive in %s', (raw, surface, entity) => {
    expect(spot(raw)[0]).toEqual([surface, entity]);
  });

  it('keeps a quote that is no possessive out of the mention', () => {
    expect(spot("'Apple' and 'Meta'")).toEqual([
      ['Apple', 'Apple'],
      ['Meta', 'Meta'],
    ]);
    expect(spot('AlibabaS')).toEqual([]); // S is a suffix only after an uppercase letter
  });

  it.each([
    ['Alibaba-Chef', 'Alibaba', 'Alibaba Group'],
    ['iPhone-Konzern', 'iPhone', 'iPhone'],
    ['Qwen-Familie', 'Qwen', 'Qwen'],
    ['Ex-OpenAI-Forscher', 'OpenAI', 'OpenAI'],
    ['Baidu-Gründer', 'Baidu', 'Baidu'],
  ])('treats the hyphen as a boundary in %s', (raw, surface, entity) => {
    expect(spot(raw)).toEqual([[surface, entity]]);
  });
});

describe('rule 5: scripts without spaces', () => {
  it('finds Han forms anywhere, with no boundary test', () => {
    expect(spot('阿里巴巴集团董事会主席蔡崇信')).toEqual([
      ['阿里巴巴', 'Alibaba Group'],
      ['蔡崇信', 'Joe Tsai'],
    ]);
  });

  it('finds Katakana forms inside running Japanese text', () => {
    expect(spot('ソフトバンクグループが発表')).toEqual([['ソフトバンク', 'SoftBank']]);
  });

  it('finds Latin names glued to Chinese text, still testing their own boundaries', () => {
    expect(spot('苹果公司的iPhone在中国的销量')).toEqual([
      ['苹果公司', 'Apple'],
      ['iPhone', 'iPhone'],
    ]);
    expect(spot('中国的iPhonex销量')).toEqual([]);
  });
});

describe('rule 6: longest match wins', () => {
  it.each([
    ['Apple Intelligence kommt', 'Apple Intelligence'],
    ['behind DeepSeek-R1, kept', 'DeepSeek-R1'],
    ['von Alibaba Cloud schneidet', 'Alibaba Cloud'],
    ['auch Qwen2.5-Max von', 'Qwen2.5-Max'],
  ])('%s: one mention, of the longer name', (raw, entity) => {
    expect(spot(raw)).toEqual([[entity, entity]]);
  });

  it('prefers a longer alias over the name (Meta Platforms)', () => {
    expect(spot('Meta Platforms Inc.')).toEqual([['Meta Platforms', 'Meta']]);
  });

  it('matches an alias with a space like the hyphenated name (DeepSeek R1)', () => {
    expect(spot('DeepSeek R1 glänzt')).toEqual([['DeepSeek R1', 'DeepSeek-R1']]);
  });

  it('prefers the leftmost match over a longer overlapping one', () => {
    expect(spot('Jack Ma Huateng')).toEqual([['Jack Ma', 'Jack Ma']]);
  });

  it('falls back to the shorter name where the longer one does not fit', () => {
    expect(spot('Apple Intelligent')).toEqual([['Apple', 'Apple']]);
    expect(spot('Qwen2.5-Maximum')).toEqual([]);
    expect(spot('DeepSeek-R2')).toEqual([['DeepSeek', 'DeepSeek']]);
  });
});

describe('rule 7: follow-ups', () => {
  it('matches a surname after the full name (Joe Tsai said … Tsai added)', () => {
    const { mentions } = mentionsIn('Joe Tsai said the deal was done. Tsai added that');
    expect(mentions.map((m) => [m.entityIds, m.kind])).toEqual([
      [['Joe Tsai'], 'full'],
      [['Joe Tsai'], 'followup'],
    ]);
    expect(mentions[1]!.start).toBe(33);
  });

  it('carries the full mention across blocks and CJK aliases', () => {
    expect(spot('Liang Wenfeng founded DeepSeek.', 'Liang rarely speaks.')).toEqual([
      ['Liang Wenfeng', 'Liang Wenfeng'],
      ['DeepSeek', 'DeepSeek'],
      ['Liang', 'Liang Wenfeng'],
    ]);
    expect(spot('蔡崇信表示', 'Tsai added')).toEqual([
      ['蔡崇信', 'Joe Tsai'],
      ['Tsai', 'Joe Tsai'],
    ]);
  });

  // Rule 7 picks the winner (listed first, the card's default); rule 11 keeps the other offered.
  it('gives a shared follow-up to the most recent full mention (Ma: Jack Ma, Pony Ma)', () => {
    expect(spot('Jack Ma and Pony Ma met.', 'Ma said')).toEqual([
      ['Jack Ma', 'Jack Ma'],
      ['Pony Ma', 'Pony Ma'],
      ['Ma', 'Pony Ma | Jack Ma'],
    ]);
    expect(spot('Pony Ma and Jack Ma met. Ma said')[2]).toEqual(['Ma', 'Jack Ma | Pony Ma']);
    expect(spot('Jack Ma met Pony Ma. Ma spoke. Jack Ma left. Ma stayed.').slice(2)).toEqual([
      ['Ma', 'Pony Ma | Jack Ma'],
      ['Jack Ma', 'Jack Ma'],
      ['Ma', 'Jack Ma | Pony Ma'],
    ]);
  });

  it('offers only entities fully mentioned before (Ma after Jack Ma alone is Jack Ma only)', () => {
    expect(spot('Jack Ma spoke.', 'Ma smiled.')[1]).toEqual(['Ma', 'Jack Ma']);
  });

  it('is no mention before any full mention', () => {
    expect(spot('Tsai said it first.', 'Later Joe Tsai agreed.')).toEqual([
      ['Joe Tsai', 'Joe Tsai'],
    ]);
    expect(spot('Tsai and Joe Tsai')).toEqual([['Joe Tsai', 'Joe Tsai']]);
  });

  it('is no mention on a page about someone else (Tsai Ing-wen … Tsai urged)', () => {
    expect(spot('Tsai Ing-wen spoke in Taipei. Tsai urged calm.')).toEqual([]);
  });

  it('obeys case and word boundaries (cook is never Tim Cook)', () => {
    expect(spot('A cook and a tsar walked in.')).toEqual([]);
    expect(spot('Tim Cook visited. The cook served Cookies; Cooks Besuch, COOK.')).toEqual([
      ['Tim Cook', 'Tim Cook'],
      ['Cooks', 'Tim Cook'],
      ['COOK', 'Tim Cook'],
    ]);
  });

  it('lets a longer full form beat a follow-up at the same start', () => {
    expect(spot('Jack Ma spoke. Ma Huateng too.')).toEqual([
      ['Jack Ma', 'Jack Ma'],
      ['Ma Huateng', 'Pony Ma'],
    ]);
  });
});

describe('rule 11: ambiguity', () => {
  const shared = (first: MatchForm[]) => createMatcher(first).findMentions(['Gemini wins']);
  const model = form('Gemini', 'Gemini (model)');
  const exchange = form('Gemini', 'Gemini (exchange)', { rank: 1 });

  it('makes one mention offering every entity, most specific (lowest rank) first', () => {
    for (const forms of [
      [model, exchange],
      [exchange, model],
    ]) {
      const mentions = shared(forms);
      expect(mentions).toHaveLength(1);
      expect(mentions[0]).toMatchObject({
        start: 0,
        end: 6,
        entityIds: ['Gemini (model)', 'Gemini (exchange)'],
      });
    }
  });

  it('keeps input order between entities of equal rank', () => {
    const mentions = shared([exchange, { ...model, rank: 1 }]);
    expect(mentions[0]?.entityIds).toEqual(['Gemini (exchange)', 'Gemini (model)']);
  });

  it("puts the person just written about first when a follow-up is another entity's full form", () => {
    const forms = [
      form('Robin Li', 'Robin Li'),
      form('Li', 'Robin Li', { kind: 'followup' }),
      form('Li', 'Li Auto'),
    ];
    const [, second] = createMatcher(forms).findMentions(['Robin Li said Li expects']);
    expect(second).toMatchObject({
      start: 14,
      end: 16,
      entityIds: ['Robin Li', 'Li Auto'],
      kind: 'full',
    });
  });
});

describe('the acceptance pages', () => {
  it('de-ki.html', () => {
    // prettier-ignore
    expect(
      spot(
        'Tencent und Baidu im KI-Wettlauf',
        'Der Internetkonzern Tencent hat ein neues Modell vorgestellt. Auch Baidu-Gründer Robin Li kündigte Neuerungen an, während ByteDance sein Modell Doubao ausbaut.',
        'Bei Alibaba verantwortet Vorstandschef Eddie Wu das Tagesgeschäft; Wu gilt als Architekt der Cloud-Strategie. Alibabas Gründer Jack Ma hält sich öffentlich zurück.',
        'Die Sprachmodelle von DeepSeek haben die Branche aufgeschreckt: DeepSeek-V3 war günstig zu trainieren, DeepSeek R1 glänzt beim logischen Schließen. DeepSeeks Gründer Liang Wenfeng gibt kaum Interviews.',
        'Apple wiederum will Apple Intelligence auf weitere Märkte bringen; die iPhone-Verkäufe in China sind rückläufig. Tim Cooks Besuch in Peking wurde verschoben.',
        'Im Vergleich der Chatbot Arena liegen Modelle von OpenAI und Google vorn, etwa Gemini. Aber auch Qwen2.5-Max von Alibaba Cloud schneidet gut ab; die Qwen-Familie heißt auf Chinesisch Tongyi Qianwen.',
        'Die Aktie von Meta, dem Entwickler von Llama, reagierte kaum. Eine Ten\u00adcent-Sprecherin wollte sich nicht äußern.',
        'Metaphern helfen beim Erklären. Ein Bäcker verkaufte Apfelkuchen und apple turnovers.',
      ),
    ).toEqual([
      ['Tencent', 'Tencent'], ['Baidu', 'Baidu'],
      ['Tencent', 'Tencent'], ['Baidu', 'Baidu'], ['Robin Li', 'Robin Li'], ['ByteDance', 'ByteDance'], ['Doubao', 'Doubao'],
      ['Alibaba', 'Alibaba Group'], ['Eddie Wu', 'Eddie Wu'], ['Wu', 'Eddie Wu'], ['Alibabas', 'Alibaba Group'], ['Jack Ma', 'Jack Ma'],
      ['DeepSeek', 'DeepSeek'], ['DeepSeek-V3', 'DeepSeek-V3'], ['DeepSeek R1', 'DeepSeek-R1'], ['DeepSeeks', 'DeepSeek'], ['Liang Wenfeng', 'Liang Wenfeng'],
      ['Apple', 'Apple'], ['Apple Intelligence', 'Apple Intelligence'], ['iPhone', 'iPhone'], ['Tim Cooks', 'Tim Cook'],
      ['Chatbot Arena', 'Chatbot Arena'], ['OpenAI', 'OpenAI'], ['Google', 'Google'], ['Gemini', 'Gemini'], ['Qwen2.5-Max', 'Qwen2.5-Max'], ['Alibaba Cloud', 'Alibaba Cloud'], ['Qwen', 'Qwen'], ['Tongyi Qianwen', 'Qwen'],
      ['Meta', 'Meta'], ['Llama', 'Llama'], ['Tencent', 'Tencent'],
    ]);
  });

  it('en-chips.html', () => {
    // prettier-ignore
    expect(
      spot(
        'TENCENT AND BAIDU RACE TO SHIP MODELS',
        "Baidu's Ernie Bot and ERNIE models face new competition. Robin Li told investors that Li expects prices to fall.",
        "OpenAI released an update to ChatGPT, and Sam Altman's company also courted partners in Asia. Google's Gemini is catching up.",
        'Meanwhile Deepseek, the Hangzhou start-up behind DeepSeek-R1, kept quiet. Liang Wenfeng rarely speaks to the press.',
        'Apple Intelligence will arrive in China through a partnership with Alibaba Group, whose chairman Joe Tsai confirmed the talks. Tsai spoke in Dubai.',
        "Meta's Llama and the Chatbot Arena leaderboard are the usual references.",
        'Off topic: the apple orchard and the metadata team were both mentioned in the newsletter. A cook and a tsar walked in.',
      ),
    ).toEqual([
      ['TENCENT', 'Tencent'], ['BAIDU', 'Baidu'],
      ["Baidu's", 'Baidu'], ['Ernie Bot', 'ERNIE'], ['ERNIE', 'ERNIE'], ['Robin Li', 'Robin Li'], ['Li', 'Robin Li'],
      ['OpenAI', 'OpenAI'], ['ChatGPT', 'ChatGPT'], ["Sam Altman's", 'Sam Altman'], ["Google's", 'Google'], ['Gemini', 'Gemini'],
      ['Deepseek', 'DeepSeek'], ['DeepSeek-R1', 'DeepSeek-R1'], ['Liang Wenfeng', 'Liang Wenfeng'],
      ['Apple Intelligence', 'Apple Intelligence'], ['Alibaba Group', 'Alibaba Group'], ['Joe Tsai', 'Joe Tsai'], ['Tsai', 'Joe Tsai'],
      ["Meta's", 'Meta'], ['Llama', 'Llama'], ['Chatbot Arena', 'Chatbot Arena'],
    ]);
  });

  it('zh-brief.html', () => {
    // prettier-ignore
    expect(
      spot(
        '简讯',
        '腾讯发布了混元大模型的新版本，字节跳动推出了豆包。',
        '百度创始人李彦宏表示，文心一言的用户数持续增长。',
        '阿里巴巴创始人马云近日现身杭州，阿里云也公布了新的数据中心计划。深度求索创始人梁文锋很少接受采访。',
      ),
    ).toEqual([
      ['腾讯', 'Tencent'], ['混元', 'Hunyuan'], ['字节跳动', 'ByteDance'], ['豆包', 'Doubao'],
      ['百度', 'Baidu'], ['李彦宏', 'Robin Li'], ['文心一言', 'ERNIE'],
      ['阿里巴巴', 'Alibaba Group'], ['马云', 'Jack Ma'], ['阿里云', 'Alibaba Cloud'], ['深度求索', 'DeepSeek'], ['梁文锋', 'Liang Wenfeng'],
    ]);
  });
});

describe('createMatcher', () => {
  it('finds nothing with no forms, and skips forms with nothing to index', () => {
    expect(createMatcher([]).findMentions(['Apple'])).toEqual([]);
    const punct = createMatcher([form('+++', 'x')]);
    expect(punct.findMentions(['a +++ b'])).toEqual([]);
  });

  it('matches forms that start with punctuation', () => {
    const dotnet = createMatcher([form('.NET', '.NET')]);
    expect(dotnet.findMentions(['Built on .NET and ASP.NET'])).toEqual([
      { block: 0, start: 9, end: 13, entityIds: ['.NET'], kind: 'full' },
      { block: 0, start: 21, end: 25, entityIds: ['.NET'], kind: 'full' },
    ]);
  });

  it('keeps follow-up memory per call', () => {
    const first = matcher.findMentions(['Joe Tsai spoke.']);
    expect(first).toHaveLength(1);
    expect(matcher.findMentions(['Tsai added.'])).toEqual([]);
  });
});
