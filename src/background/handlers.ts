import type { BackstoryDb } from './db/database';
import { entityCard } from './kb/entity-card';
import { lookupCandidates } from './kb/lookup-candidates';
import { removePack } from './kb/remove-pack';
import { kbStatus } from './kb/status';
import type { Handlers } from './messaging/router';

/** One async handler per protocol message; the Handlers type makes a missing one a compile error. */
export function createHandlers(db: BackstoryDb, ready: Promise<unknown>): Handlers {
  return {
    getStatus: async () => {
      await ready;
      return kbStatus(db);
    },
    lookupCandidates: async ({ keys }) => {
      await ready;
      return lookupCandidates(db, keys);
    },
    getCard: async ({ id, lang }) => {
      await ready;
      return entityCard(db, id, lang);
    },
    removePack: async ({ id }) => {
      await ready;
      return { removed: await removePack(db, id) };
    },
  };
}
