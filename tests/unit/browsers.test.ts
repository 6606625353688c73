import { afterEach, describe, expect, it } from 'vitest';
import { findChrome, findFirefox } from '../support/browsers';

const saved = { chrome: process.env.CHROME_PATH, firefox: process.env.FIREFOX_PATH };
afterEach(() => {
  process.env.CHROME_PATH = saved.chrome;
  process.env.FIREFOX_PATH = saved.firefox;
  if (saved.chrome === undefined) delete process.env.CHROME_PATH;
  if (saved.firefox === undefined) delete process.env.FIREFOX_PATH;
});

describe('browser discovery', () => {
  it('takes CHROME_PATH / FIREFOX_PATH first', () => {
    process.env.CHROME_PATH = process.execPath;
    process.env.FIREFOX_PATH = process.execPath;
    expect(findChrome()).toBe(process.execPath);
    expect(findFirefox()).toBe(process.execPath);
  });

  it('says what is wrong when the variable points nowhere', () => {
    process.env.CHROME_PATH = '/nowhere/chromium';
    process.env.FIREFOX_PATH = '/nowhere/firefox';
    expect(() => findChrome()).toThrow(
      'CHROME_PATH points at /nowhere/chromium, which does not exist.',
    );
    expect(() => findFirefox()).toThrow(
      'FIREFOX_PATH points at /nowhere/firefox, which does not exist.',
    );
  });
});
