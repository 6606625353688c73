import { readFileSync } from 'node:fs';
import type { Frame, JSHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { launchWithExtension, openPopup, type ExtensionSession } from '../support/chromium';
import { serveFolder, type FixtureServer } from '../support/fixture-server';
import {
  captureRanges,
  describePoint,
  highlightedTexts,
  hoverAndReadCard,
  inspectElement,
  locateText,
  parkMouse,
  type Located,
} from './support/reader';

/** One case of tests/e2e/fixtures/expectations.json (fields explained in its README). */
interface Case {
  page: string;
  find: string;
  target: string;
  expect: string | null;
  rule: number;
  candidates?: string[];
  frame?: string;
  shadow?: boolean;
  selector?: string;
  rendered?: boolean;
  steps?: string[];
  removed?: boolean;
  note?: string;
}

const FIXTURES = 'tests/e2e/fixtures';
const CASES = JSON.parse(readFileSync(`${FIXTURES}/expectations.json`, 'utf8')) as Case[];
const PAGES = [...new Set(CASES.map((c) => c.page))];

// Waits, from the README and matching.md rule 10.
const APPEAR_MS = 10_000; // text that is not on the page yet (the ticker's timer, a route change)
const ANNOTATE_MS = 1_000; // text added or changed is annotated within one second
// Upper bound for a card that should open; the wait returns as soon as it does. Generous because
// CI runs two browsers on two cores; how fast a card opens is the card bench's business.
const CARD_MS = 3_000;
// A trap waits for no card four times as long as the slowest card seen so far took to open,
// within these bounds; before any card was seen, the upper one (above the default 300 ms intent
// delay, in case the hoverDelayMs setting written below is not honoured).
const NO_CARD_MS = { min: 500, max: 1_000 };
let slowestCardMs: number | null = null;
const trapWaitMs = () =>
  slowestCardMs === null
    ? NO_CARD_MS.max
    : Math.min(NO_CARD_MS.max, Math.max(NO_CARD_MS.min, 4 * slowestCardMs));
const CHOOSER_SETTLE_MS = 400; // a chooser may fill in after the card's first paint

let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFolder(FIXTURES);
  session = await launchWithExtension();
  // The reader's setting, written as the popup would: no intent delay keeps 160 hovers fast.
  const popup = await openPopup(session);
  await popup.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(items: object): Promise<void> } } };
    };
    return chrome.storage.local.set({ settingsVersion: 2, settings: { hoverDelayMs: 0 } });
  });
  await popup.close();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Polls `probe` until `done` holds or `ms` pass; returns the last value either way. */
async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

/** One tab per page; reloaded only when a case needs other steps than the ones already run. */
class Tab {
  page!: Page;
  private applied = '';
  /** The ranges that drew a `removed` case's text just before the step that removed it. */
  captured: JSHandle<AbstractRange[]> | null = null;

  constructor(readonly name: string) {}

  async open(): Promise<void> {
    this.page = await session.context.newPage();
    await this.load();
  }

  /** Loads the page and waits (softly) until its first annotation has settled. */
  private async load(): Promise<void> {
    await this.page.goto(server.url(this.name), { waitUntil: 'load' });
    this.applied = '[]';
    let last = -1;
    await waitFor(
      async () => {
        const count = (await highlightedTexts(this.page)).length;
        const stable = count > 0 && count === last;
        last = count;
        return stable;
      },
      (stable) => stable,
      APPEAR_MS,
    );
  }

  async prepare(c: Case): Promise<void> {
    const steps = JSON.stringify(c.steps ?? []);
    this.captured = null;
    // A removal with steps starts from a fresh load, to see its text drawn before it goes.
    if (steps === this.applied && !(c.removed && c.steps)) return;
    if (this.applied !== '[]' || c.removed) await this.load();
    for (const step of c.steps ?? []) {
      if (c.removed) await this.capture(c);
      // `void`: a step may return a DOM node, which cannot travel back to the test.
      await this.page.evaluate(`void (${step})`);
    }
    this.applied = steps;
  }

  /** Keeps the ranges drawing a removal's text, if it is there (a step may bring it first). */
  private async capture(c: Case): Promise<void> {
    const scope = await scopeOf(this.page, c);
    if (!(await locateText(scope, c))) return;
    const drawn = (at: Located | null) => at?.highlighted ?? false;
    if (drawn(await waitFor(() => locateText(scope, c), drawn, ANNOTATE_MS)))
      this.captured = await captureRanges(scope, c);
  }
}

async function scopeOf(page: Page, c: Case): Promise<Page | Frame> {
  if (!c.frame) return page;
  const element = await page.waitForSelector(`#${c.frame}`);
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`#${c.frame} is not a frame`);
  return frame;
}

/**
 * Form fields show their text outside the DOM's text nodes: point where a reader sees it, at the
 * start of the field's first line, once we know the field does hold the phrase.
 */
async function fieldPoint(scope: Page | Frame, c: Case): Promise<Located | null> {
  return scope.evaluate(
    ([selector, find]) => {
      const field = document.querySelector(selector);
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
        if (!(field instanceof HTMLSelectElement)) return null;
        if (!(field.selectedOptions[0]?.text ?? '').includes(find)) return null;
      } else if (!field.value.includes(find)) return null;
      field.scrollIntoView({ block: 'center' });
      const box = field.getBoundingClientRect();
      const x = box.left + Math.min(30, box.width / 2);
      return { x, y: box.top + Math.min(12, box.height / 2), highlighted: false };
    },
    [c.selector!, c.find] as const,
  );
}

