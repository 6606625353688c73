import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityCard } from '../../../src/background/kb/entity-card';
import { saveEntity } from '../../../src/background/kb/save-entity';
import { ensureSeed } from '../../../src/background/kb/seed';
import { resolveEntity } from '../../../src/background/kb/resolve-entity';
import { candidatesFor, freshDb } from '../support/kb';

const seedText = readFileSync('public/packs/tech-news-core.json', 'utf8');
const load = async () => seedText;

describe('the seed pack', () => {
  it('is installed on first run and is valid', async () => {
    const db = freshDb();
    expect(await ensureSeed(db, load, '0.1.0', false)).toBe('installed');
    const names = (await candidatesFor(db, ['alibaba', 'joe', '阿里'])).map((c) => c.name).sort();
    expect(names).toEqual(['Alibaba Cloud', 'Alibaba Group', 'Joe Tsai']);
    expect(await ensureSeed(db, load, '0.1.0', false)).toBe('current');
  });

  it('is upgraded on extension update without touching what the reader wrote', async () => {
    const db = freshDb();
    await ensureSeed(db, load, '0.1.0', false);
    const tsai = (await resolveEntity(db, 'p/tech-news-core/joe-tsai'))!.entity;
    await saveEntity(db, 'p/tech-news-core/joe-tsai', { ...tsai, note: 'Owns the Brooklyn Nets.' });
    const own = await saveEntity(db, undefined, {
      ...tsai,
      name: 'Daniel Zhang',
      aliases: [],
      followups: [],
    });
    expect(await ensureSeed(db, load, '0.2.0', false)).toBe('upgraded');
    expect((await entityCard(db, 'p/tech-news-core/joe-tsai', 'en'))?.note).toBe(
      'Owns the Brooklyn Nets.',
    );
    expect((await entityCard(db, own, 'en'))?.name).toBe('Daniel Zhang');
  });

  it('does not come back after the reader removed it', async () => {
    const db = freshDb();
    expect(await ensureSeed(db, load, '0.1.0', true)).toBe('declined');
    expect(await db.packs.count()).toBe(0);
  });

  it('every seed entity has English and German summaries and dated, sourced facts', () => {
    const pack = JSON.parse(seedText) as {
      entities: Array<{
        summary: Record<string, string>;
        facts: Array<{ asOf?: string; source?: string }>;
      }>;
    };
    for (const entity of pack.entities) {
      expect(entity.summary.en?.length).toBeGreaterThan(20);
      expect(entity.summary.de?.length).toBeGreaterThan(20);
      for (const fact of entity.facts) {
        expect(fact.asOf).toMatch(/^\d{4}/);
        expect(fact.source).toMatch(/^https:\/\//);
      }
    }
  });
});
