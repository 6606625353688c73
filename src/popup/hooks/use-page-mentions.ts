import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isPageMentionsReply, PAGE_MENTIONS, type PageMention } from '../../core/protocol/page-events';
import type { PageTab } from './use-page-tab';

export type PageMentions =
  | { state: 'loading' }
  /** Not a web page (chrome://, the extension's own pages): the content script never runs there. */
  | { state: 'unsupported' }
  /** A web page without our content script: opened before Backstory was installed or updated. */
  | { state: 'not-running' }
  | { state: 'ready'; mentions: PageMention[] };

/**
 * Asks the page's content script what it found. Only the top frame is asked (`frameId: 0`): every
 * frame runs a content script, and the first to answer would win, which need not be the page.
 * `refresh` asks again, e.g. after the reader paused or resumed Backstory on the site.
 */
export function usePageMentions(tab: PageTab | null | undefined, refresh: unknown): PageMentions {
  const [result, setResult] = useState<PageMentions>({ state: 'loading' });
  useEffect(() => {
    if (tab === undefined) return;
    if (tab === null || tab.hostname === null) {
      setResult({ state: 'unsupported' });
      return;
    }
    let alive = true;
    browser.tabs
      .sendMessage(tab.id, PAGE_MENTIONS, { frameId: 0 })
      .then((reply: unknown) => {
        if (!alive) return;
        setResult(
          isPageMentionsReply(reply)
            ? { state: 'ready', mentions: reply.mentions }
            : { state: 'not-running' },
        );
      })
      .catch(() => alive && setResult({ state: 'not-running' }));
    return () => {
      alive = false;
    };
  }, [tab, refresh]);
  return result;
}
