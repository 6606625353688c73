import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  isPageMentionsReply,
  PAGE_MENTIONS,
  type PageMention,
} from '../../core/protocol/page-events';
import type { PageTab } from './use-page-tab';

export type PageMentions =
  | { state: 'loading' }
  /** Not a web page (chrome://, the extension's own pages): the content script never runs there. */
  | { state: 'unsupported' }
  /** A web page without our content script: opened before Backstory was installed or updated. */
  | { state: 'not-running' }
  | { state: 'ready'; mentions: PageMention[] };

/**
 * Pages change while the popup is open (live tickers, the reader resuming Backstory, a rescan
 * still running), so the list is asked for again at this pace; the question is cheap.
 */
const REFRESH_MS = 1_000;

async function ask(tabId: number): Promise<PageMentions> {
  try {
    // Only the top frame: every frame runs a content script, and the first to answer would win.
    const reply: unknown = await browser.tabs.sendMessage(tabId, PAGE_MENTIONS, { frameId: 0 });
    return isPageMentionsReply(reply)
      ? { state: 'ready', mentions: reply.mentions }
      : { state: 'not-running' };
  } catch {
    return { state: 'not-running' };
  }
}

/** What the page's content script found, kept current while `active` (its tab panel is shown). */
export function usePageMentions(tab: PageTab | null | undefined, active: boolean): PageMentions {
  const [result, setResult] = useState<PageMentions>({ state: 'loading' });
  useEffect(() => {
    if (tab === undefined || !active) return;
    if (tab === null || tab.hostname === null) {
      setResult({ state: 'unsupported' });
      return;
    }
    let alive = true;
    let last = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const next = await ask(tab.id);
      if (!alive) return;
      // Same answer, same state: the list does not re-render under the reader's pointer.
      const key = JSON.stringify(next);
      if (key !== last) setResult(next);
      last = key;
      timer = setTimeout(() => void tick(), REFRESH_MS);
    };
    void tick();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [tab, active]);
  return result;
}
