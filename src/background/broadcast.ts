import browser from 'webextension-polyfill';
import { KB_CHANGED } from '../core/protocol/events';

/** Tells every open tab that the knowledge base changed (a new entity gets underlined at once). */
export function broadcastKbChanged(): void {
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, KB_CHANGED).catch(() => {});
    }
  });
}
