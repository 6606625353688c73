import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../../support/chromium';

/** The toolbar popup's size, so screenshots show what a reader sees. */
export const POPUP_VIEWPORT = { width: 380, height: 600 };

const TIMEOUT = 10_000;

/** Writes a pack file with `entities` into `folder` and returns its path. */
export function writePackFile(folder: string, name: string, entities: unknown[]): string {
  const path = join(folder, name);
  const pack = {
    format: 'backstory-pack',
    version: 1,
    id: 'e2e-pack',
    title: 'E2E pack',
    entities,
  };
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

/** The message keys of a locale's messages.json. */
export function localeKeys(lang: string): string[] {
  const path = `public/_locales/${lang}/messages.json`;
  return Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).sort();
}

/** Opens `url` in a tab, waits until Backstory marked a name there, and returns it and its id. */
export async function openArticle(
  session: ExtensionSession,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const marked = () => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0;
  await page.waitForFunction(marked, undefined, { timeout: TIMEOUT });
  const probe = await PopupDriver.open(session);
  const tabId = await probe.tabIdOf(url);
  await probe.close();
  return { page, tabId };
}

/**
 * Drives the popup page in a normal tab, the way a reader uses it: by the accessible names of its
 * controls (so a control without a label cannot be driven, and the test says so).
 */
export class PopupDriver {
  private constructor(readonly page: Page) {}

  /** Opens the popup page; `query` such as `?view=tab&new=Acme`. Waits for the status line. */
  static async open(session: ExtensionSession, query = ''): Promise<PopupDriver> {
    const page = await session.context.newPage();
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.goto(session.popupUrl + query);
    const driver = new PopupDriver(page);
    await driver.page.getByTestId('kb-status').waitFor({ timeout: TIMEOUT });
    return driver;
  }

  /** Clicks "Open in a tab" and returns the tab that opened. */
  async openInTab(): Promise<Page> {
    const opened = this.page.context().waitForEvent('page');
    await this.button('Open in a tab').click();
    const tab = await opened;
    await tab.waitForLoadState();
    return tab;
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByTestId('kb-status').waitFor({ timeout: TIMEOUT });
  }

  close(): Promise<void> {
    return this.page.close();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async selectTab(name: string): Promise<void> {
    await this.tab(name).click();
  }

  /** The visible tab panel (hidden panels are not in the accessibility tree). */
  panel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  async search(text: string): Promise<void> {
    await this.selectTab('Knowledge base');
    await this.page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill(text);
  }

  results(): Locator {
    return this.page.getByRole('list', { name: 'Search results' }).getByRole('button');
  }

  /** Names in the result list once it settled on `query`'s answer. */
  async resultNames(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'Search results' })
      .locator('.row-name')
      .allTextContents()
      .catch(() => []);
  }

  async openResult(name: string): Promise<void> {
    await this.results().filter({ hasText: name }).first().click();
    await this.field('Name').waitFor({ timeout: TIMEOUT });
    // The entity is loaded when its name is in the field.
    await this.page.waitForFunction(
      (expected) =>
        (document.querySelector('.editor input') as HTMLInputElement | null)?.value === expected,
      name,
      { timeout: TIMEOUT },
    );
  }

  /** Searches for `name` and opens it in the editor. */
  async openEntity(name: string): Promise<void> {
    await this.search(name);
    await this.openResult(name);
  }

  /** Clicks an export button and returns the downloaded file's name and parsed JSON. */
  async download(button: string): Promise<{ fileName: string; json: unknown }> {
    await this.selectTab('Import/Export');
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(button).click(),
    ]);
    const json: unknown = JSON.parse(readFileSync(await file.path(), 'utf8'));
    return { fileName: file.suggestedFilename(), json };
  }

  /** Presses keys in turn and returns the name of the tab focused afterwards. */
  async pressKeys(...keys: string[]): Promise<string | null> {
    for (const key of keys) await this.page.keyboard.press(key);
    return this.focusedTab();
  }

  /** Writes a pack of `entities` to `folder/name` and chooses it in the Import/Export tab. */
  async importPack(folder: string, name: string, entities: unknown[]): Promise<void> {
    await this.selectTab('Import/Export');
    await this.page
      .locator('input[type=file]')
      .setInputFiles(writePackFile(folder, name, entities));
  }

  /** The name of the focused tab, or null when focus is not on a tab. */
  focusedTab(): Promise<string | null> {
    return this.page.evaluate(() =>
      document.activeElement?.getAttribute('role') === 'tab'
        ? document.activeElement.textContent
        : null,
    );
  }

  /** A field of the editor (or of `scope`, e.g. one link's group) by its label. */
  field(label: string, scope: Locator | Page = this.page): Locator {
    return scope.getByLabel(label, { exact: true });
  }

  group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  button(name: string, scope: Locator | Page = this.page): Locator {
    return scope.getByRole('button', { name, exact: true });
  }

  toast(): Locator {
    return this.page.getByRole('status').filter({ has: this.page.locator('.toast') });
  }

  /** The inline message shown under an invalid field. */
  errorOf(control: Locator): Locator {
    return control.locator('xpath=..').locator('.field-error');
  }

  /** Drops a file onto the import drop zone as a reader dragging it from a file manager would. */
  async dropFile(name: string, text: string): Promise<void> {
    await this.selectTab('Import/Export');
    const selector = '.drop-zone';
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], fileName));
        return transfer;
      },
      [name, text] as const,
    );
    await this.page.locator(selector).dispatchEvent('dragover', { dataTransfer });
    await this.page.locator(selector).dispatchEvent('drop', { dataTransfer });
  }

  /** The id of the tab showing `url`, asked through the extension's own tabs API. */
  async tabIdOf(url: string): Promise<number> {
    const id = await this.page.evaluate(async (wanted) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
        }
      ).chrome;
      return (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`No tab shows ${url}`);
    return id;
  }

  async screenshot(view: string): Promise<void> {
    // Switches and progress bars animate for 0.2 s; show where they end.
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: `artifacts/popup-${view}.png` });
  }
}
