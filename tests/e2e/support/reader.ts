import type { CDPSession, Frame, JSHandle, Page } from 'playwright-core';

// A reader's view: find a phrase as it reads on screen, point at it, and see what assistive
// technology sees (CDP's accessibility tree reaches into the card's closed shadow root). Backstory's
// public surface only: the highlight registry's name, the card's role and accessible name.

export const HIGHLIGHT_NAME = 'backstory-mention';

/**
 * `find`: a phrase as tests/e2e/fixtures/README.md writes it; `target`: the part of it to point at;
 * `nth`: which occurrence (0-based, the first by default); `within`: a selector to search inside.
 */
export type TextQuery = { find: string; target: string; nth?: number; within?: string };

export type Point = { x: number; y: number };
/** `highlighted`: whether a drawn highlight range covers the character under the point. */
export type Located = Point & { highlighted: boolean };
type LocateArg = { find: string; target: string; nth: number; within: string | null; name: string };
type InPageHit = Located & { covering: AbstractRange[] };

/**
 * Runs in the page (serialized: it must not use anything outside itself). Builds the text of the
 * README's scope with each character's node, scrolls `target` into view and returns its middle.
 */
function locateInPage(arg: LocateArg): InPageHit | null {
  // Soft hyphen and zero-width characters (rule 1); a Set: U+200D in a regex class trips lint.
  const ignored = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
  const skipped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT']);
  const chars: Array<{ node: Text; offset: number }> = [];
  let text = '';
  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        for (let i = 0; i < data.length; i++) {
          const ch = data[i]!;
          if (ignored.has(ch)) continue;
          const space = /\s/.test(ch);
          // Every run of whitespace (NBSP, thin space, line break) reads as one plain space.
          if (space && text.endsWith(' ')) continue;
          text += space ? ' ' : ch;
          chars.push({ node: child as Text, offset: i });
        }
      } else if (child instanceof Element && !skipped.has(child.tagName)) {
        if (child.shadowRoot) walk(child.shadowRoot); // open roots only: closed ones read null
        walk(child);
      }
    }
  };
  const root = arg.within ? document.querySelector(arg.within) : document.body;
  if (!root) return null;
  walk(root);
  let at = -1;
  for (let k = 0, from = 0; k <= arg.nth; k++) {
    at = text.indexOf(arg.find, from);
    if (at < 0) return null;
    from = at + 1;
  }
  const inFind = arg.find.indexOf(arg.target);
  if (inFind < 0) return null;
  let mid = at + inFind + Math.floor((arg.target.length - 1) / 2);
  // A space in the middle ("Tim Cook") may be a collapsed line break with no box: take a letter.
  if (text[mid] === ' ') mid -= 1;
  const hit = chars[mid]!;
  const host = hit.node.parentElement ?? (hit.node.getRootNode() as ShadowRoot).host;
  host.scrollIntoView({ block: 'center', inline: 'nearest' });
  const box = document.createRange();
  box.setStart(hit.node, hit.offset);
  box.setEnd(hit.node, hit.offset + 1);
  const rect = box.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null; // present but not rendered
  const covering: AbstractRange[] = [];
  for (const range of CSS.highlights.get(arg.name) ?? []) {
    try {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const inside =
        live.comparePoint(hit.node, hit.offset) === 0 &&
        live.comparePoint(hit.node, hit.offset + 1) === 0;
      if (!live.collapsed && range.startContainer.isConnected && inside) covering.push(range);
    } catch {
      // A range in another tree (detached, or another shadow root) cannot cover this character.
    }
  }
  const [x, y, highlighted] = [rect.x + rect.width / 2, rect.y + rect.height / 2, !!covering[0]];
  return { x, y, highlighted, covering };
}

const frameOf = (scope: Page | Frame): Frame => ('mainFrame' in scope ? scope.mainFrame() : scope);

/** Offset of a child frame's viewport inside its parent's viewport (border and padding included). */
async function frameOffset(frame: Frame, scroll: boolean): Promise<Point> {
  const element = await frame.frameElement();
  const offset = await element.evaluate((node, scrollFirst) => {
    const frameElement = node as HTMLElement;
    if (scrollFirst) frameElement.scrollIntoView({ block: 'center', inline: 'nearest' });
    const [rect, style] = [frameElement.getBoundingClientRect(), getComputedStyle(frameElement)];
    const x = rect.left + frameElement.clientLeft + parseFloat(style.paddingLeft);
    return { x, y: rect.top + frameElement.clientTop + parseFloat(style.paddingTop) };
  }, scroll);
  await element.dispose();
  return offset;
}

