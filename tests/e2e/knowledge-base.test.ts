import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePack } from '../bench/generate-pack';
import {
  launchWithExtension,
  openPopup,
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

describe('the knowledge base in Chromium', () => {
  it('keeps importing after the popup that started the import is closed', async () => {
    const page = await openPopup(session);
    const jobId = await startImport(page, 'medium.json', JSON.stringify(generatePack(5_000)));
    await page.close();
    const reopened = await openPopup(session);
    const job = await waitForJob(reopened, jobId);
    // On failure, the job's own message says why (interrupted, or the error it met).
    expect(job, job.message).toMatchObject({ status: 'done', done: 5_000, total: 5_000 });
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

  // Chrome may finish the running import before it stops the worker, or cut it off: either way
  // the job's status must tell the truth and the knowledge base must never hold half a pack.
  it('a worker stopped during an import leaves either the whole pack or nothing, and says which', async () => {
    const page = await openPopup(session);
    const before = await call<{ entities: number; packs: number }>(page, 'getStatus', {});
    const entities = 25_000;
    const jobId = await startImport(
      page,
      'big.json',
      JSON.stringify({ ...generatePack(entities), id: 'cut-off' }),
    );
    const running = (
      await call<Array<{ id: string; status: string }>>(page, 'listImports', {})
    ).find((j) => j.id === jobId);
    expect(running?.status).toBe('running');
    await stopServiceWorkers(page);
    const job = await waitForJob(page, jobId);
    const after = await call<{ entities: number; packs: number }>(page, 'getStatus', {});
    const packs = (await call<Array<{ id: string }>>(page, 'listPacks', {})).map((pack) => pack.id);
    if (job.status === 'failed') {
      expect(job.message).toMatch(/interrupted.*Nothing was changed/);
      expect(after).toEqual(before);
      expect(packs).not.toContain('cut-off');
    } else {
      expect(job).toMatchObject({ status: 'done', done: entities, total: entities });
      expect(after).toEqual({
        ...before,
        entities: before.entities + entities,
        packs: before.packs + 1,
      });
      expect(packs).toContain('cut-off');
    }
    await page.close();
  }, 120_000);
});
