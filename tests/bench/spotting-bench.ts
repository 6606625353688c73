/**
 * Spotting on a big news page, measured from outside the extension in real Chromium, each figure
 * beside the same figure for the bare page (a second browser without the extension).
 *
 * Main-thread time. The content script runs in the page's renderer, so its cost is read from a
 * Chrome trace of the tab: the main thread's top-level tasks ('RunTask', what DevTools'
 * Performance panel shows) are summed over a window that holds only work the extension can
 * cause. The page delays DOMContentLoaded with a deferred script the server answers late; the
 * page parses, lays out and paints first, and the content script (document_idle) only starts
 * after DOMContentLoaded. The window runs from there until the highlight registry has been
 * stable for 1 s, and the bare tab's same window (its last frame, tens of ms) is subtracted. This
 * counts everything the extension makes the main thread do: its script, GC, and the style and
 * paint work after it draws. Tasks that ran a DevTools command (the polling of the registry) are
 * left out. `Performance.getMetrics` (TaskDuration) was the other way in; it cannot be cut at
 * DOMContentLoaded and it counts `page.evaluate` work as DevTools time, so it is not used.
 *
 * Long tasks. A PerformanceObserver installed before any page script gives what a page's own
 * RUM would see; it misses rendering-only tasks and, here, tasks that run the content script's
 * continuations after a message reply, so the trace's long tasks are printed beside it.
 *
 * Heap. `Runtime.getHeapUsage` reports the tab's whole V8 isolate: the content script's isolated
 * world has no heap of its own. Its part is the difference to the bare tab after forced GCs,
 * cross-checked by a sampling heap profile that attributes live objects to the script that
 * allocated them.
 */
import type { Page } from 'playwright-core';
import { median, ms } from './bench-server';
import { generatePack } from './generate-pack';
import { allowTsxHelpers, importThroughExtension } from './kb-bench';
import { markJs } from './markjs-peer';
import { buildNewsPage, LATE_MS, serveNews } from './news-page';
import {
  HIGHLIGHT_NAME,
  launchBare,
  launchExtensionRetrying,
  loadOnce,
  type LoadFigures,
  waitForHighlights,
} from './page-load';

const ENTITY_COUNT = 100_000;
const RUNS = 5;
const HEAP_RUNS = 3;
const INSERT_TIMEOUT_MS = 5000;

/** Inserts a paragraph naming `name` and polls the registry for its range; null if not seen. */
async function insertionLatency(page: Page, name: string): Promise<number | null> {
  return page.evaluate(
    ([highlightName, text, timeout]) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = `Late update: ${text} confirmed the deal on Friday evening.`;
      const start = performance.now();
      document.querySelector('article')!.append(paragraph);
      return new Promise<number | null>((resolve) => {
        const check = () => {
          for (const range of CSS.highlights.get(highlightName) ?? []) {
            const r = range as Range;
            if (paragraph.contains(r.startContainer) && r.toString() === text)
              return resolve(performance.now() - start);
          }
          if (performance.now() - start > timeout) return resolve(null);
          setTimeout(check, 5);
        };
        check();
      });
    },
    [HIGHLIGHT_NAME, name, INSERT_TIMEOUT_MS] as const,
  );
}

/** Long tasks that began after DOMContentLoaded, i.e. while the content script could run. */
const lateTasks = (load: LoadFigures) =>
  load.longTasks.filter(([start]) => start >= load.domContentLoaded).map(([, d]) => d);