async function locateHandle(scope: Page | Frame, query: TextQuery) {
  const { find, target, nth = 0, within = null } = query;
  const arg: LocateArg = { find, target, nth, within, name: HIGHLIGHT_NAME };
  return frameOf(scope).evaluateHandle(locateInPage, arg);
}

/**
 * The viewport point (of the top-level page, where the mouse lives) at the middle of `target`
 * inside the first (or nth) occurrence of `find`, or null when the phrase is not on the page.
 */
export async function locateText(scope: Page | Frame, query: TextQuery): Promise<Located | null> {
  const frame = frameOf(scope);
  const chain: Frame[] = []; // the frames from the top down to `frame`, top excluded
  for (let f: Frame | null = frame; f?.parentFrame(); f = f.parentFrame()) chain.unshift(f);
  // Scroll everything first (outer frames, then the text), and measure only afterwards: scrolling
  // inside a frame may scroll its ancestors too.
  for (const f of chain) await frameOffset(f, true);
  const handle = await locateHandle(frame, query);
  const hit = await handle.evaluate((h) => h && { x: h.x, y: h.y, highlighted: h.highlighted });
  await handle.dispose();
  if (!hit) return null;
  for (const f of chain) {
    const { x, y } = await frameOffset(f, false);
    [hit.x, hit.y] = [hit.x + x, hit.y + y];
  }
  return hit;
}

/** Handles to the drawn ranges covering `target` now, to ask later whether they still draw. */
export async function captureRanges(scope: Page | Frame, query: TextQuery) {
  const handle = await locateHandle(scope, query);
  const ranges = await handle.evaluateHandle((h) => h?.covering ?? []);
  await handle.dispose();
  return ranges;
}

/**
 * The texts the page's highlight registry draws (collapsed or detached ranges draw nothing);
 * with `only`, just those of these ranges (from `captureRanges`) that are still registered.
 */
export async function highlightedTexts(
  scope: Page | Frame,
  only?: JSHandle<AbstractRange[]>,
): Promise<string[]> {
  const arg = { name: HIGHLIGHT_NAME, only: only ?? null };
  return frameOf(scope).evaluate(({ name, only }) => {
    const texts: string[] = [];
    for (const r of CSS.highlights.get(name) ?? []) {
      if ((only && !only.includes(r)) || r.collapsed) continue;
      if (!r.startContainer.isConnected || !r.endContainer.isConnected) continue;
      const live = document.createRange(); // a StaticRange has no text of its own
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      texts.push(live.toString());
    }
    return texts;
  }, arg);
}

/** An element's text (a template's content included) and how many drawn ranges lie inside it. */
export async function inspectElement(
  scope: Page | Frame,
  selector: string,
): Promise<{ text: string; drawnInside: number } | null> {
  return frameOf(scope).evaluate(
    ([sel, name]) => {
      const element = document.querySelector(sel);
      if (!element) return null;
      const content = element instanceof HTMLTemplateElement ? element.content : null;
      const within = (node: Node) => element.contains(node) || (content?.contains(node) ?? false);
      let drawnInside = 0;
      for (const r of CSS.highlights.get(name) ?? []) {
        if (!r.collapsed && (within(r.startContainer) || within(r.endContainer))) drawnInside++;
      }
      const raw = content ? content.textContent : element.textContent;
      const text = (raw ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ');
      return { text, drawnInside };
    },
    [selector, HIGHLIGHT_NAME] as const,
  );
}

/** `choices`: names of the options, radios, tabs or menu items inside it, in order. */
export type Popover = { key: string; role: string; name: string; choices: string[] };

const POPOVER_ROLES = new Set(['dialog', 'alertdialog', 'tooltip']);
const CHOICE_ROLES = new Set(['option', 'radio', 'tab', 'menuitem', 'menuitemradio']);
// playwright-core does not export its protocol types: take them from the calls themselves.
const frameTreeOf = (cdp: CDPSession) => cdp.send('Page.getFrameTree');
const axTreeOf = (cdp: CDPSession, frameId: string) =>
  cdp.send('Accessibility.getFullAXTree', { frameId });
type FrameTree = Awaited<ReturnType<typeof frameTreeOf>>['frameTree'];
type AXNode = Awaited<ReturnType<typeof axTreeOf>>['nodes'][number];
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpFor(page: Page): Promise<CDPSession> {
  const open = async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    return cdp;
  };
  if (!sessions.has(page)) sessions.set(page, open());
  return sessions.get(page)!;
}

