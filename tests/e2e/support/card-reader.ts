import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads Backstory's card the way assistive technology does. The card lives in a closed shadow
 * root that no page script can open, but CDP's accessibility tree and DOM domain see into it;
 * `backendNodeId`s let a test measure a node or click it with the real mouse.
 */

export interface CardNode {
  role: string;
  name: string;
  backendNodeId: number;
  /** aria-pressed / aria-checked, when the node has one. */
  pressed?: boolean;
  checked?: boolean;
  focused: boolean;
}

export interface CardReading {
  name: string;
  backendNodeId: number;
  /** Every node inside the dialog, in tree order. */
  nodes: CardNode[];
  /** All visible text inside, joined by line breaks. */
  text: string;
}

const treeOf = (cdp: CDPSession, frameId: string) =>
  cdp.send('Accessibility.getFullAXTree', { frameId });
type AXNode = Awaited<ReturnType<typeof treeOf>>['nodes'][number];
const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function cdpFor(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        await cdp.send('Accessibility.enable');
        await cdp.send('DOM.enable');
        return cdp;
      });
    sessions.set(page, session);
  }
  return session;
}

function property(node: AXNode, name: string): unknown {
  return node.properties?.find((p) => p.name === name)?.value.value;
}

function toCardNode(node: AXNode): CardNode {
  const pressed = property(node, 'pressed');
  const checked = property(node, 'checked');
  return {
    role: String(node.role?.value ?? ''),
    name: String(node.name?.value ?? ''),
    backendNodeId: node.backendDOMNodeId ?? 0,
    ...(pressed !== undefined ? { pressed: pressed === 'true' || pressed === true } : {}),
    ...(checked !== undefined ? { checked: checked === 'true' || checked === true } : {}),
    focused: property(node, 'focused') === true,
  };
}

/** Every open card (role dialog) in every frame of the page. */
export async function readCards(page: Page): Promise<CardReading[]> {
  const cdp = await cdpFor(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const frameIds: string[] = [];
  const visit = (tree: typeof frameTree): void => {
    frameIds.push(tree.frame.id);
    tree.childFrames?.forEach(visit);
  };
  visit(frameTree);
  const cards: CardReading[] = [];
  for (const frameId of frameIds) {
    let nodes: AXNode[];
    try {
      ({ nodes } = await treeOf(cdp, frameId));
    } catch {
      continue; // the frame went away between the two calls
    }
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    for (const dialog of nodes) {
      if (dialog.ignored || dialog.role?.value !== 'dialog') continue;
      const inside: CardNode[] = [];
      const texts: string[] = [];
      const walk = (node: AXNode) => {
        for (const id of node.childIds ?? []) {
          const child = byId.get(id);
          if (!child) continue;
          if (!child.ignored) {
            inside.push(toCardNode(child));
            if (child.role?.value === 'StaticText') texts.push(String(child.name?.value ?? ''));
          }
          walk(child);
        }
      };
      walk(dialog);
      cards.push({
        name: String(dialog.name?.value ?? ''),
        backendNodeId: dialog.backendDOMNodeId ?? 0,
        nodes: inside,
        text: texts.join('\n'),
      });
    }
  }
  return cards;
}

export async function readCard(page: Page): Promise<CardReading | null> {
  return (await readCards(page))[0] ?? null;
}

/** Polls until a card satisfying `ready` is open; throws with what was seen otherwise. */
export async function waitForCard(
  page: Page,
  ready: (card: CardReading) => boolean = () => true,
  timeoutMs = 4_000,
): Promise<CardReading> {
  const deadline = Date.now() + timeoutMs;
  let last: CardReading | null = null;
  while (Date.now() < deadline) {
    last = await readCard(page);
    if (last && ready(last)) return last;
    await page.waitForTimeout(40);
  }
  throw new Error(`No matching card within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
}

/** Polls until no card is open; returns the milliseconds that took. */
export async function waitForNoCard(page: Page, timeoutMs = 3_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if ((await readCards(page)).length === 0) return Date.now() - start;
    await page.waitForTimeout(30);
  }
  throw new Error(`The card was still open after ${timeoutMs} ms`);
}

/** Runs `fn` (a function body's source, `this` = the node) on a node found by its backend id. */
export async function onNode<T>(page: Page, backendNodeId: number, fn: string): Promise<T> {
  const cdp = await cdpFor(page);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: fn,
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId! });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as T;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function boxOf(page: Page, backendNodeId: number): Promise<Box> {
  return onNode<Box>(
    page,
    backendNodeId,
    'function () { const r = this.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }',
  );
}

/** Moves the real mouse onto the node (in small steps, as a hand would) and clicks it. */
export async function clickNode(page: Page, backendNodeId: number): Promise<void> {
  const box = await boxOf(page, backendNodeId);
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
}

/** The first node inside the card with this role whose name matches. */
export function nodeNamed(card: CardReading, role: string, name: string | RegExp): CardNode {
  const found = card.nodes.find(
    (node) =>
      node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name)),
  );
  if (!found) throw new Error(`No ${role} "${String(name)}" in card "${card.name}"`);
  return found;
}

/** Relative luminance (0 black … 1 white) of the card's background colour. */
export async function backgroundLuminance(page: Page, card: CardReading): Promise<number> {
  const color = await onNode<string>(
    page,
    card.backendNodeId,
    'function () { return getComputedStyle(this).backgroundColor; }',
  );
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

/** How many elements inside the card match `selector`. */
export function countInCard(page: Page, card: CardReading, selector: string): Promise<number> {
  return onNode<number>(
    page,
    card.backendNodeId,
    `function () { return this.querySelectorAll(${JSON.stringify(selector)}).length; }`,
  );
}

/** A link's raw href attribute, target and rel. */
export function linkAttributes(page: Page, link: CardNode) {
  return onNode<{ href: string; target: string; rel: string }>(
    page,
    link.backendNodeId,
    'function () { return { href: this.getAttribute("href"), target: this.target, rel: this.rel }; }',
  );
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Done loading: the skeleton (role status) has given way to the entity's data. */
export const loaded = (card: CardReading): boolean =>
  !card.nodes.some((node) => node.role === 'status');

/** The edges of `box` that stick out of a width × height viewport (empty when it fits). */
export function outside(box: Box, width: number, height: number): string[] {
  const out: string[] = [];
  if (box.left < 0) out.push(`left ${box.left}`);
  if (box.top < 0) out.push(`top ${box.top}`);
  if (box.right > width) out.push(`right ${box.right} > ${width}`);
  if (box.bottom > height) out.push(`bottom ${box.bottom} > ${height}`);
  return out;
}
