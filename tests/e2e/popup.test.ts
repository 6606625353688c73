import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../support/chromium';
import { serveFolder, type FixtureServer } from '../support/fixture-server';
import { highlightedTexts } from './support/page-probes';
import { localeKeys, openArticle, PopupDriver } from './support/popup-driver';

let session: ExtensionSession;
let server: FixtureServer;
let files: string;
beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'backstory-popup-'));
  server = await serveFolder('tests/e2e/pages');
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(files, { recursive: true, force: true });
});

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

describe('the popup: knowledge base', () => {
  it('finds a seed entity as the reader types', async () => {
    const popup = await PopupDriver.open(session);
    await popup.search('Tsai');
    await poll(() => popup.resultNames()).toContain('Joe Tsai');
    await popup.screenshot('knowledge-base');
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await popup.search('');
    await poll(() => popup.results().count()).toBeGreaterThan(10);
    await popup.screenshot('knowledge-base-dark');
    await popup.close();
  });

  it('creates a new entity that is then found by search', async () => {
    const popup = await PopupDriver.open(session);
    await popup.selectTab('Knowledge base');
    await popup.button('New entity').click();
    await popup.field('Name').fill('Quillfeather Analytics');
    await popup.field('Type').selectOption('organization');
    await popup.field('Aliases').fill('Quillfeather\nQFA');
    await popup.field('Summary in English').fill('A made-up analytics firm used by the tests.');
    await popup.screenshot('editor');
    await popup.button('Save').click();
    await poll(() => popup.toast().textContent()).toContain('Saved “Quillfeather Analytics”');
    await popup.search('quillfeather');
    await poll(() => popup.resultNames()).toEqual(['Quillfeather Analytics']);
    await popup.close();
  });

  it('keeps an edited note on a pack entity after a reload', async () => {
    const popup = await PopupDriver.open(session);
    await popup.openEntity('Joe Tsai');
    await popup.field('My note').fill('Met him at the Hangzhou conference.');
    await popup.button('Save').click();
    await poll(() => popup.toast().textContent()).toContain('Saved');
    await popup.reload();
    await popup.openEntity('Joe Tsai');
    expect(await popup.field('My note').inputValue()).toBe('Met him at the Hangzhou conference.');
    await popup.close();
  });

  it('refuses a javascript: link with a message next to the field', async () => {
    const popup = await PopupDriver.open(session, '?view=tab&new=Sneaky%20Link%20Corp');
    expect(await popup.field('Name').inputValue()).toBe('Sneaky Link Corp');
    await popup.button('Add link').click();
    await popup.field('Label', popup.group('Link 1')).fill('Click me');
    const url = popup.field('Address', popup.group('Link 1'));
    await url.fill('javascript:alert(1)');
    await url.press('Tab');
    await poll(() => popup.errorOf(url).textContent()).toContain('https://');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await popup.button('Save').click();
    await poll(() => popup.page.getByRole('alert').textContent()).toContain('Not saved');
    await popup.button('Cancel').click();
    await popup.search('Sneaky');
    await poll(() => popup.page.locator('.result-count').textContent()).toBe('0 found');
    await popup.close();
  });

  it('deletes an entity and brings it back with Undo', async () => {
    const popup = await PopupDriver.open(session);
    await popup.openEntity('Joe Tsai');
    await popup.button('Delete').click();
    await poll(() => popup.toast().textContent()).toContain('Deleted “Joe Tsai”');
    await poll(() => popup.resultNames()).not.toContain('Joe Tsai');
    await popup.screenshot('undo-toast');
    await popup.button('Undo').click();
    await poll(() => popup.toast().textContent()).toContain('Restored');
    await poll(() => popup.resultNames()).toContain('Joe Tsai');
    await popup.close();
  });
});

describe('the popup: import and export', () => {
  it('imports a pack file with progress, and its entities are searchable', async () => {
    const popup = await PopupDriver.open(session);
    await popup.importPack(files, 'e2e-pack.json', [
      { id: 'marmot-motors', name: 'Marmot Motors', type: 'organization', aliases: ['Marmot'] },
      { id: 'pika-phones', name: 'Pika Phones', type: 'product' },
    ]);
    const bar = popup.page.getByRole('progressbar', { name: 'Import of e2e-pack.json' }).first();
    await poll(() => bar.getAttribute('aria-valuenow')).toBe('100');
    await poll(() => popup.panel().textContent()).toContain('Done: 2 entities');
    await poll(() => popup.panel().textContent()).toContain('E2E pack');
    await popup.screenshot('import-export');
    await popup.search('Marmot');
    await poll(() => popup.resultNames()).toEqual(['Marmot Motors']);
    await popup.close();
  });

  it('imports a CSV file dropped onto the drop zone', async () => {
    const popup = await PopupDriver.open(session);
    const csv = 'name,aliases,type,summary\nWombat Works,Wombat;WW,organization,Robots.\n';
    await popup.dropFile('wombat-sheet.csv', csv);
    await poll(() => popup.panel().textContent()).toContain('Done: 1 entity');
    await popup.search('Wombat');
    await poll(() => popup.resultNames()).toEqual(['Wombat Works']);
    await popup.close();
  });

  it('shows why a pack was refused, naming the entity and the field', async () => {
    const popup = await PopupDriver.open(session);
    const link = { label: 'x', url: 'javascript:1' };
    await popup.importPack(files, 'bad-pack.json', [
      { id: 'fine-one', name: 'Fine One', type: 'person' },
      { id: 'bad-one', name: 'Bad One', type: 'person', links: [link] },
    ]);
    await poll(() => popup.panel().textContent()).toContain('Not imported');
    const text = await popup.panel().textContent();
    expect(text).toContain('entity 2 (id "bad-one")');
    expect(text).toContain('links.0.url');
    await popup.close();
  });

  it('exports everything as a pack file download', async () => {
    const popup = await PopupDriver.open(session);
    const { fileName, json } = await popup.download('Export everything');
    expect(fileName).toMatch(/^backstory-my-knowledge-base-.*\.json$/);
    expect(json).toMatchObject({ format: 'backstory-pack', version: 1 });
    expect(JSON.stringify(json)).toContain('"name":"Joe Tsai"');
    await popup.close();
  });
});

