import type { RowReader } from './db/row-reader';
import type { KbApi } from './kb-main';

/** The knowledge base's script as the build names it (scripts/classic-worker.ts). */
export const KB_SCRIPT = 'background-kb.js';

/** What the knowledge base's script defines when it is evaluated (its IIFE's exports). */
interface KbScript {
  startKb(quick: Promise<RowReader | undefined>): KbApi;
}

type WorkerGlobal = typeof globalThis & {
  backstoryKb?: KbScript;
  importScripts?: (...urls: string[]) => void;
};
const worker = globalThis as WorkerGlobal;

/**
 * Loads and starts the knowledge base's script on its first use; later calls return the same.
 * Synchronous: `importScripts` is. Throws when the script cannot be loaded.
 */
export function kbLoader(quick: Promise<RowReader | undefined>): () => KbApi {
  let api: KbApi | undefined;
  return () => {
    if (api) return api;
    // Firefox's event page lists both scripts in the manifest, so it is there already.
    if (!worker.backstoryKb) worker.importScripts?.(KB_SCRIPT);
    if (!worker.backstoryKb) throw new Error(`${KB_SCRIPT} defined nothing`);
    api = worker.backstoryKb.startKb(quick);
    return api;
  };
}

/**
 * A service worker may import a script after it has installed only if it imported that script
 * while installing; the browser then keeps it with the worker and serves later imports from there
 * (Service Workers spec, importScripts). So the install step imports it once, without starting it.
 */
export function keepKbScriptAtInstall(): void {
  if (typeof worker.importScripts !== 'function') return;
  globalThis.addEventListener('install', () => {
    if (!worker.backstoryKb) worker.importScripts?.(KB_SCRIPT);
  });
}
