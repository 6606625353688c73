/*
 * The worker's first script: wiring, and the one message a stopped worker is woken for most, a
 * page's candidate lookup, which it answers through the quick read connection alone. Everything
 * else is in the knowledge base's script (kb-main.ts), loaded on its first use: Chromium parses a
 * worker's whole script before it dispatches the event that woke it, and Dexie and the pack schema
 * were most of it (architecture.md, "Two worker scripts").
 */

// First import: opens the quick read connection before the rest of the script is evaluated.
import { earlyConnection } from './db/early-connection';
import browser from 'webextension-polyfill';
import { lookupCandidatesSchema } from '../core/protocol/lookup-schema';
import { deferredReader, dexieReader, preferReader, type LookupDb } from './db/row-reader';
import { answerLookup } from './kb/lookup-candidates';
import { prefetchMatchDirectories } from './kb/match-index';
import { keepKbScriptAtInstall, kbLoader } from './kb-loader';
import { createRouter, isOurs, type SenderInfo } from './messaging/router';
import { listenToUiEntryPoints } from './ui-entry-points';

/** The knowledge base's script reads this script's match index rather than its own copy. */
export * as matchIndex from './kb/match-index';

const kb = kbLoader(earlyConnection);
keepKbScriptAtInstall();

// Quick reads; where the quick connection cannot serve (no database yet, an upgrade), Dexie's.
const lookupDb: LookupDb = {
  reads: preferReader(
    earlyConnection,
    deferredReader(() => dexieReader(kb().db)),
  ),
  // The match buckets' copy in storage.local: one read for all hit buckets (kb/cold-mirror.ts).
  coldMirror: browser.storage.local,
};

// Almost every wake-up is a page asking for candidates: read the match directories at once.
void prefetchMatchDirectories(lookupDb);

/**
 * Start-up (seed check, clean-up) begins with the first message that waits for it, or after a short
 * quiet moment, so it does not share the worker's first milliseconds with a page's lookup.
 */
const START_UP_DELAY_MS = 150;
setTimeout(() => {
  try {
    void kb().ready();
  } catch (error) {
    console.error('Backstory could not load its knowledge base', error);
  }
}, START_UP_DELAY_MS);

const answerLookupOnly = createRouter(
  { lookupCandidates: async (params) => answerLookup(lookupDb, params) },
  { lookupCandidates: lookupCandidatesSchema },
  { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') },
);

browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => {
  if (!isOurs(message)) return undefined;
  if (message.name === 'lookupCandidates') return answerLookupOnly(message, sender);
  try {
    return kb().onMessage(message, sender);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Promise.resolve({
      error: `Backstory could not load its knowledge base (${reason}). Reloading the extension on the browser's extensions page loads it again; nothing stored is lost.`,
    });
  }
});

listenToUiEntryPoints();
