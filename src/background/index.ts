import browser from 'webextension-polyfill';
import { BackstoryDb } from './db/database';
import { collectOrphans } from './kb/import-pack';
import { ensureSeed, SEED_PATH } from './kb/seed';
import { createRouter } from './messaging/router';
import { createHandlers } from './handlers';

// Entry file: wiring only. Everything here must survive the worker being stopped at any moment:
// state lives in IndexedDB and storage.local, never only in this module's memory.
const db = new BackstoryDb();

async function loadSeedText(): Promise<string> {
  const response = await fetch(browser.runtime.getURL(SEED_PATH));
  return response.text();
}

async function prepare(): Promise<void> {
  await navigator.storage?.persist?.().catch(() => false);
  await collectOrphans(db);
  await ensureSeed(db, loadSeedText, browser.runtime.getManifest().version, false);
}

// Every handler waits for `ready`, so a message that wakes the worker is answered after start-up.
const ready = prepare().catch((error: unknown) =>
  console.error('Backstory start-up failed', error),
);

browser.runtime.onMessage.addListener(
  createRouter(createHandlers(db, ready), {
    id: browser.runtime.id,
    baseUrl: browser.runtime.getURL(''),
  }),
);
