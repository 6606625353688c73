import browser from 'webextension-polyfill';
import { migrateSettings, SETTINGS_VERSION } from '../core/settings/migrations';
import { sanitizeSettings, type Settings } from '../core/settings/settings';

// Two keys, written together in one `set` so they can never disagree.
const VERSION_KEY = 'settingsVersion';
const SETTINGS_KEY = 'settings';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readStored(): Promise<{ version: unknown; settings: unknown }> {
  const stored = await browser.storage.local.get([VERSION_KEY, SETTINGS_KEY]);
  return { version: stored[VERSION_KEY], settings: stored[SETTINGS_KEY] };
}

async function write(version: number, settings: object): Promise<void> {
  await browser.storage.local.set({ [VERSION_KEY]: version, [SETTINGS_KEY]: settings });
}

/**
 * The reader's settings, migrated to the current version. Read from storage every time: the MV3
 * service worker is stopped when idle, so a copy in memory would not survive anyway.
 */
export async function loadSettings(): Promise<Settings> {
  const { version, settings, changed } = migrateSettings(await readStored());
  if (changed) await write(version, settings);
  return settings;
}

// Saves from one context run one after another, so two quick toggles cannot both read the old
// settings and the second overwrite the first. Across contexts storage.local offers no lock.
let queue: Promise<unknown> = Promise.resolve();

/** Merges `patch` into the stored settings, sanitizes, stores and returns the result. */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = queue.then(async () => {
    const stored = await readStored();
    const { version, settings } = migrateSettings(stored);
    // `{ hoverDelayMs: undefined }` means "no change", not "reset to the default".
    const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
    const next = sanitizeSettings({ ...settings, ...Object.fromEntries(defined) });
    // Settings of a newer version keep the fields only that version knows.
    const raw = stored.settings;
    await write(version, version > SETTINGS_VERSION && isRecord(raw) ? { ...raw, ...next } : next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Calls `listener` with the new settings whenever any context stores them; returns unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_KEY];
    // Removed settings (`storage.local.clear()`) read as the defaults, as `loadSettings` would.
    if (area === 'local' && change) listener(sanitizeSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
