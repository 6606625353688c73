import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ImportJob } from '../../../src/core/protocol';
import { boxOf, waitForCard } from './card-reader';
import { drawnTexts, pointAt, textBox } from './pointer';
import { call, startImport, waitForJob } from './extension-calls';

/**
 * Knowledge-base setup for the card tests, done the way the popup does it: protocol messages from
 * an extension page (the background refuses mutating calls from anywhere else).
 */

/** Imports a pack file through importBegin/importChunk/importCommit; returns the finished job. */
export async function importPack(popup: Page, file: string): Promise<ImportJob> {
  const jobId = await startImport(popup, file.split('/').pop()!, readFileSync(file, 'utf8'));
  return (await waitForJob(popup, jobId, 15_000)) as ImportJob;
}

/** Saves one of the reader's own entities, as the popup's editor does. */
export async function saveOwnEntity(
  popup: Page,
  entity: { name: string; type: string; aliases: string[]; summary?: Record<string, string> },
): Promise<string> {
  const { id } = await call<{ id: string }>(popup, 'saveEntity', { entity });
  return id;
}

/**
 * The README's pictures: Joe Tsai's card over the demo article, light and dark, cropped to the
 * card and the paragraph it belongs to.
 */
export async function captureReadmeShots(page: Page, articleUrl: string, dir: string) {
  await page.setViewportSize({ width: 1200, height: 1150 });
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(articleUrl);
    for (let tries = 0; !(await drawnTexts(page)).includes('Joe Tsai'); tries++) {
      if (tries > 100) throw new Error('Backstory never underlined Joe Tsai');
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => window.scrollTo({ top: 330, behavior: 'instant' }));
    const mention = await textBox(page, 'article', 'Joe Tsai', false);
    await pointAt(page, { x: mention.left + 20, y: (mention.top + mention.bottom) / 2 });
    const card = await waitForCard(page, (c) => c.text.includes('Chairman of'));
    await page.waitForTimeout(400); // the fade-in
    const box = await boxOf(page, card.backendNodeId);
    const clip = { x: box.left - 150, y: mention.top - 90, width: 860, height: 0 };
    clip.height = box.bottom + 40 - clip.y;
    await page.screenshot({ path: `${dir}/card-${scheme}.png`, clip });
  }
}
