import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferredReader, type RowReader } from '../../../src/background/db/row-reader';
import { KB_SCRIPT, kbLoader, keepKbScriptAtInstall } from '../../../src/background/kb-loader';
import type { KbApi } from '../../../src/background/kb-main';

// The worker global as the two scripts see it: importScripts evaluates the knowledge base's
// script, which defines `backstoryKb`.
type TestGlobal = typeof globalThis & {
  backstoryKb?: { startKb: (quick: unknown) => KbApi };
  importScripts?: (...urls: string[]) => void;
};
const worker = globalThis as TestGlobal;

function installFakeKbScript() {
  const api = { ready: vi.fn() } as unknown as KbApi;
  const startKb = vi.fn(() => api);
  const importScripts = vi.fn(() => {
    worker.backstoryKb = { startKb };
  });
  worker.importScripts = importScripts;
  return { api, startKb, importScripts };
}

afterEach(() => {
  delete worker.backstoryKb;
  delete worker.importScripts;
});

describe("the knowledge base's script, loaded on first need", () => {
  it('is imported and started once, on the first use, with the quick connection', () => {
    const { api, startKb, importScripts } = installFakeKbScript();
    const quick = Promise.resolve(undefined);
    const kb = kbLoader(quick);
    expect(importScripts).not.toHaveBeenCalled();
    expect(kb()).toBe(api);
    expect(kb()).toBe(api);
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(importScripts).toHaveBeenCalledWith(KB_SCRIPT);
    expect(startKb).toHaveBeenCalledTimes(1);
    expect(startKb).toHaveBeenCalledWith(quick);
  });

  it('is not imported again where the manifest loaded it already (Firefox)', () => {
    const { startKb, importScripts } = installFakeKbScript();
    worker.backstoryKb = { startKb };
    kbLoader(Promise.resolve(undefined))();
    expect(importScripts).not.toHaveBeenCalled();
    expect(startKb).toHaveBeenCalledTimes(1);
  });

  it('says so when the script cannot be loaded, and tries again on the next use', () => {
    const { api, importScripts } = installFakeKbScript();
    importScripts.mockImplementationOnce(() => {
      throw new Error('NetworkError: the script is not in the worker’s cache');
    });
    const kb = kbLoader(Promise.resolve(undefined));
    expect(() => kb()).toThrow(/NetworkError/);
    expect(kb()).toBe(api);
  });

  it('is imported while the worker installs, so that the browser keeps it for later starts', () => {
    const { startKb, importScripts } = installFakeKbScript();
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      listeners.set(type, listener);
    });
    keepKbScriptAtInstall();
    vi.unstubAllGlobals();
    expect(importScripts).not.toHaveBeenCalled();
    listeners.get('install')!();
    expect(importScripts).toHaveBeenCalledWith(KB_SCRIPT);
    // Installing only keeps the script: nothing of the knowledge base starts.
    expect(startKb).not.toHaveBeenCalled();
  });
});

describe('a deferred reader', () => {
  it('makes its reader on the first read only', async () => {
    const rows: RowReader = {
      all: vi.fn(async () => []),
      many: vi.fn(async (_store, keys) => keys.map(() => undefined)),
    };
    const make = vi.fn(() => rows);
    const reader = deferredReader(make);
    expect(make).not.toHaveBeenCalled();
    await reader.all('packs');
    await reader.many('packs', ['a', 'b']);
    expect(make).toHaveBeenCalledTimes(1);
    expect(rows.many).toHaveBeenCalledWith('packs', ['a', 'b']);
  });

  it('turns a failure to make the reader into a failed read, not a throw', async () => {
    const reader = deferredReader(() => {
      throw new Error('no knowledge base');
    });
    await expect(reader.all('packs')).rejects.toThrow('no knowledge base');
  });
});
