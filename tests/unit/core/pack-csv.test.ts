import { describe, expect, it } from 'vitest';
import { PackError, parseCsvPack } from '../../../src/core/pack';
import { slugify } from '../../../src/core/slug';

const meta = { id: 'my-sheet', title: 'My sheet' };
const csv = (...lines: string[]) => parseCsvPack(lines.join('\n'), meta);

function refusal(text: string): string {
  try {
    parseCsvPack(text, meta);
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  throw new Error('the CSV file was accepted');
}

describe('parseCsvPack', () => {
  it('turns each row into an entity of a valid pack', () => {
    const pack = csv(
      'name,aliases,type,summary,link',
      'Alibaba Group,Alibaba;阿里巴巴,organization,Chinese e-commerce group.,https://www.alibabagroup.com',
      'Joe Tsai,,person,,',
    );
    expect(pack).toMatchObject({ format: 'backstory-pack', version: 1, ...meta });
    expect(pack.entities[0]).toMatchObject({
      id: 'alibaba-group',
      name: 'Alibaba Group',
      type: 'organization',
      aliases: ['Alibaba', '阿里巴巴'],
      summary: { en: 'Chinese e-commerce group.' },
      links: [{ label: 'Link', url: 'https://www.alibabagroup.com' }],
    });
    expect(pack.entities[1]).toMatchObject({ id: 'joe-tsai', type: 'person', aliases: [] });
    expect(pack.entities[1]!.summary).toEqual({});
    expect(pack.entities[1]!.links).toEqual([]);
  });

  it('reads header names in any case and order; only name is required', () => {
    const pack = csv('LINK,Type,NAME', 'https://openai.com,Organization,OpenAI', ',,Qwen');
    expect(pack.entities.map((e) => [e.id, e.type, e.links.length])).toEqual([
      ['openai', 'organization', 1],
      ['qwen', 'other', 0],
    ]);
  });

  it('ignores unknown columns, blank lines and surrounding spaces', () => {
    const pack = csv('name, notes ,aliases', ' Baidu , private,  百度 ; Baidu Inc. ', '', '');
    expect(pack.entities).toHaveLength(1);
    expect(pack.entities[0]).toMatchObject({ name: 'Baidu', aliases: ['百度', 'Baidu Inc.'] });
    expect(pack.entities[0]).not.toHaveProperty('notes');
  });

  it('reads RFC 4180 quoted fields: commas, doubled quotes and line breaks', () => {
    const pack = csv(
      'name,summary,aliases',
      '"Apple, Inc.","The ""Think different"" company,',
      'based in Cupertino.","Apple;""AAPL"""',
      'iPhone,"",',
    );
    expect(pack.entities[0]).toMatchObject({
      name: 'Apple, Inc.',
      summary: { en: 'The "Think different" company,\nbased in Cupertino.' },
      aliases: ['Apple', '"AAPL"'],
    });
    expect(pack.entities[1]).toMatchObject({ id: 'iphone', summary: {} });
  });

  it('accepts CRLF line ends and a UTF-8 byte order mark', () => {
    const pack = parseCsvPack('\uFEFFname,type\r\n"Tim\r\nCook",person\r\nTencent,\r\n', meta);
    expect(pack.entities.map((e) => [e.id, e.name, e.type])).toEqual([
      ['tim-cook', 'Tim\r\nCook', 'person'],
      ['tencent', 'Tencent', 'other'],
    ]);
  });

  it('derives unique ids from names', () => {
    const pack = csv(
      'name',
      'Zoë Café',
      'Zoe Cafe',
      'zoe-cafe-2',
      'Straße',
      '阿里巴巴',
      'DeepSeek R1',
    );
    expect(pack.entities.map((e) => e.id)).toEqual([
      'zoe-cafe',
      'zoe-cafe-2',
      'zoe-cafe-2-2',
      'strasse',
      'entity-6',
      'deepseek-r1',
    ]);
  });

  it('slugifies: NFKD without marks, dashes for the rest, trimmed, at most 128', () => {
    expect(slugify('  Ångström — Ｆｕｌｌwidth! ')).toBe('angstrom-fullwidth');
    expect(slugify('Qwen2.5-Max')).toBe('qwen2-5-max');
    expect(slugify('蔡崇信')).toBe('');
    const long = slugify(`${'a'.repeat(127)} b`);
    expect(long).toBe('a'.repeat(127));
    const pack = csv('name', `${'x'.repeat(200)}`, `${'x'.repeat(200)}`);
    expect(pack.entities.map((e) => e.id.length)).toEqual([128, 128]);
    expect(pack.entities[1]!.id.endsWith('-2')).toBe(true);
  });

  it('refuses an invalid link, naming the row and the name', () => {
    const message = refusal(
      ['name,link', 'OpenAI,https://openai.com', 'Evil,javascript:alert(1)'].join('\n'),
    );
    expect(message).toBe(
      'This CSV file was refused: row 3 (name "Evil"): column "link" must be an http or https address.',
    );
  });

  it('counts spreadsheet rows: blank lines count, line breaks in quotes do not', () => {
    const text = ['name,type', '"Two\nlines",person', '', 'Bad,company'].join('\r\n');
    expect(refusal(text)).toMatch(
      /^This CSV file was refused: row 4 \(name "Bad"\): column "type" must be one of organization/,
    );
  });

  it('names the row of an empty name, a long summary or too many aliases', () => {
    expect(refusal('name,type\nOk,person\n"  ",person')).toMatch(
      /row 3: column "name" the name must not be empty/,
    );
    expect(refusal(`name,summary\nLong,${'s'.repeat(601)}`)).toMatch(
      /row 2 \(name "Long"\): column "summary" the summary is 601 characters long; at most 600/,
    );
    const aliases = Array.from({ length: 64 }, (_, i) => `a${i}`).join(';');
    expect(refusal(`name,aliases\nMany,${aliases}`)).toMatch(
      /row 2 \(name "Many"\): an entity may have at most 64 forms/,
    );
  });

  it('refuses a file without a name column with a clear message', () => {
    expect(refusal('title,type\nOpenAI,organization')).toBe(
      'This CSV file was refused: the first row must name the columns and include "name" (for example: name,aliases,type,summary,link).',
    );
  });

  it.each(['', '\uFEFF', '\n\n', '\r\n'])('refuses an empty file %j', (text) => {
    expect(refusal(text)).toBe(
      'This CSV file was refused: the file is empty; the first row must name the columns.',
    );
  });

  it('refuses a header without rows, a repeated column and an unclosed quote', () => {
    expect(refusal('name,type\n')).toMatch(/a header row but no rows of entities/);
    expect(refusal('name,Name\nA,B')).toMatch(/the column "name" appears twice/);
    expect(refusal('name\nA\n"B,\nC')).toBe(
      'This CSV file was refused: row 3: a quoted field has no closing quote (").',
    );
  });

  it('keeps markup as plain text, like any pack', () => {
    const pack = csv('name,summary', '<b>Bold</b>,"<script>alert(1)</script>"');
    expect(pack.entities[0]).toMatchObject({
      id: 'b-bold-b',
      name: '<b>Bold</b>',
      summary: { en: '<script>alert(1)</script>' },
    });
  });
});
