// `npm start`: opens a browser with the built extension on the bundled demo article. With a display
// the browser stays open until you close it; without one it runs headless, hovers a name so the
// card shows, saves a screenshot and prints its path.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/support/chromium';
import { serveFolder } from '../tests/support/fixture-server';

const headless = !process.env.DISPLAY && process.platform === 'linux';
const server = await serveFolder('tests/e2e/fixtures');
const session = await launchWithExtension({ headless });
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(server.url('demo-article.html'));
console.log(`Backstory is loaded (extension id ${session.extensionId}) on ${page.url()}`);

if (headless) {
  await page.waitForTimeout(1500);
  // Hover the first occurrence of a seed name so the screenshot shows a card as well.
  const point = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf('Joe Tsai');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  if (point) {
    await page.mouse.move(point.x - 4, point.y);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.waitForTimeout(900);
  }
  mkdirSync('artifacts', { recursive: true });
  const shot = resolve('artifacts/start-screenshot.png');
  await page.screenshot({ path: shot });
  console.log(`No display found, so the browser ran headless. Screenshot: ${shot}`);
  await session.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  session.context.on('close', () => void server.close());
}
