import type { Page } from 'playwright-core';

/** The texts the page's highlight registry holds, as any script on the page could read them. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('backstory-mention');
    if (!highlight) return [];
    return [...highlight]
      .map((range) => (range as Range).toString())
      .filter((text) => text.length > 0);
  });
}
