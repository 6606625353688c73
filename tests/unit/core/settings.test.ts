import { describe, expect, it } from 'vitest';
import {
  migrateSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
} from '../../../src/core/settings/migrations';
import { isPausedOn, normalizeHostname } from '../../../src/core/settings/paused';
import {
  DEFAULT_SETTINGS,
  sanitizeSettings,
  SETTINGS_LIMITS,
  type Settings,
} from '../../../src/core/settings/settings';

const customised: Settings = {
  hoverDelayMs: 0,
  underlineStyle: 'wavy',
  discreetMode: true,
  historyEnabled: false,
  pausedSites: ['example.com'],
  globalPause: true,
  uiLanguage: 'de',
  suppressedForms: { 'news.example': ['Apple'] },
  pinnedEntities: ['p/seed/openai', 'u/my-note'],
  seedDeclined: true,
};

describe('settings defaults', () => {
  it('match experience.md', () => {
    expect(DEFAULT_SETTINGS).toEqual({
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
  });

  it.each([undefined, null, 42, 'settings', [], {}])('are what %j sanitizes to', (raw) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('are never shared with a sanitized result', () => {
    for (const raw of [undefined, {}]) {
      const settings = sanitizeSettings(raw);
      settings.pausedSites.push('example.com');
      settings.pinnedEntities.push('u/x');
      settings.suppressedForms['example.com'] = ['X'];
    }
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
    expect(DEFAULT_SETTINGS.pinnedEntities).toEqual([]);
    expect(DEFAULT_SETTINGS.suppressedForms).toEqual({});
  });
});

describe('sanitizeSettings', () => {
  it('keeps valid settings as they are', () => {
    expect(sanitizeSettings(customised)).toEqual(customised);
  });

  it('falls back per field and keeps the valid ones', () => {
    const settings = sanitizeSettings({
      ...customised,
      underlineStyle: 'blinking',
      discreetMode: 'yes',
      uiLanguage: 'fr',
      hoverDelayMs: 'fast',
      pinnedEntities: 'p/seed/openai',
      suppressedForms: ['Apple'],
    });
    expect(settings).toEqual({
      ...customised,
      underlineStyle: 'dotted',
      discreetMode: false,
      uiLanguage: 'auto',
      hoverDelayMs: 300,
      pinnedEntities: [],
      suppressedForms: {},
    });
  });

  it('fills missing fields with defaults and drops unknown fields', () => {
    const settings = sanitizeSettings({ discreetMode: true, theme: 'dark', hoverDelay: 0.5 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, discreetMode: true });
    expect(settings).not.toHaveProperty('theme');
  });

  it('clamps and rounds the hover delay, and rejects non-finite numbers', () => {
    expect(sanitizeSettings({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
    expect(sanitizeSettings({ hoverDelayMs: 5_000 }).hoverDelayMs).toBe(1_000);
    expect(sanitizeSettings({ hoverDelayMs: 249.6 }).hoverDelayMs).toBe(250);
    expect(sanitizeSettings({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(300);
    expect(sanitizeSettings({ hoverDelayMs: Infinity }).hoverDelayMs).toBe(300);
  });

  it('cleans paused sites entry by entry', () => {
    const settings = sanitizeSettings({
      pausedSites: [' Example.COM. ', 'example.com', 42, '', 'not a host', 'a/b', 'news.example'],
    });
    expect(settings.pausedSites).toEqual(['example.com', 'news.example']);
  });

  it('caps paused sites at 1,000 and hostnames at 253 characters', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => `site${i}.example`);
    const capped = sanitizeSettings({ pausedSites: many }).pausedSites;
    expect(capped).toHaveLength(SETTINGS_LIMITS.maxPausedSites);
    expect(capped).toEqual(many.slice(0, 1_000));

    const label = 'a'.repeat(63);
    const longest = [label, label, label, 'a'.repeat(61)].join('.');
    expect(longest).toHaveLength(253);
    expect(sanitizeSettings({ pausedSites: [longest, `${longest}b`] }).pausedSites).toEqual([
      longest,
    ]);
  });

  it('keeps only entity refs that parse, without duplicates', () => {
    const settings = sanitizeSettings({
      pinnedEntities: ['p/seed/openai', 'p/seed/openai', 'u/mine', 'nonsense', 7, 'p/Bad/x'],
    });
    expect(settings.pinnedEntities).toEqual(['p/seed/openai', 'u/mine']);
  });

  it('cleans suppressed forms per site and per form', () => {
    const settings = sanitizeSettings({
      suppressedForms: {
        'News.Example': ['Apple', 'Apple', '', 3, 'x'.repeat(SETTINGS_LIMITS.maxFormLength + 1)],
        'news.example': ['Amazon'],
        'not a host': ['Apple'],
        'empty.example': [],
        'broken.example': 'Apple',
      },
    });
    expect(settings.suppressedForms).toEqual({ 'news.example': ['Apple', 'Amazon'] });
  });

  it('never lets a "__proto__" hostname reach the prototype', () => {
    const raw = JSON.parse('{"suppressedForms": {"__proto__": ["Apple"]}}') as unknown;
    const { suppressedForms } = sanitizeSettings(raw);
    expect(Object.hasOwn(suppressedForms, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(suppressedForms)).toBe(Object.prototype);
  });
});

describe('settings migrations', () => {
  it('are ordered, contiguous and end at SETTINGS_VERSION', () => {
    expect(SETTINGS_MIGRATIONS.map((m) => m.to)).toEqual(
      Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2),
    );
  });

  it('migrate v1 data to the current shape', () => {
    const result = migrateSettings({
      version: 1,
      settings: { hoverDelay: 0.3, underline: false, pausedHosts: ['Example.com', 'bad host'] },
    });
    expect(result).toEqual({
      version: SETTINGS_VERSION,
      changed: true,
      settings: {
        ...DEFAULT_SETTINGS,
        hoverDelayMs: 300,
        underlineStyle: 'none',
        pausedSites: ['example.com'],
      },
    });
  });

  it('map an underline that was on to the dotted style and clamp slow v1 delays', () => {
    const { settings } = migrateSettings({
      version: 1,
      settings: { hoverDelay: 2, underline: true, pausedHosts: [] },
    });
    expect(settings.underlineStyle).toBe('dotted');
    expect(settings.hoverDelayMs).toBe(1_000);
  });

  it('treat settings without a version as v1, which predates the version key', () => {
    const { settings, version } = migrateSettings({ settings: { hoverDelay: 0.5 } });
    expect(version).toBe(SETTINGS_VERSION);
    expect(settings.hoverDelayMs).toBe(500);
  });

  it('fall back to defaults for damaged v1 fields', () => {
    const { settings } = migrateSettings({
      version: 1,
      settings: { hoverDelay: 'slow', underline: 'maybe', pausedHosts: 'example.com' },
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('start a fresh install at the defaults without asking to store them', () => {
    expect(migrateSettings({})).toEqual({
      version: SETTINGS_VERSION,
      settings: DEFAULT_SETTINGS,
      changed: false,
    });
  });

  it('leave current, valid settings unchanged', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION, settings: customised })).toEqual({
      version: SETTINGS_VERSION,
      settings: customised,
      changed: false,
    });
  });

  it('report a change when current settings had to be repaired', () => {
    const result = migrateSettings({
      version: SETTINGS_VERSION,
      settings: { ...customised, uiLanguage: 'fr' },
    });
    expect(result.changed).toBe(true);
    expect(result.settings.uiLanguage).toBe('auto');
  });

  it('keep what validates from a newer version and never ask to rewrite it', () => {
    const result = migrateSettings({
      version: SETTINGS_VERSION + 1,
      settings: { ...customised, hoverDelayMs: '300ms', futureField: true },
    });
    expect(result).toEqual({
      version: SETTINGS_VERSION + 1,
      settings: { ...customised, hoverDelayMs: 300 },
      changed: false,
    });
  });

  it('do not rename v1 keys in data that already has the v2 ones', () => {
    const { settings } = migrateSettings({
      version: 1,
      settings: { hoverDelay: 0.9, hoverDelayMs: 100, pausedHosts: ['a.example'], pausedSites: [] },
    });
    expect(settings.hoverDelayMs).toBe(100);
    expect(settings.pausedSites).toEqual([]);
  });
});

describe('isPausedOn', () => {
  const paused = (pausedSites: string[], globalPause = false) => ({ pausedSites, globalPause });

  it('matches the site and its subdomains, not look-alikes', () => {
    const settings = paused(['example.com']);
    expect(isPausedOn(settings, 'example.com')).toBe(true);
    expect(isPausedOn(settings, 'news.example.com')).toBe(true);
    expect(isPausedOn(settings, 'a.b.example.com')).toBe(true);
    expect(isPausedOn(settings, 'EXAMPLE.com.')).toBe(true);
    expect(isPausedOn(settings, 'notexample.com')).toBe(false);
    expect(isPausedOn(settings, 'example.com.evil')).toBe(false);
    expect(isPausedOn(settings, 'com')).toBe(false);
  });

  it('does not pause a parent domain for a paused subdomain', () => {
    expect(isPausedOn(paused(['news.example.com']), 'example.com')).toBe(false);
    expect(isPausedOn(paused(['news.example.com']), 'www.example.com')).toBe(false);
  });

  it('matches IP addresses only exactly', () => {
    expect(isPausedOn(paused(['0.1']), '10.0.0.1')).toBe(false);
    expect(isPausedOn(paused(['10.0.0.1']), '10.0.0.1')).toBe(true);
    expect(isPausedOn(paused(['[::1]']), '[::1]')).toBe(true);
  });

  it('is always true under the global pause', () => {
    expect(isPausedOn(paused([], true), 'anything.example')).toBe(true);
    expect(isPausedOn(paused([], true), '')).toBe(true);
  });

  it('is false for pages without a hostname', () => {
    expect(isPausedOn(paused(['example.com']), '')).toBe(false);
  });

  it('normalizes hostnames and rejects what is not one', () => {
    expect(normalizeHostname(' News.Example. ')).toBe('news.example');
    expect(normalizeHostname('https://example.com')).toBeNull();
    expect(normalizeHostname('a..b')).toBeNull();
    expect(normalizeHostname('.')).toBeNull();
  });
});
