import type { Settings } from '../core/settings/settings';
import type { BackstoryDb } from './db/database';
import { entityCard } from './kb/entity-card';
import { exportPack } from './kb/export-pack';
import { clearHistory, recordSightings } from './kb/history';
import { beginImport, commitImport, listImports, receiveChunk } from './kb/import-jobs';
import { answerLookup } from './kb/lookup-candidates';
import { listPacks } from './kb/packs';
import { removePack } from './kb/remove-pack';
import { resolveEntity } from './kb/resolve-entity';
import { saveEntity, setDeleted } from './kb/save-entity';
import { searchEntities, warmSearchIndexes } from './kb/search';
import { kbStatus } from './kb/status';
import type { Handlers } from './messaging/router';

export interface HandlerDeps {
  db: BackstoryDb;
  /** Starts start-up (seed install, clean-up) if it has not started; resolves when it is done. */
  ready: () => Promise<unknown>;
  settings: () => Promise<Settings>;
  /** Called after the reader changed the knowledge base, so open pages can refresh. */
  onKbChanged: () => void;
  openEditor: (id: string) => Promise<void>;
}

/** One async handler per protocol message; the Handlers type makes a missing one a compile error. */
export function createHandlers({
  db,
  ready,
  settings,
  onKbChanged,
  openEditor,
}: HandlerDeps): Handlers {
  const changed = <T>(value: T): T => {
    onKbChanged();
    return value;
  };
  const handlers: Handlers = {
    getStatus: async () => {
      // The popup asks for the status when it opens: prepare search while the reader looks.
      void warmSearchIndexes(db);
      return kbStatus(db);
    },
    lookupCandidates: async (params) => answerLookup(db, params),
    getCard: async ({ id, lang }) => entityCard(db, id, lang),
    recordSightings: async ({ ids, url, title }, { sender }) => {
      // Never in private windows, and only when the reader keeps a history.
      if (sender.tab?.incognito || !(await settings()).historyEnabled) return { recorded: 0 };
      await recordSightings(db, ids, url, title);
      return { recorded: ids.length };
    },
    searchEntities: async (query) => searchEntities(db, query),
    getEntity: async ({ id }) => {
      const resolved = await resolveEntity(db, id);
      if (!resolved) return null;
      return {
        id,
        packId: resolved.packId,
        entity: resolved.entity,
        edited: resolved.edit !== undefined,
      };
    },
    saveEntity: async ({ id, entity }) => changed({ id: await saveEntity(db, id, entity) }),
    deleteEntity: async ({ id }) => changed({ deleted: await setDeleted(db, id, true) }),
    restoreEntity: async ({ id }) => changed({ restored: await setDeleted(db, id, false) }),
    listPacks: async () => listPacks(db),
    removePack: async ({ id }) => changed({ removed: await removePack(db, id) }),
    importBegin: async ({ fileName, format }) => ({
      jobId: await beginImport(db, fileName, format),
    }),
    importChunk: async ({ jobId, text }) => ({ received: receiveChunk(jobId, text) }),
    importCommit: async ({ jobId }) => commitImport(db, jobId, onKbChanged),
    listImports: async () => listImports(db),
    exportPack: async ({ scope }) => exportPack(db, scope),
    clearHistory: async () => ({ cleared: await clearHistory(db) }),
    openEditor: async ({ id }) => {
      await openEditor(id);
      return { opened: true };
    },
  };
  return waitForReady(handlers, ready);
}

/**
 * Messages answered without waiting for start-up. A candidate lookup only reads generations that
 * are complete and live, which start-up never changes; it is the message that wakes the worker
 * most often, and a page waits for it. A seed installed by start-up is announced to open pages
 * (index.ts), which then ask again.
 */
const NEEDS_NO_START_UP = new Set<string>(['lookupCandidates']);

/** Wraps every other handler so that a message that woke the worker is answered after start-up. */
function waitForReady(handlers: Handlers, ready: () => Promise<unknown>): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as Array<
    [string, (...args: unknown[]) => Promise<unknown>]
  >) {
    if (NEEDS_NO_START_UP.has(name)) {
      wrapped[name] = handler;
      continue;
    }
    wrapped[name] = async (...args: unknown[]) => {
      await ready();
      return handler(...args);
    };
  }
  return wrapped as Handlers;
}
