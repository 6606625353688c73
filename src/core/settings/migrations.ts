import { sanitizeSettings, type Settings } from './settings';
import { sameJson } from '../same-json';

/** The shape `settings` has in storage now; bump it together with a new migration below. */
export const SETTINGS_VERSION = 2;

export interface SettingsMigration {
  /** The version this migration produces from the one before it. */
  readonly to: number;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

/**
 * v1 kept the delay in seconds, the underline as on/off, and called paused sites "hosts".
 * New keys win over old ones if both are there, so running this on v2 data changes nothing.
 */
function v1ToV2(old: Record<string, unknown>): Record<string, unknown> {
  const { hoverDelay, underline, pausedHosts, ...rest } = old;
  const next: Record<string, unknown> = { ...rest };
  if (typeof hoverDelay === 'number' && !('hoverDelayMs' in rest)) {
    next.hoverDelayMs = hoverDelay * 1000;
  }
  if (typeof underline === 'boolean' && !('underlineStyle' in rest)) {
    next.underlineStyle = underline ? 'dotted' : 'none';
  }
  if (pausedHosts !== undefined && !('pausedSites' in rest)) next.pausedSites = pausedHosts;
  return next;
}

/** Ordered by `to`; each step only ever sees the output of the one before. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [{ to: 2, migrate: v1ToV2 }];

export interface MigratedSettings {
  version: number;
  settings: Settings;
  /** Whether storage should be rewritten with `version` and `settings`. */
  changed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * v1 predates the `settingsVersion` key, so settings without a usable version are v1; no settings
 * at all is a fresh install with nothing to migrate.
 */
function storedVersion(version: unknown, hasSettings: boolean): number {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return version;
  return hasSettings ? 1 : SETTINGS_VERSION;
}

/** Storage is untrusted input, so `version` is `unknown` here rather than `number`. */
export function migrateSettings(stored: {
  version?: unknown;
  settings?: unknown;
}): MigratedSettings {
  const raw = isRecord(stored.settings) ? stored.settings : null;
  const from = storedVersion(stored.version, raw !== null);
  let data: Record<string, unknown> = { ...raw };
  for (const migration of SETTINGS_MIGRATIONS) {
    if (migration.to > from) data = migration.migrate(data);
  }
  const settings = sanitizeSettings(data);
  if (from > SETTINGS_VERSION) {
    // Written by a newer Backstory (the reader rolled back): use what validates, but never rewrite
    // it, or the fields only that version knows would be lost when the reader updates again.
    return { version: from, settings, changed: false };
  }
  // A fresh install has nothing to store: the defaults are what an absent value reads as. Writing
  // them from every context that reads settings (worker, popup, each page) could land after, and
  // undo, the reader's first change.
  const changed =
    raw !== null && (stored.version !== SETTINGS_VERSION || !sameJson(stored.settings, settings));
  return { version: SETTINGS_VERSION, settings, changed };
}
