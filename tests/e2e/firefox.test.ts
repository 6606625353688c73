import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirefox } from '../support/browsers';
import { serveFolder, type FixtureServer } from '../support/fixture-server';

// Smoke suite in real Firefox over WebDriver BiDi (no geckodriver on these machines; toolchain.md).
const GECKO_ID = 'backstory@backstory.invalid';
const UUID = '6d1c3f55-3a1e-4a7e-9c1b-5b0d2a7c9e41';

let browser: Browser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFolder('tests/e2e/pages');
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Firefox build', () => {
  it('installs, and its content script annotates a page through the background', async () => {
    const id = await browser.installExtension(resolve('dist-firefox'));
    expect(id).toBe(GECKO_ID);
    const page = await browser.newPage();
    await page.goto(server.url('roundtrip.html'));
    await page.waitForFunction(
      () => {
        const highlight = CSS.highlights.get('backstory-mention');
        return (
          highlight !== undefined && [...highlight].some((range) => String(range) === 'Alibaba')
        );
      },
      { timeout: 20_000, polling: 200 },
    );
  });
});
