import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHANNEL } from '../../src/core/protocol/protocol';
import { launchWithExtension, openPopup, type ExtensionSession } from '../support/chromium';
import { serveFolder, type FixtureServer } from '../support/fixture-server';
import { waitForCard, waitForNoCard } from './support/card-reader';
import { call } from './support/extension-calls';
import { highlightedTexts } from './support/page-probes';

let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFolder('tests/e2e/pages');
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Changes settings as the popup does: the stored settings with `patch` applied. */
function writeSettings(popup: Page, patch: Record<string, unknown>): Promise<void> {
  return popup.evaluate(async (changes) => {
    const storage = (globalThis as unknown as { chrome: import('webextension-polyfill').Browser })
      .chrome.storage.local;
    const { settings } = (await storage.get('settings')) as {
      settings?: Record<string, unknown>;
    };
    await storage.set({ settingsVersion: 2, settings: { ...settings, ...changes } });
  }, patch);
}

async function openPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url('keyboard.html'));
  await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('ByteDance');
  return page;
}

/**
 * Presses a command the way the browser delivers it: the background's commands listener relays
 * it to the active tab (Playwright cannot press browser-level shortcuts in headless Chromium).
 */
async function pressCommand(command: string): Promise<void> {
  await session.worker.evaluate(
    async ([channel, name]) => {
      const api = (globalThis as unknown as { chrome: import('webextension-polyfill').Browser })
        .chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      await api.tabs.sendMessage(
        tab!.id!,
        { channel, event: 'command', command: name },
        { frameId: 0 },
      );
    },
    [CHANNEL, command] as const,
  );
}

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('keyboard', () => {
  it('opens the card for the selected name, moves focus into it, and Esc gives focus back', async () => {
    const page = await openPage();
    await page.focus('#search');
    await page.evaluate(() => {
      const text = document.querySelector('#second')!.firstChild!;
      const at = text.textContent!.indexOf('Baidu');
      getSelection()!.setBaseAndExtent(text, at, text, at + 5);
    });
    await pressCommand('open-card');
    const card = await waitForCard(page, (c) => c.name === 'Baidu');
    expect(card.nodes.some((node) => node.focused)).toBe(true);
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await focusedId(page)).toBe('search');
    await page.close();
  });

  it('steps to the next and previous name on the page', async () => {
    const page = await openPage();
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await pressCommand('next-mention');
    await waitForCard(page, (c) => c.name === 'Tencent');
    await pressCommand('next-mention');
    await waitForCard(page, (c) => c.name === 'Baidu');
    await pressCommand('next-mention');
    await waitForCard(page, (c) => c.name === 'ByteDance');
    await pressCommand('previous-mention');
    await waitForCard(page, (c) => c.name === 'Baidu');
    await page.close();
  });
});

describe('changes made in the popup reach open pages without a reload', () => {
  it('a new entity gets underlined, and deleting it removes the underline', async () => {
    const page = await openPage();
    expect(await highlightedTexts(page)).not.toContain('Zorblax Systems');
    const popup = await openPopup(session);
    const entity = {
      name: 'Zorblax Systems',
      type: 'organization',
      aliases: [],
      followups: [],
      exact: [],
      summary: { en: 'A company made up for this test.' },
      facts: [],
      links: [],
      related: [],
      tags: [],
    };
    const { id } = await call<{ id: string }>(popup, 'saveEntity', { entity });
    await expect
      .poll(() => highlightedTexts(page), { timeout: 5_000 })
      .toContain('Zorblax Systems');
    await call(popup, 'deleteEntity', { id });
    await expect
      .poll(() => highlightedTexts(page), { timeout: 5_000 })
      .not.toContain('Zorblax Systems');
    await popup.close();
    await page.close();
  });
});

describe('discreet mode', () => {
  it('draws nothing the page could read, and hovering a name still shows its card', async () => {
    const page = await openPage();
    const popup = await openPopup(session);
    const setDiscreet = (on: boolean) =>
      writeSettings(popup, { discreetMode: on, hoverDelayMs: 100 });
    await setDiscreet(true);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 5_000 }).toBe(0);
    const point = await page.evaluate(() => {
      const text = document.querySelector('#first')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 3);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    await waitForCard(page, (card) => card.name === 'Tencent');
    await setDiscreet(false);
    await expect.poll(() => highlightedTexts(page), { timeout: 5_000 }).toContain('Tencent');
    await popup.close();
    await page.close();
  });
});

describe('underline style', () => {
  it('redraws the same names in the chosen style at once, and draws nothing for "none"', async () => {
    const page = await openPage();
    const popup = await openPopup(session);
    const setStyle = (style: string) => writeSettings(popup, { underlineStyle: style });
    // Each style is its own highlight name, styled by the stylesheet the browser injected.
    const drawnUnder = () =>
      page.evaluate(() =>
        [...CSS.highlights.keys()].map((name) => `${name}:${CSS.highlights.get(name)!.size}`),
      );
    const before = await drawnUnder();
    expect(before).toHaveLength(1);
    const count = before[0]!.split(':')[1];
    await setStyle('wavy');
    await expect.poll(drawnUnder, { timeout: 5_000 }).toEqual([`backstory-mention-wavy:${count}`]);
    await setStyle('none');
    await expect.poll(drawnUnder, { timeout: 5_000 }).toEqual([]);
    await setStyle('dotted');
    await expect.poll(drawnUnder, { timeout: 5_000 }).toEqual([`backstory-mention:${count}`]);
    await popup.close();
    await page.close();
  });
});
