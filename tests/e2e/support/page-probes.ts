import type { Page } from 'playwright-core';
import { CHANNEL } from '../../../src/core/protocol';

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

/** Sends a raw protocol message from an extension page (popup) and returns the raw reply. */
export async function sendFromExtensionPage(
  page: Page,
  name: string,
  params: unknown,
): Promise<unknown> {
  return page.evaluate(
    ([channel, messageName, messageParams]) => {
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime;
      return runtime.sendMessage({ channel, name: messageName, params: messageParams });
    },
    [CHANNEL, name, params] as const,
  );
}