const isField = (scope: Page | Frame, selector: string) =>
  scope.evaluate((s) => !!document.querySelector(s)?.matches('input, textarea, select'), selector);

/** Whitespace and soft hyphens as the README's `find` writes them. */
const norm = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function checkCase(tab: Tab, c: Case, context: TestContext): Promise<void> {
  await tab.prepare(c);
  const scope = await scopeOf(tab.page, c);

  if (c.rendered === false) {
    // Nothing to hover (script, style, noscript, template): no range may lie inside the element.
    await waitFor(
      () => highlightedTexts(tab.page),
      (t) => t.length > 0,
      APPEAR_MS,
    );
    const element = await inspectElement(scope, c.selector!);
    expect(element?.text, `${c.selector} should hold the phrase`).toContain(c.find);
    expect(element?.drawnInside, `highlight ranges inside ${c.selector}`).toBe(0);
    return;
  }

  if (c.removed) {
    const gone = await waitFor(
      () => locateText(scope, c),
      (at) => at === null,
      APPEAR_MS,
    );
    expect(gone, `"${c.find}" should disappear from the page`).toBeNull();
    if (!tab.captured) await note(context, `"${c.target}" was not seen drawn before it went`);
    else expect(await highlightedTexts(scope, tab.captured), 'its old ranges').toEqual([]);
    const drawn = (await highlightedTexts(scope)).map(norm);
    expect(drawn, 'drawn ranges with the removed text').not.toContain(c.target);
    return;
  }

  const field = c.selector ? await isField(scope, c.selector) : false;
  const query = { ...c, within: field ? undefined : c.selector };
  const locate = () => (field ? fieldPoint(scope, c) : locateText(scope, query));
  let point = await locate();
  // Text that arrives later (timer, route change) gets the README's 10 s, then rule 10's 1 s.
  const late = point === null || c.steps !== undefined;
  if (point === null) point = await waitFor(locate, (at) => at !== null, APPEAR_MS);
  expect(point, `"${c.find}" not found on the page`).not.toBeNull();
  if (late && c.expect !== null && !field)
    point = await waitFor(locate, (at) => at?.highlighted ?? false, ANNOTATE_MS);
  const at = point!;

  const parked = await parkMouse(tab.page);
  const card = await hoverAndReadCard(tab.page, at, {
    timeoutMs: c.expect === null ? trapWaitMs() : CARD_MS,
    settleMs: c.candidates ? CHOOSER_SETTLE_MS : undefined,
  });
  const drawn = field ? [] : await highlightedTexts(scope);
  const near = drawn.filter((text) => c.find.includes(norm(text)));
  let why =
    (parked ? '' : 'the previous card did not close; ') +
    `target ${at.highlighted ? 'highlighted' : 'NOT highlighted'}; ` +
    `drawn in find: ${JSON.stringify(near)}; cards: ${JSON.stringify(card.names)}`;
  if (c.expect === null) {
    expect(card.names, why).toEqual([]);
    return;
  }
  if (card.names.length === 0) why += `; ${await describePoint(tab.page, at)}`;
  expect(card.names, why).toEqual([c.expect]);
  slowestCardMs = Math.max(slowestCardMs ?? 0, card.latencyMs ?? 0);
  if (card.latencyMs !== null && card.latencyMs > 250)
    await note(context, `card opened after ${card.latencyMs} ms (hover delay 0 not honoured?)`);
  if (c.candidates) {
    // Rule 11: a chooser must offer every candidate in order; without one, only the first shows.
    if (card.choices.length > 0) expect(card.choices, 'chooser options').toEqual(c.candidates);
    else await note(context, `no chooser in the card; expected ${c.candidates.join(', ')}`);
  }
}

/** Recorded in the report and printed, since reporters show annotations of failed tests only. */
async function note(context: TestContext, message: string): Promise<void> {
  console.warn(message);
  await context.annotate(message);
}

function title(c: Case): string {
  const marked = c.find.replace(c.target, `[${c.target}]`);
  const after = c.steps ? ` after ${c.steps.join('; ')}` : '';
  const where = c.frame ? ` in #${c.frame}` : c.shadow ? ' in shadow DOM' : '';
  const outcome =
    c.rendered === false
      ? `nothing drawn in ${c.selector}`
      : c.removed
        ? 'no longer drawn'
        : (c.expect ?? 'no card');
  return `rule ${c.rule}: "${marked}"${where}${after} → ${outcome}`;
}

for (const name of PAGES) {
  describe(name, () => {
    const tab = new Tab(name);
    beforeAll(async () => {
      await tab.open();
      await tab.page.bringToFront(); // pointer events and animation frames need a visible tab
    });
    afterAll(async () => {
      await tab.page?.close();
    });
    const seen = new Map<string, number>();
    for (const c of CASES.filter((entry) => entry.page === name)) {
      const base = title(c);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      it(n === 1 ? base : `${base} (#${n})`, (context) => checkCase(tab, c, context));
    }
  });
}
