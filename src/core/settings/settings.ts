import * as v from 'valibot';
import { parseRef, type EntityRef } from '../entity-ref';
import { PACK_LIMITS } from '../pack/limits';
import { normalizeHostname } from './paused';

export const UNDERLINE_STYLES = ['dotted', 'solid', 'wavy', 'none'] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

/** `auto` follows the browser's language, as `_locales` does. */
export const UI_LANGUAGES = ['auto', 'en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export interface Settings {
  /** Hover intent delay before the card opens, in milliseconds (0–1000). */
  hoverDelayMs: number;
  underlineStyle: UnderlineStyle;
  /** Nothing drawn on the page, so its scripts cannot learn what the knowledge base holds. */
  discreetMode: boolean;
  historyEnabled: boolean;
  /** Hostnames; a parent domain pauses its subdomains too (see `isPausedOn`). */
  pausedSites: string[];
  globalPause: boolean;
  uiLanguage: UiLanguage;
  /** Per hostname, the forms the reader said "not this one here" about. */
  suppressedForms: Record<string, string[]>;
  pinnedEntities: EntityRef[];
  /** The reader removed the seed pack: an update must not bring it back. */
  seedDeclined: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hoverDelayMs: 300,
  underlineStyle: 'dotted',
  discreetMode: false,
  historyEnabled: true,
  pausedSites: [],
  globalPause: false,
  uiLanguage: 'auto',
  suppressedForms: {},
  pinnedEntities: [],
  seedDeclined: false,
});

/** Bounds on the lists, so a corrupted or hostile stored value cannot grow without limit. */
export const SETTINGS_LIMITS = {
  maxHoverDelayMs: 1_000,
  maxPausedSites: 1_000,
  maxSuppressedSites: 1_000,
  maxSuppressedFormsPerSite: 200,
  // A form that can be in a pack must be suppressible.
  maxFormLength: PACK_LIMITS.maxFormLength,
  maxPinnedEntities: 1_000,
} as const;

const L = SETTINGS_LIMITS;

/** Keeps the valid entries of a list, first occurrence first, up to `max`. */
function keepValid(
  items: readonly unknown[],
  max: number,
  clean: (item: unknown) => string | null,
) {
  const kept = new Set<string>();
  for (const item of items) {
    if (kept.size >= max) break;
    const value = clean(item);
    if (value !== null) kept.add(value);
  }
  return [...kept];
}

const hostname = (item: unknown) => (typeof item === 'string' ? normalizeHostname(item) : null);
const form = (item: unknown) =>
  typeof item === 'string' && item.trim() !== '' && item.length <= L.maxFormLength ? item : null;
const entityRef = (item: unknown) =>
  typeof item === 'string' && parseRef(item) !== null ? item : null;

// Lists are cleaned entry by entry: one bad hostname must not cost the reader every paused site.
const list = (max: number, clean: (item: unknown) => string | null) =>
  v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((items) => keepValid(items, max, clean)),
    ),
    () => [],
  );

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toSuppressedForms(record: Record<string, unknown>): Record<string, string[]> {
  const sites = new Map<string, string[]>();
  for (const [key, forms] of Object.entries(record)) {
    if (sites.size >= L.maxSuppressedSites) break;
    const host = normalizeHostname(key);
    if (host === null || !Array.isArray(forms)) continue;
    const kept = keepValid(forms, L.maxSuppressedFormsPerSite, form);
    if (kept.length > 0) sites.set(host, [...new Set([...(sites.get(host) ?? []), ...kept])]);
  }
  // `fromEntries` defines own properties, so a key such as `__proto__` cannot reach the prototype.
  return Object.fromEntries(sites);
}

const bool = (fallback: boolean) => v.fallback(v.boolean(), fallback);

const D = DEFAULT_SETTINGS;

/**
 * Validates a stored settings object field by field: a missing or invalid field falls back to its
 * default and the valid ones are kept, because settings written by an older or newer version, or
 * damaged by hand, must never cost the reader everything they chose. Unknown fields are dropped.
 * Out-of-range delays are clamped rather than reset: 2 s from an old version means "slow".
 */
export const settingsSchema: v.GenericSchema<unknown, Settings> = v.fallback(
  v.object({
    hoverDelayMs: v.fallback(
      v.pipe(
        v.number(),
        v.finite(),
        v.transform((ms) => Math.min(L.maxHoverDelayMs, Math.max(0, Math.round(ms)))),
      ),
      D.hoverDelayMs,
    ),
    underlineStyle: v.fallback(v.picklist(UNDERLINE_STYLES), D.underlineStyle),
    discreetMode: bool(D.discreetMode),
    historyEnabled: bool(D.historyEnabled),
    pausedSites: list(L.maxPausedSites, hostname),
    globalPause: bool(D.globalPause),
    uiLanguage: v.fallback(v.picklist(UI_LANGUAGES), D.uiLanguage),
    suppressedForms: v.fallback(
      v.pipe(v.custom<Record<string, unknown>>(isPlainRecord), v.transform(toSuppressedForms)),
      () => ({}),
    ),
    pinnedEntities: list(L.maxPinnedEntities, entityRef),
    seedDeclined: bool(D.seedDeclined),
  }),
  // Not an object at all: fresh containers, so no caller can mutate the shared defaults.
  () => ({ ...D, pausedSites: [], suppressedForms: {}, pinnedEntities: [] }),
);

/** Settings from anything stored; never throws. */
export function sanitizeSettings(raw: unknown): Settings {
  return v.parse(settingsSchema, raw);
}
