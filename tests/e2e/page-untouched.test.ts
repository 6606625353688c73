import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChrome } from '../support/browsers';
import { chromeArgs, launchWithExtension, type ExtensionSession } from '../support/chromium';
import { serveFolder, type FixtureServer } from '../support/fixture-server';
import { highlightedTexts } from './support/reader';

/**
 * Backstory draws with the CSS Custom Highlight API so that the page stays exactly as its authors
 * built it (experience.md: the page "does not move by a pixel"). The same article is loaded by a
 * Chromium without the extension and by one with it; after annotation, the two must not differ.
 */

const PAGE = 'de-article.html';
const VIEWPORT = { width: 1280, height: 900 };

interface Snapshot {
  bodyHtml: string;
  /** The body right after parsing, before Backstory's content script could run. */
  parsedBody: string;
  /** Every element of the document (open shadow roots included) with its attributes. */
  elements: string[];
  /** What a MutationObserver saw after the parser finished: only Backstory could cause it. */
  mutations: string[];
  /** Each paragraph's box, then the boxes of its text (one per line and inline fragment). */
  paragraphs: number[][][];
  /** The page's style sheets: linked, inline and adopted. */
  styleSheets: { linked: number; adopted: number };
}

// Installed before the page's own scripts. Once parsing is done it keeps the body as parsed
// (content scripts run later, at document_idle) and starts observing, so that the parser's
// insertions are not counted and any later change to the DOM is.
function observeMutations(): void {
  const seen: string[] = [];
  const store = window as unknown as { __mutations: string[]; __parsedBody: string };
  store.__mutations = seen;
  document.addEventListener('DOMContentLoaded', () => {
    store.__parsedBody = document.body.innerHTML;
    new MutationObserver((records) => {
      for (const r of records) {
        const added = [...r.addedNodes].map((n) => n.nodeName).join(',');
        const removed = [...r.removedNodes].map((n) => n.nodeName).join(',');
        seen.push(
          `${r.type} on ${r.target.nodeName} ${r.attributeName ?? ''} +${added} -${removed}`,
        );
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const elements: string[] = [];
    const walk = (root: Document | ShadowRoot, prefix: string) => {
      for (const el of root.querySelectorAll('*')) {
        const attributes = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
        elements.push(`${prefix}${el.tagName} ${attributes.join(' ')}`);
        if (el.shadowRoot) walk(el.shadowRoot, `${prefix}${el.tagName}>`);
      }
    };
    walk(document, '');
    // The text's own boxes too: an inline change can shift words without moving the block.
    const boxes = (rects: Iterable<DOMRect>) =>
      [...rects].map((r) => [r.x, r.y, r.width, r.height]);
    const paragraphs = [...document.querySelectorAll('p')].map((p) => {
      const text = document.createRange();
      text.selectNodeContents(p);
      return [...boxes([p.getBoundingClientRect()]), ...boxes(text.getClientRects())];
    });
    const store = window as unknown as { __mutations?: string[]; __parsedBody?: string };
    return {
      bodyHtml: document.body.innerHTML,
      parsedBody: store.__parsedBody ?? '',
      elements,
      mutations: [...(store.__mutations ?? [])],
      paragraphs,
      styleSheets: {
        linked: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
      },
    };
  });
}

/** Loads the page at the top, with its fonts ready, as both browsers must see it. */
async function load(page: Page, url: string): Promise<void> {
  await page.addInitScript(observeMutations);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

let server: FixtureServer;
let plain: Browser;
let session: ExtensionSession;
let without: Snapshot;
let withExtension: Snapshot;
let annotated: string[];

beforeAll(async () => {
  server = await serveFolder('tests/e2e/fixtures');
  // Same binary, flags and viewport as the extension's browser, minus the extension: any layout
  // difference then comes from Backstory, not from the browsers.
  const extensionFlags = /^--(load-extension|disable-extensions-except)=/;
  plain = await chromium.launch({
    executablePath: findChrome(),
    headless: false,
    args: ['--headless=new', ...chromeArgs('').filter((flag) => !extensionFlags.test(flag))],
  });
  const plainPage = await (await plain.newContext({ viewport: VIEWPORT })).newPage();
  await load(plainPage, server.url(PAGE));
  without = await snapshot(plainPage);

  session = await launchWithExtension();
  const page = await session.context.newPage(); // the same 1280×900 viewport (chromium.ts)
  await load(page, server.url(PAGE));
  // Annotated means: drawn, and the drawing has stopped changing for a second.
  const deadline = Date.now() + 15_000;
  let last = '';
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const now = JSON.stringify(await highlightedTexts(page));
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (now !== '[]' && Date.now() - stableSince >= 1_000) break;
    await page.waitForTimeout(100);
  }
  annotated = JSON.parse(last) as string[];
  withExtension = await snapshot(page);
});

afterAll(async () => {
  await session?.close();
  await plain?.close();
  await server?.close();
});

describe(`${PAGE} with and without Backstory`, () => {
  it('was annotated (otherwise the comparisons below would prove nothing)', () => {
    expect(annotated.length).toBeGreaterThan(0);
  });

  it('has the same body markup as before Backstory ran, and as without it', () => {
    expect(withExtension.parsedBody).not.toBe('');
    expect(withExtension.bodyHtml).toBe(withExtension.parsedBody);
    expect(withExtension.bodyHtml).toBe(without.bodyHtml);
  });

  it('has no element or attribute added, anywhere in the document', () => {
    expect(withExtension.elements).toEqual(without.elements);
  });

  it('has no style sheet added: drawing never makes the page restyle itself', () => {
    expect(withExtension.styleSheets).toEqual(without.styleSheets);
  });

  it('saw no DOM mutation after parsing', () => {
    expect(withExtension.mutations).toEqual(without.mutations);
  });

  it('lays out every paragraph and its lines of text in exactly the same boxes', () => {
    expect(withExtension.paragraphs.length).toBeGreaterThan(0);
    expect(withExtension.paragraphs).toEqual(without.paragraphs);
  });
});
