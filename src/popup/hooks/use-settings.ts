import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../shared/settings-store';

export type SaveSettings = (patch: Partial<Settings>) => Promise<void>;

/**
 * The reader's settings, kept live: a change made elsewhere (another popup, the card's "not this
 * one here") shows at once. `null` until the first read.
 */
export function useSettings(): [Settings | null, SaveSettings] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    const stop = onSettingsChanged((next) => alive && setSettings(next));
    loadSettings()
      .then((loaded) => alive && setSettings(loaded))
      .catch(() => undefined);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  const save = useCallback<SaveSettings>(async (patch) => {
    setSettings(await saveSettings(patch));
  }, []);
  return [settings, save];
}
