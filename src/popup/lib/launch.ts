import browser from 'webextension-polyfill';
import { parseRef } from '../../core/entity-ref';

/** How this page was opened: as the toolbar popup, or in a full tab (`?view=tab`). */
export interface Launch {
  inTab: boolean;
  /** `?new=<text>`: open the editor for a new entity named `text` (the context menu does this). */
  newName: string | null;
  /** `?edit=<ref>`: open the editor on that entity (the card's "Edit" does this). */
  editId: string | null;
  /** `?tab=<id>`: the page tab the popup was opened over, so "On this page" keeps meaning it. */
  pageTabId: number | null;
}

/** Long selections are cut: a name is at most 200 characters (pack-format.md). */
const MAX_NAME = 200;

export function readLaunch(search: string): Launch {
  const params = new URLSearchParams(search);
  const tabId = Number(params.get('tab'));
  const newName = params.get('new');
  const editId = params.get('edit');
  return {
    inTab: params.get('view') === 'tab',
    newName: newName === null ? null : newName.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME),
    editId: editId !== null && parseRef(editId) ? editId : null,
    pageTabId: Number.isInteger(tabId) && tabId > 0 ? tabId : null,
  };
}

/** Opens this page in a full tab for longer work, keeping the page it was opened over. */
export async function openInTab(pageTabId: number | null): Promise<void> {
  const url = new URL(browser.runtime.getURL('src/popup/index.html'));
  url.searchParams.set('view', 'tab');
  if (pageTabId !== null) url.searchParams.set('tab', String(pageTabId));
  // The new tab takes focus, and the browser closes the toolbar popup by itself.
  await browser.tabs.create({ url: url.href });
}
