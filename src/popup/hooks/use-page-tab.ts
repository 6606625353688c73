import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { normalizeHostname } from '../../core/settings/paused';

export interface PageTab {
  id: number;
  /** The page's hostname when it is a web page Backstory can run on, else null. */
  hostname: string | null;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return normalizeHostname(parsed.hostname);
  } catch {
    return null;
  }
}

/**
 * The page the popup is about: the active tab of this window, or the tab it was opened over
 * (`?tab=`) when it runs in a full tab. `undefined` while looking, `null` if there is none.
 */
export function usePageTab(pageTabId: number | null): PageTab | null | undefined {
  const [tab, setTab] = useState<PageTab | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const find = pageTabId
      ? browser.tabs.get(pageTabId)
      : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    find
      .then((found) => {
        if (!alive) return;
        setTab(found?.id === undefined ? null : { id: found.id, hostname: hostOf(found.url) });
      })
      .catch(() => alive && setTab(null));
    return () => {
      alive = false;
    };
  }, [pageTabId]);
  return tab;
}
