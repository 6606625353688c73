import browser from 'webextension-polyfill';
import { paramSchemas } from '../core/protocol/schemas';
import { loadSettings } from '../shared/settings-store';
import { broadcastKbChanged } from './broadcast';
import { BackstoryDb } from './db/database';
import type { RowReader } from './db/row-reader';
import { DB_NAME } from './db/schema-version';
import { createHandlers } from './handlers';
import { collectOrphans } from './kb/import-pack';
import { failInterruptedJobs } from './kb/import-jobs';
import { dropDeadMirrorsAtStartUp, mirrorLiveGenerations } from './kb/mirror-upkeep';
import { keepWorkerAlive } from './keep-alive';
import { ensureSeed, SEED_PATH } from './kb/seed';
import { createRouter, type SenderInfo } from './messaging/router';
import { openEditorTab } from './ui-entry-points';

/**
 * The knowledge base's script: Dexie, import, export, search, cards and start-up. The worker's
 * first script (index.ts) answers a page's candidate lookup without it and loads it on the first
 * other need (architecture.md, "Two worker scripts"). Evaluating this script starts nothing;
 * `startKb` does, once per worker life.
 */
export interface KbApi {
  db: BackstoryDb;
  /** The `runtime.onMessage` listener for every message but the candidate lookup. */
  onMessage: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined;
  /** Starts start-up (seed, clean-up of an interrupted import) if it has not started. */
  ready: () => Promise<void>;
}

export function startKb(quick: Promise<RowReader | undefined>): KbApi {
  // Everything here must survive the worker being stopped at any moment: state lives in
  // IndexedDB and storage.local, never only in this module's memory.
  const db = new BackstoryDb(DB_NAME, quick, browser.storage.local);

  async function loadSeedText(): Promise<string> {
    const response = await fetch(browser.runtime.getURL(SEED_PATH));
    return response.text();
  }

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
    const live = (await db.packs.toArray()).map((pack) => pack.generation);
    await dropDeadMirrorsAtStartUp(db, live).catch((error: unknown) =>
      console.warn('Backstory could not tidy the cold-start mirror', error),
    );
    // Not waited for: a large pack's mirror takes a few seconds, and lookups do not need it.
    const release = keepWorkerAlive();
    void mirrorLiveGenerations(db, live)
      .catch((error: unknown) =>
        console.warn(
          'Backstory could not write the cold-start mirror; lookups read IndexedDB',
          error,
        ),
      )
      .finally(release);
  }

  let startingUp: Promise<void> | undefined;
  const ready = () =>
    (startingUp ??= prepare().catch((error: unknown) =>
      console.error('Backstory start-up failed', error),
    ));

  const onMessage = createRouter(
    createHandlers({
      db,
      ready,
      settings: loadSettings,
      onKbChanged: broadcastKbChanged,
      openEditor: (id) => openEditorTab({ edit: id }),
    }),
    paramSchemas,
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') },
  );
  return { db, onMessage, ready };
}
