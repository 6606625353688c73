import type { BrowserContext } from 'playwright-core';
import { allowTsxHelpers } from './kb-bench';

export interface MarkFigures {
  names: number;
  script: number;
  toFrame: number;
  marks: number;
}

/** mark.js in a fresh bare page: the peer a reader would otherwise install. */
export async function markJs(
  context: BrowserContext,
  url: string,
  names: string[],
): Promise<MarkFigures> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.addScriptTag({ path: 'node_modules/mark.js/dist/mark.min.js' });
    await allowTsxHelpers(page);
    await page.waitForTimeout(300);
    const result = await page.evaluate((terms) => {
      const MarkCtor = (
        globalThis as unknown as {
          Mark: new (root: Element) => {
            mark(terms: string[], options: Record<string, unknown>): void;
          };
        }
      ).Mark;
      const start = performance.now();
      let marks = 0;
      new MarkCtor(document.body).mark(terms, {
        separateWordSearch: false,
        accuracy: 'exactly',
        done: (count: number) => (marks = count),
      });
      const script = performance.now() - start;
      // To the next frame: the wrapping <mark> elements are styled and laid out there.
      return new Promise<{ script: number; toFrame: number; marks: number }>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve({ script, toFrame: performance.now() - start, marks })),
        ),
      );
    }, names);
    return { names: names.length, ...result };
  } finally {
    await page.close();
  }
}
