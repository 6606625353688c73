import type { Frame, Page } from 'playwright-core';
import { loaded, waitForCard, type Box } from './card-reader';

/** Pointer gestures and page-text geometry for the card tests. */

/**
 * The viewport box of the first occurrence of `text` inside the first element matching
 * `selector` (in the page or frame's own viewport), scrolled into view first when `scroll` is set.
 */
export async function textBox(
  scope: Page | Frame,
  selector: string,
  text: string,
  scroll = true,
): Promise<Box> {
  const box = await scope.evaluate(
    ([sel, wanted, scrollFirst]) => {
      const root = document.querySelector(sel);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at < 0) continue;
        if (scrollFirst) node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      return null;
    },
    [selector, text, scroll] as const,
  );
  if (!box) throw new Error(`"${text}" is not in ${selector}`);
  return box;
}

/** The middle of `text` (see textBox). */
export async function textPoint(
  scope: Page | Frame,
  selector: string,
  text: string,
  scroll = true,
): Promise<{ x: number; y: number }> {
  const box = await textBox(scope, selector, text, scroll);
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/** Points at (x, y) as a hand does: a short approach, then two small steps onto it. */
export async function pointAt(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 12, point.y + 2);
  await page.mouse.move(point.x, point.y, { steps: 2 });
}

/** Moves the pointer along a straight line at roughly `pxPerMs`, one event per frame. */
export async function glide(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  pxPerMs: number,
): Promise<void> {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(2, Math.round(distance / (pxPerMs * 16)));
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    await page.waitForTimeout(16);
  }
}

/** The texts Backstory underlines in a page or frame (its highlight registry). */
export function drawnTexts(scope: Page | Frame): Promise<string[]> {
  return scope.evaluate(() =>
    [...(CSS.highlights.get('backstory-mention') ?? [])]
      .map((range) => (range as Range).toString())
      .filter((text) => text.length > 0),
  );
}

/** Hovers `text` inside `selector` and returns the card once its data has loaded. */
export async function hoverCard(page: Page, selector: string, text: string) {
  await pointAt(page, await textPoint(page, selector, text));
  return waitForCard(page, loaded);
}
