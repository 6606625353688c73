import { describe, expect, it, vi } from 'vitest';
import {
  beginImport,
  commitImport,
  failInterruptedJobs,
  listImports,
  receiveChunk,
} from '../../../src/background/kb/import-jobs';
import { importPack } from '../../../src/background/kb/import-pack';
import { candidatesFor, freshDb, pack, sampleEntities, snapshot } from '../support/kb';

async function finished(db: ReturnType<typeof freshDb>, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await listImports(db)).find((j) => j.id === jobId);
    if (job && (job.status === 'done' || job.status === 'failed')) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('import did not finish');
}

async function upload(
  db: ReturnType<typeof freshDb>,
  fileName: string,
  format: 'json' | 'csv',
  text: string,
) {
  const jobId = await beginImport(db, fileName, format);
  for (let i = 0; i < text.length; i += 7) receiveChunk(jobId, text.slice(i, i + 7));
  await commitImport(db, jobId);
  return finished(db, jobId);
}

describe('import jobs in the background', () => {
  it('imports a JSON pack sent in chunks and reports progress to completion', async () => {
    const db = freshDb();
    const job = await upload(
      db,
      'news.json',
      'json',
      JSON.stringify(pack('news', sampleEntities())),
    );
    expect(job).toMatchObject({ status: 'done', done: 6, total: 6, packId: 'news' });
    expect((await candidatesFor(db, ['deepseek'])).map((c) => c.name)).toEqual(['DeepSeek']);
  });

  it('imports a CSV file as a pack named after the file', async () => {
    const db = freshDb();
    const csv =
      'name,aliases,type,summary,link\nMoonshot AI,Kimi;月之暗面,organization,Beijing AI start-up.,https://www.moonshot.cn\n';
    const job = await upload(db, 'My Startups.csv', 'csv', csv);
    expect(job.status).toBe('done');
    expect((await db.packs.get('my-startups'))?.title).toBe('My Startups');
    expect((await candidatesFor(db, ['kimi'])).map((c) => c.name)).toEqual(['Moonshot AI']);
  });

  it('a broken pack fails with a message naming entity and field, and changes nothing', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'seed');
    const before = await snapshot(db);
    const broken = pack('news', [
      ...sampleEntities(),
      { ...sampleEntities()[0]!, id: 'evil', links: [{ label: 'x', url: 'javascript:alert(1)' }] },
    ]);
    const job = await upload(db, 'broken.json', 'json', JSON.stringify(broken));
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/entity 7 \(id "evil"\).*links\.0\.url.*http or https/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a full disk fails with a clear message and changes nothing', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'seed');
    const before = await snapshot(db);
    const quota = Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });
    vi.spyOn(db.entityChunks, 'bulkAdd').mockRejectedValueOnce(quota);
    const job = await upload(
      db,
      'news.json',
      'json',
      JSON.stringify(pack('news', sampleEntities().slice(0, 2))),
    );
    expect(job).toMatchObject({
      status: 'failed',
      message: 'There is not enough disk space to import this pack. Nothing was changed.',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a job cut off by a stopped worker is reported as interrupted on the next start', async () => {
    const db = freshDb();
    const jobId = await beginImport(db, 'big.json', 'json');
    await failInterruptedJobs(db);
    const job = (await listImports(db)).find((j) => j.id === jobId);
    expect(job?.status).toBe('failed');
    expect(job?.message).toMatch(/interrupted.*Nothing was changed/);
  });

  it('refuses chunks for an unknown job with a clear error', () => {
    expect(() => receiveChunk('job-gone', 'x')).toThrow(/no longer running/);
  });
});

describe('pack files as editors save them', () => {
  it('accepts a JSON pack that starts with a UTF-8 byte-order mark', async () => {
    const db = freshDb();
    const job = await upload(
      db,
      'bom.json',
      'json',
      '\uFEFF' + JSON.stringify(pack('bom', sampleEntities())),
    );
    expect(job.status).toBe('done');
  });
});

describe('abandoned uploads', () => {
  it('an upload that stops arriving is reported as failed, with nothing changed', async () => {
    const db = freshDb();
    vi.useFakeTimers({ toFake: ['Date'] });
    const jobId = await beginImport(db, 'half.json', 'json');
    receiveChunk(jobId, '{"format":');
    vi.setSystemTime(Date.now() + 31_000);
    const job = (await listImports(db)).find((j) => j.id === jobId);
    vi.useRealTimers();
    expect(job).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/stopped arriving.*Nothing was changed/),
    });
    expect(() => receiveChunk(jobId, 'more')).toThrow(/no longer running/);
  });
});

describe('the status line', () => {
  it('does not count deleted entities', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'seed');
    const { kbStatus } = await import('../../../src/background/kb/status');
    const { setDeleted } = await import('../../../src/background/kb/save-entity');
    expect((await kbStatus(db)).entities).toBe(6);
    await setDeleted(db, 'p/news/apple', true);
    expect((await kbStatus(db)).entities).toBe(5);
  });
});
