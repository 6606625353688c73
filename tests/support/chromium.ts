import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChrome } from './browsers';

export const DIST = resolve('dist');

/** Flags verified on these machines (toolchain.md); the first two load the unpacked build. */
export function chromeArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  popupUrl: string;
  close: () => Promise<void>;
}

/** The popup's page, opened in a tab of the session (it runs there as in the toolbar). */
export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.popupUrl);
  return page;
}

export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string } = {},
): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? DIST;
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    // The new headless mode runs extensions; Playwright's own headless flag would pick the old one.
    headless: false,
    args: [...(headless ? ['--headless=new'] : []), ...chromeArgs(extensionDir)],
    viewport: { width: 1280, height: 900 },
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
  };
  return {
    context,
    worker,
    extensionId,
    popupUrl: `chrome-extension://${extensionId}/${manifest.action.default_popup}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops every service worker through CDP, as Chrome does to an idle MV3 worker, and waits until
 * Chrome reports our worker's version as stopped (so a test knows the next message wakes it anew).
 */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([
    stopped,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('The service worker did not stop.')), 10_000),
    ),
  ]);
  await cdp.detach();
}