describe('the popup: settings, keyboard and languages', () => {
  it('keeps the hover delay and discreet mode after a reload', async () => {
    const popup = await PopupDriver.open(session);
    await popup.selectTab('Settings');
    await popup.field('Hover delay').focus();
    // One step at a time, each stored before the next, as a reader pressing the key twice would.
    const storedDelay = () =>
      popup.page.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        };
        const { settings } = await chrome.storage.local.get('settings');
        return (settings as { hoverDelayMs?: number } | undefined)?.hoverDelayMs;
      });
    await popup.pressKeys('ArrowRight');
    await poll(storedDelay).toBe(350);
    await popup.pressKeys('ArrowRight');
    await poll(storedDelay).toBe(400);
    await poll(() => popup.panel().locator('output').textContent()).toBe('400 ms');
    await popup.field('Discreet mode').check();
    await popup.screenshot('settings');
    await popup.reload();
    await popup.selectTab('Settings');
    expect(await popup.field('Hover delay').inputValue()).toBe('400');
    expect(await popup.field('Discreet mode').isChecked()).toBe(true);
    await popup.field('Discreet mode').uncheck();
    await popup.close();
  });

  it('reaches the tabs with Tab and switches them with the arrow keys', async () => {
    const popup = await PopupDriver.open(session);
    for (let i = 0; i < 5 && !(await popup.focusedTab()); i++) await popup.pressKeys('Tab');
    expect(await popup.focusedTab()).toBe('On this page');
    // The focus ring is visible: keyboard focus draws an outline.
    const outline = () => getComputedStyle(document.activeElement!).outlineStyle;
    expect(await popup.page.evaluate(outline)).not.toBe('none');
    expect(await popup.pressKeys('ArrowRight')).toBe('Knowledge base');
    expect(await popup.tab('Knowledge base').getAttribute('aria-selected')).toBe('true');
    expect(await popup.pressKeys('End')).toBe('Settings');
    expect(await popup.pressKeys('ArrowRight')).toBe('On this page');
    expect(await popup.pressKeys('ArrowLeft')).toBe('Settings');
    await popup.pressKeys('Tab');
    const panel = () => document.activeElement?.closest('[role=tabpanel]')?.id;
    expect(await popup.page.evaluate(panel)).toBe('panel-settings');
    await popup.close();
  });

  it('speaks German when the reader chooses it, and has every string in both languages', async () => {
    expect(localeKeys('de')).toEqual(localeKeys('en'));
    const popup = await PopupDriver.open(session);
    await popup.selectTab('Settings');
    await popup.field('Language of Backstory').selectOption('de');
    await popup.tab('Optionen').waitFor({ timeout: 10_000 });
    expect(await popup.page.getAttribute('html', 'lang')).toBe('de');
    await poll(() => popup.page.getByTestId('kb-status').textContent()).toMatch(/Einträge in/);
    await popup.field('Sprache von Backstory').selectOption('auto');
    await popup.tab('Settings').waitFor({ timeout: 10_000 });
    await popup.close();
  });

  it('opens itself in a full tab', async () => {
    const popup = await PopupDriver.open(session);
    const tab = await popup.openInTab();
    expect(new URL(tab.url()).searchParams.get('view')).toBe('tab');
    await tab.close();
    await popup.close();
  });
});

describe('the popup: on this page', () => {
  let article: { page: Page; tabId: number } | undefined;
  const open = async () => (article ??= await openArticle(session, server.url('roundtrip.html')));
  afterAll(() => article?.page.close());

  it('pauses and resumes Backstory on the site, and the open page follows at once', async () => {
    const { page, tabId } = await open();
    const popup = await PopupDriver.open(session, `?tab=${tabId}`);
    for (const pause of ['Pause on 127.0.0.1', 'Pause everywhere']) {
      await popup.field(pause).check();
      await poll(() => highlightedTexts(page)).toEqual([]);
      await popup.field(pause).uncheck();
      await poll(() => highlightedTexts(page)).toEqual(['Alibaba']);
    }
    await popup.field('Pause on 127.0.0.1').check();
    await popup.selectTab('Settings');
    await popup.button('Resume on 127.0.0.1').click();
    await poll(() => highlightedTexts(page)).toEqual(['Alibaba']);
    await popup.close();
  });

  it('lists the names found on the page, and choosing one brings its page to the front', async () => {
    const { page, tabId } = await open();
    const popup = await PopupDriver.open(session, `?tab=${tabId}`);
    await poll(() => popup.panel().textContent()).toContain('Alibaba Group');
    await popup.screenshot('on-this-page');
    await popup.close();
    // In a full tab the reader stays in Backstory's tab; choosing a name shows its page.
    const wide = await PopupDriver.open(session, `?view=tab&tab=${tabId}`);
    await wide.selectTab('On this page');
    await wide.button('Alibaba Group Organization 1 mention').click();
    await poll(() => page.evaluate(() => document.visibilityState)).toBe('visible');
    await wide.close();
  });

  it('says so in a full tab without a page to talk about', async () => {
    const popup = await PopupDriver.open(session, '?view=tab');
    await popup.selectTab('On this page');
    await poll(() => popup.panel().textContent()).toContain('Open Backstory from the toolbar');
    await popup.close();
  });
});
