// First import: opens the quick read connection before the rest of the bundle is evaluated.
import { earlyConnection } from './db/early-connection';
import browser from 'webextension-polyfill';
import { loadSettings } from '../shared/settings-store';
import { BackstoryDb } from './db/database';
import { DB_NAME } from './db/schema-version';
import { createHandlers } from './handlers';
import { collectOrphans } from './kb/import-pack';
import { failInterruptedJobs } from './kb/import-jobs';
import { prefetchMatchDirectories } from './kb/match-index';
import { ensureSeed, SEED_PATH } from './kb/seed';
import { broadcastKbChanged } from './broadcast';
import { createRouter } from './messaging/router';
import { listenToUiEntryPoints, openEditorTab } from './ui-entry-points';

// Entry file: wiring only. Everything here must survive the worker being stopped at any moment:
// state lives in IndexedDB and storage.local, never only in this module's memory.
const db = new BackstoryDb(DB_NAME, earlyConnection);

async function loadSeedText(): Promise<string> {
  const response = await fetch(browser.runtime.getURL(SEED_PATH));
  return response.text();
}

// Almost every wake-up is a page asking for candidates: read the match directories at once.
void prefetchMatchDirectories(db);

async function prepare(): Promise<void> {
  // Ask the browser not to evict the knowledge base under storage pressure; nothing waits on it.
  void navigator.storage?.persist?.().catch(() => false);
  const [interrupted, settings] = await Promise.all([failInterruptedJobs(db), loadSettings()]);
  // Orphan rows come only from an import cut off mid-way; scanning for them costs ~100 ms.
  if (interrupted > 0) await collectOrphans(db);
  const seed = await ensureSeed(
    db,
    loadSeedText,
    browser.runtime.getManifest().version,
    settings.seedDeclined,
  );
  // Pages that asked for candidates before the seed was in ask again.
  if (seed === 'installed' || seed === 'upgraded') broadcastKbChanged();
}

/**
 * Start-up begins with the first message that waits for it, or after a short quiet moment. A page's
 * candidate lookup, the usual wake-up, needs none of it (handlers.ts), so it does not share the
 * worker's first milliseconds with opening Dexie and checking the seed.
 */
const START_UP_DELAY_MS = 150;
let startingUp: Promise<void> | undefined;
const ready = () =>
  (startingUp ??= prepare().catch((error: unknown) =>
    console.error('Backstory start-up failed', error),
  ));
setTimeout(ready, START_UP_DELAY_MS);

browser.runtime.onMessage.addListener(
  createRouter(
    createHandlers({
      db,
      ready,
      settings: loadSettings,
      onKbChanged: broadcastKbChanged,
      openEditor: (id) => openEditorTab({ edit: id }),
    }),
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') },
  ),
);

listenToUiEntryPoints();
