import { beforeEach, describe, expect, it, vi } from 'vitest';

// The browser's menus, commands and tabs, recorded so the test can fire their events.
const listeners: Record<string, (...args: never[]) => unknown> = {};
const on = (name: string) => ({
  addListener: (fn: (...args: never[]) => unknown) => (listeners[name] = fn),
});
const fake = {
  runtime: {
    onInstalled: on('installed'),
    getURL: (path: string) => `chrome-extension://id/${path}`,
  },
  i18n: { getMessage: () => 'Add “%s” to Backstory' },
  contextMenus: { create: vi.fn(), removeAll: vi.fn(async () => {}), onClicked: on('menuClicked') },
  commands: { onCommand: on('command') },
  tabs: { create: vi.fn(async () => ({})), sendMessage: vi.fn(async () => ({})) },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));

const { listenToUiEntryPoints } = await import('../../../src/background/ui-entry-points');

describe('entry points outside the popup', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    listenToUiEntryPoints();
  });

  it('offers "Add to Backstory" on selected text once installed', async () => {
    await (listeners.installed as () => void)();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({ contexts: ['selection'], title: 'Add “%s” to Backstory' }),
    );
  });

  it('opens the editor in a tab, filled with the selection', async () => {
    (listeners.menuClicked as (info: unknown) => void)({
      menuItemId: 'backstory-add-selection',
      selectionText: '  Moonshot\nAI ',
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.tabs.create).toHaveBeenCalledWith({
      url: 'chrome-extension://id/src/popup/index.html?view=tab&new=Moonshot+AI',
    });
  });

  it('relays keyboard commands to the active tab’s top frame, and ignores unknown ones', () => {
    const fire = listeners.command as (command: string, tab?: { id?: number }) => void;
    fire('next-mention', { id: 7 });
    fire('format-disk', { id: 7 });
    expect(fake.tabs.sendMessage).toHaveBeenCalledTimes(1);
    expect(fake.tabs.sendMessage).toHaveBeenCalledWith(
      7,
      expect.objectContaining({ event: 'command', command: 'next-mention' }),
      { frameId: 0 },
    );
  });
});