/** Every popover in the accessibility tree of every frame (one tree per frame in CDP). */
export async function popovers(page: Page): Promise<Popover[]> {
  const cdp = await cdpFor(page);
  const { frameTree } = await frameTreeOf(cdp);
  const ids = (tree: FrameTree): string[] => [
    tree.frame.id,
    ...(tree.childFrames ?? []).flatMap(ids),
  ];
  const found: Popover[] = [];
  for (const frameId of ids(frameTree)) {
    // A frame may go away (navigation) between the two calls: it then has no popover.
    const nodes = await axTreeOf(cdp, frameId).then(
      (r) => r.nodes,
      () => [] as AXNode[],
    );
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const choicesUnder = (node: AXNode, out: string[]): string[] => {
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (!child) continue;
        if (!child.ignored && CHOICE_ROLES.has(String(child.role?.value)))
          out.push(String(child.name?.value ?? ''));
        choicesUnder(child, out);
      }
      return out;
    };
    for (const node of nodes) {
      const role = String(node.role?.value ?? '');
      if (node.ignored || !POPOVER_ROLES.has(role)) continue;
      const name = String(node.name?.value ?? '');
      found.push({ key: `${frameId}:${node.nodeId}`, role, name, choices: choicesUnder(node, []) });
    }
  }
  return found;
}

/**
 * `names`: accessible names of the popovers that appeared after the hover; `choices`: those the
 * first one offers; `latencyMs`: from the last mouse move to the first popover (null: none).
 */
export type CardReading = { names: string[]; choices: string[]; latencyMs: number | null };

/**
 * Points at `point` the way a hand does (a short approach, then two small steps onto it) and
 * returns the popovers that appeared within `timeoutMs`. Once one appears, it waits until what is
 * read stays the same for `settleMs`, since a card may fill in (its choices) after it opens.
 */
export async function hoverAndReadCard(
  page: Page,
  point: Point,
  { timeoutMs = 2_500, settleMs = 60 }: { timeoutMs?: number; settleMs?: number } = {},
): Promise<CardReading> {
  const before = new Set((await popovers(page)).map((p) => p.key));
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  const start = Date.now();
  let deadline = start + timeoutMs;
  let [seen, signature, stableSince] = [[] as Popover[], '', 0];
  let latencyMs: number | null = null;
  while (Date.now() < deadline) {
    const fresh = (await popovers(page)).filter((p) => !before.has(p.key));
    const now = JSON.stringify(fresh.map((p) => [p.name, p.choices]));
    if (fresh.length > 0) {
      if (latencyMs === null) {
        latencyMs = Date.now() - start;
        deadline = Math.max(deadline, Date.now() + settleMs + 1_000);
      }
      if (now !== signature) stableSince = Date.now();
      else if (Date.now() - stableSince >= settleMs) break;
    }
    [seen, signature] = [fresh, now];
    await page.waitForTimeout(40);
  }
  return { names: seen.map((p) => p.name), choices: seen[0]?.choices ?? [], latencyMs };
}

/**
 * Moves the mouse to a corner with no words, in steps as a hand does (so a frame it leaves sees it
 * off the name before it goes, which closes a card there), and waits until no card is open.
 */
export async function parkMouse(page: Page, timeoutMs = 3_000): Promise<boolean> {
  await page.mouse.move(1, 1, { steps: 10 });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await popovers(page)).length === 0) return true;
    await page.waitForTimeout(50);
  }
  return false;
}

/**
 * What the page looked like under the pointer, for the message of a hover that opened no card:
 * whether the tab was visible and focused (a hidden tab runs no animation frames), which element
 * and text were at the point by then, and whether a card element exists and how it is styled.
 */
export async function describePoint(page: Page, point: Point): Promise<string> {
  return page.evaluate(({ x, y }) => {
    const element = document.elementFromPoint(x, y);
    const text = (element?.textContent ?? '').trim().slice(0, 40);
    // Whether a card was opened but not shown (hidden, transparent, off screen) or never opened.
    const card = document.querySelector('backstory-card');
    const style = card && getComputedStyle(card);
    const cardState = style
      ? `card element: visibility ${style.visibility}, opacity ${style.opacity}, transform ${style.transform}`
      : 'no card element';
    return `page ${document.visibilityState}${document.hasFocus() ? ', focused' : ''}; at the point: <${element?.localName ?? 'nothing'}> "${text}"; ${cardState}`;
  }, point);
}
