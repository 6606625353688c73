import { describe, expect, it, vi } from 'vitest';
import {
  clearHistory,
  HISTORY_PER_ENTITY,
  historyOf,
  recordSighting,
} from '../../../src/background/kb/history';
import { freshDb } from '../support/kb';

describe('reading history', () => {
  it('counts sightings per entity and remembers the latest page', async () => {
    const db = freshDb();
    vi.useFakeTimers({ now: new Date('2025-02-14T10:00:00Z'), toFake: ['Date'] });
    await recordSighting(db, 'p/news/apple', 'https://a.example/1', 'First article');
    vi.setSystemTime(new Date('2025-02-15T10:00:00Z'));
    await recordSighting(db, 'p/news/apple', 'https://a.example/2', 'Second article');
    vi.useRealTimers();
    expect(await historyOf(db, 'p/news/apple')).toEqual({
      count: 2,
      last: {
        title: 'Second article',
        url: 'https://a.example/2',
        at: Date.parse('2025-02-15T10:00:00Z'),
      },
    });
    expect(await historyOf(db, 'p/news/other')).toEqual({ count: 0 });
  });

  it('keeps only the newest sightings per entity', async () => {
    const db = freshDb();
    for (let i = 0; i < HISTORY_PER_ENTITY + 5; i++)
      await recordSighting(db, 'p/news/apple', `https://a.example/${i}`, `Article ${i}`);
    const history = await historyOf(db, 'p/news/apple');
    expect(history.count).toBe(HISTORY_PER_ENTITY);
    expect(history.last?.title).toBe(`Article ${HISTORY_PER_ENTITY + 4}`);
    expect(await db.history.filter((row) => row.title === 'Article 0').count()).toBe(0);
  });

  it('can be cleared', async () => {
    const db = freshDb();
    await recordSighting(db, 'p/news/apple', 'https://a.example/1', 'One');
    expect(await clearHistory(db)).toBe(1);
    expect(await historyOf(db, 'p/news/apple')).toEqual({ count: 0 });
  });
});
