import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import type { RequestContext } from '../../../src/background/messaging/router';
import { importPack } from '../../../src/background/kb/import-pack';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { fnv1a } from '../../../src/core/hash';
import { joinHashes } from '../../../src/core/protocol/candidates-wire';
import { freshDb, pack, sampleEntities } from '../support/kb';

const context: RequestContext = { sender: {}, fromExtensionPage: true };

describe('a message that wakes the worker', () => {
  it('gets candidates for a page at once, while other messages wait for start-up', async () => {
    const db = freshDb();
    await importPack(db, pack('news', sampleEntities()), 'test');
    const handlers = createHandlers({
      db,
      ready: () => new Promise(() => {}), // start-up still under way
      settings: async () => DEFAULT_SETTINGS,
      onKbChanged: () => {},
      openEditor: async () => {},
    });
    let statusAnswered = false;
    void handlers.getStatus({}, context).then(() => (statusAnswered = true));
    const { packed } = await handlers.lookupCandidates(
      { hashes: joinHashes(['alibaba', 'cook'].map(fnv1a)) },
      context,
    );
    expect(packed).toContain('Alibaba Group');
    expect(packed).toContain('Tim Cook');
    expect(statusAnswered).toBe(false);
  });
});
