import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePack } from '../bench/generate-pack';
import {
  launchWithExtension,
  stopServiceWorkers,
  type ExtensionSession,
} from '../support/chromium';
import { call, startImport, waitForJob } from './support/extension-calls';

// The knowledge base as the reader's browser runs it: the extension's own worker and IndexedDB.
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

async function popupPage() {
  const page = await session.context.newPage();
  await page.goto(session.popupUrl);
  return page;
}

describe('the knowledge base in Chromium', () => {
  it('keeps importing after the popup that started the import is closed', async () => {
    const page = await popupPage();
    const jobId = await startImport(page, 'medium.json', JSON.stringify(generatePack(5_000)));
    await page.close();
    const reopened = await popupPage();
    const job = await waitForJob(reopened, jobId);
    expect(job).toMatchObject({ status: 'done', done: 5_000, total: 5_000 });
    const found = await call<{ items: Array<{ name: string }> }>(reopened, 'searchEntities', {
      query: generatePack(5_000).entities[4_999]!.name,
      offset: 0,
      limit: 5,
    });
    expect(found.items.map((item) => item.name)).toEqual([
      generatePack(5_000).entities[4_999]!.name,
    ]);
    await reopened.close();
  });

  it('an import cut off by a stopped worker changes nothing and says so', async () => {
    const page = await popupPage();
    const before = await call<{ entities: number; packs: number }>(page, 'getStatus', {});
    const jobId = await startImport(
      page,
      'big.json',
      JSON.stringify({ ...generatePack(25_000), id: 'cut-off' }),
    );
    const running = (
      await call<Array<{ id: string; status: string }>>(page, 'listImports', {})
    ).find((j) => j.id === jobId);
    expect(running?.status).toBe('running');
    await stopServiceWorkers(page);
    const job = await waitForJob(page, jobId);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/interrupted.*Nothing was changed/);
    expect(await call(page, 'getStatus', {})).toEqual(before);
    const packs = await call<Array<{ id: string }>>(page, 'listPacks', {});
    expect(packs.map((pack) => pack.id)).not.toContain('cut-off');
    await page.close();
  }, 120_000);
});
