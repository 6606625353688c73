import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_VERSION } from '../../../src/core/settings/migrations';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../../src/shared/settings-store';

type Change = { oldValue?: unknown; newValue?: unknown };
type Listener = (changes: Record<string, Change>, area: string) => void;

// An in-memory storage.local that clones like the real one and fires onChanged for every write.
const fake = vi.hoisted(() => {
  const data = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  const fire = (changes: Record<string, Change>, area: string) => {
    for (const listener of listeners) listener(changes, area);
  };
  const local = {
    get: vi.fn(async (keys: string[]) => {
      const found: Record<string, unknown> = {};
      for (const key of keys) if (data.has(key)) found[key] = structuredClone(data.get(key));
      return found;
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Record<string, Change> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
        data.set(key, structuredClone(value));
      }
      fire(changes, 'local');
    }),
  };
  const onChanged = {
    addListener: vi.fn((listener: Listener) => void listeners.add(listener)),
    removeListener: vi.fn((listener: Listener) => void listeners.delete(listener)),
  };
  return { data, listeners, local, onChanged, fire };
});

vi.mock('webextension-polyfill', () => ({
  default: { storage: { local: fake.local, onChanged: fake.onChanged } },
}));

beforeEach(() => {
  fake.data.clear();
  fake.listeners.clear();
  vi.clearAllMocks();
});

describe('loadSettings', () => {
  it('migrates v1 settings and writes them back', async () => {
    fake.data.set('settings', { hoverDelay: 0.5, underline: true, pausedHosts: ['example.com'] });

    const settings = await loadSettings();

    const expected = { ...DEFAULT_SETTINGS, hoverDelayMs: 500, pausedSites: ['example.com'] };
    expect(settings).toEqual(expected);
    expect(fake.local.set).toHaveBeenCalledTimes(1);
    expect(fake.data.get('settingsVersion')).toBe(SETTINGS_VERSION);
    expect(fake.data.get('settings')).toEqual(expected);
  });

  // Every context reads settings on start; a write of the defaults from one of them could land
  // after the reader's first change in another and undo it.
  it('reads the defaults on a fresh install and writes nothing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(fake.local.set).not.toHaveBeenCalled();
    await saveSettings({ hoverDelayMs: 0 });
    expect((await loadSettings()).hoverDelayMs).toBe(0);
  });

  it('does not write when nothing changed', async () => {
    fake.data.set('settingsVersion', SETTINGS_VERSION);
    fake.data.set('settings', { ...DEFAULT_SETTINGS, discreetMode: true });

    expect((await loadSettings()).discreetMode).toBe(true);
    expect(fake.local.set).not.toHaveBeenCalled();
  });

  it('leaves settings of a newer version untouched in storage', async () => {
    const newer = { ...DEFAULT_SETTINGS, hoverDelayMs: 100, futureField: 'kept' };
    fake.data.set('settingsVersion', SETTINGS_VERSION + 1);
    fake.data.set('settings', newer);

    expect((await loadSettings()).hoverDelayMs).toBe(100);
    expect(fake.local.set).not.toHaveBeenCalled();
  });
});

describe('saveSettings', () => {
  it('merges the patch into the stored settings and sanitizes it', async () => {
    fake.data.set('settingsVersion', SETTINGS_VERSION);
    fake.data.set('settings', { ...DEFAULT_SETTINGS, discreetMode: true });

    const saved = await saveSettings({
      hoverDelayMs: 4_000,
      pausedSites: ['Example.com', 'not a host'],
      historyEnabled: undefined,
    });

    const expected = {
      ...DEFAULT_SETTINGS,
      discreetMode: true,
      hoverDelayMs: 1_000,
      pausedSites: ['example.com'],
    };
    expect(saved).toEqual(expected);
    expect(fake.data.get('settings')).toEqual(expected);
    expect(fake.data.get('settingsVersion')).toBe(SETTINGS_VERSION);
  });

  it('migrates v1 settings before merging', async () => {
    fake.data.set('settings', { hoverDelay: 0.1, underline: false, pausedHosts: [] });

    const saved = await saveSettings({ seedDeclined: true });

    expect(saved).toEqual({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 100,
      underlineStyle: 'none',
      seedDeclined: true,
    });
    expect(fake.data.get('settingsVersion')).toBe(SETTINGS_VERSION);
  });

  it('applies saves from one context in order, none lost', async () => {
    await Promise.all([
      saveSettings({ globalPause: true }),
      saveSettings({ seedDeclined: true }),
      saveSettings({ uiLanguage: 'de' }),
    ]);
    expect(fake.data.get('settings')).toEqual({
      ...DEFAULT_SETTINGS,
      globalPause: true,
      seedDeclined: true,
      uiLanguage: 'de',
    });
  });

  it('keeps going after a failed write', async () => {
    fake.local.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveSettings({ globalPause: true })).rejects.toThrow('quota');
    expect((await saveSettings({ discreetMode: true })).discreetMode).toBe(true);
  });

  it('keeps the fields a newer version stored, and its version', async () => {
    fake.data.set('settingsVersion', SETTINGS_VERSION + 1);
    fake.data.set('settings', { ...DEFAULT_SETTINGS, futureField: 'kept' });

    await saveSettings({ globalPause: true });

    expect(fake.data.get('settingsVersion')).toBe(SETTINGS_VERSION + 1);
    expect(fake.data.get('settings')).toEqual({
      ...DEFAULT_SETTINGS,
      globalPause: true,
      futureField: 'kept',
    });
  });
});

describe('onSettingsChanged', () => {
  it('calls the listener with the saved settings until unsubscribed', async () => {
    const listener = vi.fn();
    const unsubscribe = onSettingsChanged(listener);

    await saveSettings({ discreetMode: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, discreetMode: true });

    unsubscribe();
    expect(fake.onChanged.removeListener).toHaveBeenCalledTimes(1);
    await saveSettings({ discreetMode: false });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores other areas and other keys', () => {
    const listener = vi.fn();
    onSettingsChanged(listener);

    fake.fire({ settings: { newValue: { discreetMode: true } } }, 'sync');
    fake.fire({ entities: { newValue: 1 } }, 'local');
    expect(listener).not.toHaveBeenCalled();
  });

  it('sanitizes what was written and reads removed settings as the defaults', () => {
    const listener = vi.fn();
    onSettingsChanged(listener);

    fake.fire({ settings: { newValue: { hoverDelayMs: -1, uiLanguage: 'xx' } } }, 'local');
    expect(listener).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, hoverDelayMs: 0 });

    fake.fire({ settings: { oldValue: { discreetMode: true } } }, 'local');
    expect(listener).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
  });
});
