import browser from 'webextension-polyfill';
import { COMMANDS, commandMessage, type CommandName } from '../core/protocol/events';

const EDITOR_PAGE = 'src/popup/index.html';
const ADD_MENU_ID = 'backstory-add-selection';

/** Opens the popup's UI in a full tab: `edit` an entity, or a `new` one prefilled with text. */
export async function openEditorTab(query: { edit?: string; new?: string }): Promise<void> {
  const params = new URLSearchParams({ view: 'tab', ...query });
  await browser.tabs.create({ url: `${browser.runtime.getURL(EDITOR_PAGE)}?${params.toString()}` });
}

/** The context menu "Add to Backstory" on selected text. Menus persist, so create on install. */
export function installContextMenu(): void {
  browser.contextMenus.create({
    id: ADD_MENU_ID,
    title: browser.i18n.getMessage('contextMenuAdd') || 'Add to Backstory',
    contexts: ['selection'],
  });
}

export function listenToUiEntryPoints(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(installContextMenu, installContextMenu);
  });
  browser.contextMenus.onClicked.addListener((info) => {
    const text = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    if (info.menuItemId === ADD_MENU_ID && text) void openEditorTab({ new: text });
  });
  // Keyboard commands act on the page: relay them to the active tab's content script.
  browser.commands.onCommand.addListener((command, tab) => {
    if (!(COMMANDS as readonly string[]).includes(command) || tab?.id === undefined) return;
    browser.tabs
      .sendMessage(tab.id, commandMessage(command as CommandName), { frameId: 0 })
      .catch(() => {
        // Pages where content scripts cannot run (browser pages, the store) simply ignore it.
      });
  });
}