const allTasks = (load: LoadFigures) => load.longTasks.map(([, d]) => d);
const longestOf = (durations: number[]) => Math.max(0, ...durations);
const blockingOf = (durations: number[]) =>
  durations.reduce((total, d) => total + Math.max(0, d - 50), 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const signed = (value: number, unit: (v: number) => string) =>
  `${value < 0 ? '−' : '+'}${unit(Math.abs(value))}`;
const med = <T>(loads: T[], figure: (load: T) => number) => median(loads.map(figure));

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export async function benchSpotting(): Promise<void> {
  const pack = generatePack(ENTITY_COUNT);
  const news = buildNewsPage(pack.entities);
  console.log(
    `\n## Spotting (news page: ${news.textChars.toLocaleString('en')} chars of en/de text, ${news.mentions} names, ${news.names.length} distinct; ${ENTITY_COUNT.toLocaleString('en')}-entity knowledge base; real Chromium, medians of ${RUNS} fresh tabs)`,
  );
  const server = await serveNews({
    '/news.html': { body: news.html, type: 'text/html; charset=utf-8' },
    '/bench-pack.json': { body: JSON.stringify(pack), type: 'application/json' },
  });
  const url = server.url('/news.html');
  const bare = await launchBare();
  const session = await launchExtensionRetrying();
  try {
    // Memory first, with only the seed pack the extension installs itself.
    const bareHeap: LoadFigures[] = [];
    const seedHeap: LoadFigures[] = [];
    for (let i = 0; i < HEAP_RUNS; i++) {
      bareHeap.push(await loadOnce(bare.context, url, { extension: false, heap: true }));
      seedHeap.push(await loadOnce(session.context, url, { extension: true, heap: true }));
    }

    const popup = await session.context.newPage();
    await popup.goto(session.popupUrl);
    await allowTsxHelpers(popup);
    await importThroughExtension(popup, server.url('/bench-pack.json'));
    await popup.close();

    const timedBare: LoadFigures[] = [];
    const timedExt: LoadFigures[] = [];
    const timedFloor: LoadFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      timedBare.push(await loadOnce(bare.context, url, { extension: false }));
      timedExt.push(await loadOnce(session.context, url, { extension: true }));
      timedFloor.push(
        await loadOnce(bare.context, url, { extension: false, floorNames: news.names }),
      );
    }
    const kbHeap: LoadFigures[] = [];
    for (let i = 0; i < HEAP_RUNS; i++)
      kbHeap.push(await loadOnce(session.context, url, { extension: true, heap: true }));

    const page = await session.context.newPage();
    await page.goto(url);
    await waitForHighlights(page, Date.now());
    await allowTsxHelpers(page);
    const insertions: Array<number | null> = [];
    for (const name of news.spare) {
      insertions.push(await insertionLatency(page, name));
      await page.waitForTimeout(300);
    }
    await page.close();

    const marked = await markJs(bare.context, url, news.names);

    // --- the table ---
    const bareWindow = med(timedBare, (l) => l.window.total);
    const extWindow = med(timedExt, (l) => l.window.total);
    const added = extWindow - bareWindow;
    const walk = med(timedBare, (l) => l.walk?.time ?? NaN);
    const floorAdded = med(timedFloor, (l) => l.window.total) - bareWindow;
    const drawn = med(timedExt, (l) => l.highlights);
    const seen = insertions.filter((v): v is number => v !== null);
    const heapOf = (loads: LoadFigures[], key: 'used' | 'embedder' | 'sampled') =>
      med(loads, (l) => l.heap?.[key] ?? NaN);
    const lines = [
      row(['figure', 'bare page', 'with Backstory', 'goal']),
      row(['---', '---', '---', '---']),
      row([
        'main-thread task time after DOMContentLoaded ¹',
        ms(bareWindow),
        `${ms(extWindow)}: added ${ms(added)} (rendering ${ms(med(timedExt, (l) => l.window.rendering))}, GC ${ms(med(timedExt, (l) => l.window.gc))}, ${med(timedExt, (l) => l.window.tasks)} tasks)`,
        '',
      ]),
      row(['TreeWalker pass reading all text ²', ms(walk), '', '']),
      row([
        'first full annotation, added main-thread time ÷ TreeWalker pass',
        '',
        `${(added / walk).toFixed(0)}×`,
        '≤ 2×',
      ]),
      row([
        'floor: any CSS-highlight annotator, names given (page script) ⁷',
        '',
        `added ${ms(floorAdded)} = ${(floorAdded / walk).toFixed(1)}× (rendering ${ms(med(timedFloor, (l) => l.window.rendering))}; ${med(timedFloor, (l) => l.highlights)} ranges)`,
        '',
      ]),
      row([
        'longest task after DOMContentLoaded: trace ¹ / long-task observer ³',
        `${ms(med(timedBare, (l) => longestOf(l.window.long)))} / ${ms(med(timedBare, (l) => longestOf(lateTasks(l))))}`,
        `${ms(med(timedExt, (l) => longestOf(l.window.long)))} / ${ms(med(timedExt, (l) => longestOf(lateTasks(l))))}`,
        '< 50 ms',
      ]),
      row([
        'total blocking time after DOMContentLoaded: trace ¹ / observer ³',
        `${ms(med(timedBare, (l) => blockingOf(l.window.long)))} / ${ms(med(timedBare, (l) => blockingOf(lateTasks(l))))}`,
        `${ms(med(timedExt, (l) => blockingOf(l.window.long)))} / ${ms(med(timedExt, (l) => blockingOf(lateTasks(l))))}`,
        '0 ms added',
      ]),
      row([
        'whole load, long-task observer: longest / total blocking time ³',
        `${ms(med(timedBare, (l) => longestOf(allTasks(l))))} / ${ms(med(timedBare, (l) => blockingOf(allTasks(l))))}`,
        `${ms(med(timedExt, (l) => longestOf(allTasks(l))))} / ${ms(med(timedExt, (l) => blockingOf(allTasks(l))))}`,
        '',
      ]),
      row([
        'mentions drawn; navigation → registry stable',
        '',
        drawn > 0
          ? `${drawn} ranges (page has ${news.mentions}); ${ms(med(timedExt, (l) => l.drawnAt))}`
          : 'no highlight within 20 s',
        '',
      ]),
      row([
        'JS heap of the tab after GC (isolate) ⁴',
        mb(heapOf(bareHeap, 'used')),
        `seed pack only ${mb(heapOf(seedHeap, 'used'))} (${signed(heapOf(seedHeap, 'used') - heapOf(bareHeap, 'used'), mb)}); ${ENTITY_COUNT.toLocaleString('en')} entities ${mb(heapOf(kbHeap, 'used'))} (${signed(heapOf(kbHeap, 'used') - heapOf(bareHeap, 'used'), mb)})`,
        '≤ 5 MB added',
      ]),
      row([
        'Blink (Oilpan) heap of the tab after GC ⁴',
        mb(heapOf(bareHeap, 'embedder')),
        `seed ${signed(heapOf(seedHeap, 'embedder') - heapOf(bareHeap, 'embedder'), mb)}; ${ENTITY_COUNT.toLocaleString('en')} ${signed(heapOf(kbHeap, 'embedder') - heapOf(bareHeap, 'embedder'), mb)}`,
        '',
      ]),
      row([
        'live JS allocated by content-script code (sampling heap profiler) ⁴',
        '',
        `seed ${mb(heapOf(seedHeap, 'sampled'))}; ${ENTITY_COUNT.toLocaleString('en')} ${mb(heapOf(kbHeap, 'sampled'))} (mentions: ${med(seedHeap, (l) => l.highlights)} vs ${med(kbHeap, (l) => l.highlights)})`,
        '',
      ]),
      row([
        'paragraph with a name inserted → its highlight ⁵',
        '',
        seen.length === 0
          ? `not observed within ${INSERT_TIMEOUT_MS / 1000} s`
          : `median ${ms(median(seen))} (${seen.map((v) => v.toFixed(0)).join(', ')} ms)${seen.length < insertions.length ? `; ${insertions.length - seen.length} of ${insertions.length} not observed within ${INSERT_TIMEOUT_MS / 1000} s` : ''}`,
        '≤ 500 ms',
      ]),
      row([
        `mark.js \`mark(names)\`, ${marked.names} names, injected into the bare page ⁶`,
        `${ms(marked.script)} script, ${ms(marked.toFrame)} to next frame; ${marked.marks} marks`,
        '',
        '',
      ]),
    ];
    console.log(lines.join('\n'));
    const runs = (loads: LoadFigures[]) => loads.map((l) => l.window.total.toFixed(0)).join(', ');
    const longRuns = timedExt
      .map((l) => `[${l.window.long.map((d) => d.toFixed(0)).join(', ')}]`)
      .join(' ');
    console.log(
      [
        `¹ Chrome trace of each tab (CDP Tracing): the main thread's top-level tasks, summed from the end of DOMContentLoaded until the highlight registry had not changed for 1 s (bare: 1 s). DOMContentLoaded waits ${LATE_MS} ms for an empty deferred script, so the page has parsed, laid out and painted before the content script (document_idle) starts: what remains in the bare tab is the page's last frame. Tasks that ran a DevTools command (this benchmark polling the registry) are left out. Per tab, bare: ${runs(timedBare)} ms; with Backstory: ${runs(timedExt)} ms; its tasks ≥ 50 ms, per tab: ${longRuns} ms.`,
        `² In the bare tab, once, right after the window above: document.createTreeWalker(body, SHOW_TEXT), reading every node's data (${timedBare[0]?.walk?.nodes ?? '?'} text nodes, ${timedBare[0]?.walk?.chars.toLocaleString('en') ?? '?'} chars); first pass in the tab, so the DOM wrappers are created as the content script's own world has to.`,
        '³ PerformanceObserver({type: "longtask"}) installed before any page script (addInitScript); blocking time = Σ (task − 50 ms) in both columns. The Long Tasks API does not report rendering-only tasks (the page\'s own layout, the style recalculation after the highlights are drawn) and, in traces checked by hand, missed tasks that run the content script\'s promise continuations after a message reply; the trace counts them all. "Whole load" includes the page\'s parsing.',
        `⁴ HeapProfiler.collectGarbage twice, then Runtime.getHeapUsage. The content script's isolated world ('Backstory', found through Runtime.executionContextCreated: ${seedHeap.every((l) => l.contentScriptWorld) && kbHeap.every((l) => l.contentScriptWorld) ? 'seen in every tab' : 'NOT seen in every tab'}) shares one V8 heap with the page, so its part is the difference to the bare tab. Cross-check: a sampling heap profile (1 KB interval, started before navigation) counting live objects allocated with a content-script frame on the stack. Separate tabs from the timed ones: the profiler slows allocation.`,
        `⁵ From the page: append a <p> naming an entity of the pack that is not on the page yet, then poll CSS.highlights every 5 ms for a range with exactly that text inside the new paragraph; ${news.spare.length} insertions, 300 ms apart.`,
        `⁷ floor-highlighter.ts, in the bare browser: a page script that gets the page's ${news.names.length} names, finds them with one TreeWalker pass and one RegExp per text node, and draws every hit as a Range of one highlight with Backstory's underline style sheet (attached at document start, as ours is). No knowledge base, no normalisation, no inline-element blocks, no rules: what is left is the script, the Range objects and the browser drawing the underlines, which any annotator pays. Per tab: ${timedFloor.map((l) => (l.window.total - bareWindow).toFixed(0)).join(', ')} ms added.`,
        `⁶ new Mark(document.body).mark(names, {separateWordSearch: false, accuracy: 'exactly'}) with every distinct name on the page, timed in the page; mark.js wraps matches in <mark> elements (it changes the DOM) and builds one RegExp per name.`,
      ].join('\n'),
    );
  } finally {
    await session.close();
    await bare.close();
    await server.close();
  }
}
