import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Finds a browser the way a reader's machine has one: the environment variable first, then the
 * system browser, then a browser Playwright downloaded (never downloaded here). Throws a message
 * that says how to install one.
 */
const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

function playwrightChromium(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CHROME_CANDIDATES.find((path) => existsSync(path)) ?? playwrightChromium();
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) ' +
      'or set CHROME_PATH to its executable.',
  );
}

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = FIREFOX_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Firefox found. Install one (Debian/Ubuntu: sudo apt-get install -y firefox-esr) ' +
      'or set FIREFOX_PATH to its executable.',
  );
}
