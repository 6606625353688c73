import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openPopup,
  stopServiceWorkers,
  type ExtensionSession,
} from '../support/chromium';
import { serveFolder, type FixtureServer } from '../support/fixture-server';
import { call } from './support/extension-calls';
import { highlightedTexts } from './support/page-probes';

let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFolder('tests/e2e/pages');
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the built extension in Chromium', () => {
  it('starts its service worker', () => {
    expect(session.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
  });

  it('annotates a page: the content script asked the background and drew the name it found', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('roundtrip.html'));
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toEqual(['Alibaba']);
    await page.close();
  });

  it('renders the popup with what the background knows', async () => {
    const popup = await openPopup(session);
    await expect
      .poll(() => popup.getByTestId('kb-status').textContent(), { timeout: 10_000 })
      .toMatch(/[1-9]\d* entities in 1 pack/);
    await popup.close();
  });

  // A restarted worker answers a page's lookup from its first script alone and loads the knowledge
  // base's script (from the worker's script cache) for everything else: both must work after a stop.
  it('annotates a page and answers the popup after its service worker was stopped', async () => {
    const popup = await openPopup(session);
    await stopServiceWorkers(popup);
    const page = await session.context.newPage();
    await page.goto(server.url('roundtrip.html'));
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toEqual(['Alibaba']);
    await page.close();
    expect(await call(popup, 'getStatus', {})).toMatchObject({ packs: 1 });
    await stopServiceWorkers(popup);
    expect(await call(popup, 'getStatus', {})).toMatchObject({ packs: 1 });
    await popup.close();
  });

  // The cold-start mirror of the match buckets (kb/cold-mirror.ts) is a copy: with it, without it,
  // and after start-up has written it again, a restarted worker annotates the same names.
  it('annotates a page after a stop with or without the cold-start mirror, and rebuilds it', async () => {
    const popup = await openPopup(session);
    const mirrorKeys = () =>
      popup.evaluate(async () => {
        const all = await (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get(null);
        return Object.keys(all).filter((key) => key.startsWith('cold:'));
      });
    const annotatedAfterStop = async () => {
      await stopServiceWorkers(popup);
      const page = await session.context.newPage();
      await page.goto(server.url('roundtrip.html'));
      await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toEqual(['Alibaba']);
      await page.close();
    };
    await expect.poll(mirrorKeys, { timeout: 10_000 }).not.toEqual([]);
    await annotatedAfterStop();

    // With IndexedDB's bucket rows set aside, only the mirror can answer a restarted worker.
    const moveBuckets = (direction: 'aside' | 'back') =>
      popup.evaluate(async (direction) => {
        const store = globalThis as unknown as { asideRows?: unknown[] };
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('backstory');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction('matchBuckets', 'readwrite');
        const buckets = tx.objectStore('matchBuckets');
        if (direction === 'aside') {
          buckets.getAll().onsuccess = (event) => {
            store.asideRows = (event.target as IDBRequest<unknown[]>).result;
            buckets.clear();
          };
        } else {
          for (const row of store.asideRows ?? []) buckets.put(row);
        }
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      }, direction);
    await moveBuckets('aside');
    await annotatedAfterStop();
    await moveBuckets('back');

    const removed = await mirrorKeys();
    await popup.evaluate(
      (keys) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { remove(k: string[]): Promise<void> } } };
          }
        ).chrome.storage.local.remove(keys),
      removed,
    );
    await annotatedAfterStop();
    // Start-up (here woken by the popup's status request) writes the lost mirror again.
    expect(await call(popup, 'getStatus', {})).toMatchObject({ packs: 1 });
    await expect
      .poll(async () => (await mirrorKeys()).sort(), { timeout: 10_000 })
      .toEqual(removed.sort());
    await popup.close();
  });

  it('exposes nothing to web pages: no web-accessible resource can be fetched', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('roundtrip.html'));
    const probe = `chrome-extension://${session.extensionId}/manifest.json`;
    const reachable = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return true;
      } catch {
        return false;
      }
    }, probe);
    expect(reachable).toBe(false);
    await page.close();
  });
});
