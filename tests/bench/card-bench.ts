import type { Page } from 'playwright-core';
import { launchWithExtension, stopServiceWorkers } from '../support/chromium';
import { median, ms, serveTexts } from './bench-server';

const NAMES = [
  'Alibaba',
  'Tencent',
  'Baidu',
  'ByteDance',
  'DeepSeek',
  'OpenAI',
  'Nvidia',
  'Huawei',
  'Qwen',
  'Gemini',
  'Microsoft',
  'Anthropic',
];

/** A plain article with one seed name per paragraph; `data-backstory-bench` opts into the marks. */
const page = `<!doctype html><html lang="en" data-backstory-bench><head><meta charset="utf-8"><title>Card bench</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:680px;margin:40px auto}</style></head><body>
${NAMES.map((name, i) => `<p id="p${i}">In this paragraph ${name} is mentioned once, among other words.</p>`).join('\n')}
</body></html>`;

async function pointOf(tab: Page, index: number, name: string) {
  return tab.evaluate(
    ([i, n]) => {
      const text = document.getElementById(`p${i}`)!.firstChild!;
      const at = text.textContent!.indexOf(n);
      const range = document.createRange();
      range.setStart(text, at + 1);
      range.setEnd(text, at + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [index, name] as const,
  );
}

/** Hovers a name and returns card-visible minus intent-end, from the content script's marks. */
async function measureOnce(tab: Page, index: number): Promise<number | null> {
  await tab.mouse.move(2, 2);
  await tab.waitForTimeout(700); // the previous card closes
  await tab.evaluate(() => performance.clearMarks());
  const point = await pointOf(tab, index, NAMES[index]!);
  await tab.mouse.move(point.x - 3, point.y);
  await tab.mouse.move(point.x, point.y);
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const span = await tab.evaluate(() => {
      const [intent] = performance.getEntriesByName('backstory:intent-end');
      const [visible] = performance.getEntriesByName('backstory:card-visible');
      return intent && visible ? visible.startTime - intent.startTime : null;
    });
    if (span !== null) return span;
    await tab.waitForTimeout(50);
  }
  return null;
}

export async function benchCard(): Promise<void> {
  console.log('\n## Card (real Chromium, seed knowledge base)');
  const server = await serveTexts({
    '/card.html': { body: page, type: 'text/html; charset=utf-8' },
  });
  const session = await launchWithExtension();
  try {
    const popup = await session.context.newPage();
    await popup.goto(session.popupUrl);
    const tab = await session.context.newPage();
    await tab.goto(server.url('/card.html'));
    await tab.waitForTimeout(1500);
    const warm: number[] = [];
    for (let i = 0; i < NAMES.length; i++) {
      const span = await measureOnce(tab, i);
      if (span !== null) warm.push(span);
    }
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      await stopServiceWorkers(popup);
      await tab.waitForTimeout(300);
      const span = await measureOnce(tab, i);
      if (span !== null) cold.push(span);
    }
    if (warm.length === 0) {
      console.log('card: not observed (no user-timing marks from the content script)');
      return;
    }
    console.log(
      `end of the intent delay → card painted with its content: warm median ${ms(median(warm))} over ${warm.length} names (goal ≤ 16 ms); with a stopped service worker median ${ms(median(cold))} over ${cold.length} (goal ≤ 100 ms)`,
    );
  } finally {
    await session.close();
    await server.close();
  }
}
