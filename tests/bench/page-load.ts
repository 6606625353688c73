/**
 * One tab load of the news page, measured from outside: the trace window, the page's own long-task
 * observer, the heap, the highlight registry and a bare TreeWalker pass (spotting-bench.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChrome } from '../support/browsers';
import { chromeArgs, DIST, launchWithExtension } from '../support/chromium';
import { FLOOR_HIGHLIGHT_NAME, floorHighlighterScript } from './floor-highlighter';
import { analyzeTrace, trace, type WindowFigures } from './page-trace';

/** The registry name of `src/content/draw/highlights.ts`, read as any page script could. */
export const HIGHLIGHT_NAME = 'backstory-mention';

/** Tries twice: a build running at that moment (others share dist/) can keep the worker away. */
export async function launchExtensionRetrying(): ReturnType<typeof launchWithExtension> {
  try {
    return await launchWithExtension();
  } catch (error) {
    console.log(`(extension did not start, retrying once: ${String(error).split('\n')[0]})`);
    await new Promise((done) => setTimeout(done, 5000));
    return launchWithExtension();
  }
}

/** The same browser and flags as `launchWithExtension`, with no extension loaded. */
export async function launchBare(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bare-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: false,
    args: ['--headless=new', ...chromeArgs(DIST).filter((arg) => !arg.includes('extension'))],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Installed before any page script (addInitScript), in the page's main world: long tasks are
// reported per frame, whichever world ran them.
const LONG_TASK_OBSERVER = `
  globalThis.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      globalThis.__benchLongTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });`;

const READ_LONG_TASKS = `({
  tasks: globalThis.__benchLongTasks,
  domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
})`;

const highlightSize = (name: string) => `CSS.highlights.get('${name}')?.size ?? 0`;

/**
 * Polls the highlight registry until `name` has been non-empty and unchanged for `quietMs`;
 * returns its size and when it last changed (ms after `since`), or size 0 after `timeoutMs`.
 */
export async function waitForHighlights(
  page: Page,
  since: number,
  name = HIGHLIGHT_NAME,
  quietMs = 1000,
  timeoutMs = 20_000,
): Promise<{ size: number; at: number }> {
  let size = 0;
  let at = 0;
  while (Date.now() - since < timeoutMs) {
    const now = (await page.evaluate(highlightSize(name))) as number;
    if (now !== size) {
      size = now;
      at = Date.now() - since;
    } else if (size > 0 && Date.now() - since - at >= quietMs) break;
    await page.waitForTimeout(100);
  }
  return { size, at };
}

const WALK_ALL_TEXT = `(() => {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.data);
  const chars = parts.join('').length;
  return { time: performance.now() - start, nodes: parts.length, chars };
})()`;

interface SamplingNode {
  callFrame: { url: string };
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes of live sampled allocations made with a content-script frame on the stack. */
function sampledUnder(node: SamplingNode, prefix: string, inside = false): number {
  const ours = inside || node.callFrame.url.startsWith(prefix);
  return (
    (ours ? node.selfSize : 0) +
    node.children.reduce((total, child) => total + sampledUnder(child, prefix, ours), 0)
  );
}

export interface LoadFigures {
  window: WindowFigures;
  /** Long tasks seen by the page's PerformanceObserver: [start, duration] in page time. */
  longTasks: Array<[number, number]>;
  domContentLoaded: number;
  highlights: number;
  /** Wall time from `page.goto` to the last change of the highlight registry. */
  drawnAt: number;
  /** The 'Backstory' isolated world was created in the page (Runtime.executionContextCreated). */
  contentScriptWorld: boolean;
  heap: { used: number; embedder: number; sampled: number } | null;
  /** A TreeWalker pass reading every text node, run once in the loaded page (bare pages only). */
  walk: { time: number; nodes: number; chars: number } | null;
}

/**
 * Loads `url` in a fresh tab of `context` and measures it. With `heap`, measures memory instead
 * of time (the sampling heap profiler slows allocation): after the annotation, two forced full
 * GCs, then `Runtime.getHeapUsage` (the page's whole isolate: main world, our polling's world and
 * the content script's world share one V8 heap, so the content script's part is the difference
 * to the bare page) and the sampling profile's live bytes allocated under a content-script frame.
 */
export async function loadOnce(
  context: BrowserContext,
  url: string,
  options: { extension: boolean; heap?: boolean; floorNames?: string[] },
): Promise<LoadFigures> {
  const page = await context.newPage();
  try {
    await page.addInitScript(LONG_TASK_OBSERVER);
    if (options.floorNames) await page.addInitScript(floorHighlighterScript(options.floorNames));
    const cdp = await context.newCDPSession(page);
    let contentScriptWorld = false;
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
      const aux = created.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && created.name === 'Backstory') contentScriptWorld = true;
    });
    await cdp.send('Runtime.enable');
    if (options.heap) {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 1024,
        includeObjectsCollectedByMajorGC: false,
        includeObjectsCollectedByMinorGC: false,
      });
    }
    const start = Date.now();
    const { result: drawn, events } = await trace(cdp, async () => {
      await page.goto(url);
      if (options.extension) return waitForHighlights(page, start);
      if (options.floorNames) return waitForHighlights(page, start, FLOOR_HIGHLIGHT_NAME);
      await page.waitForTimeout(1000);
      return { size: 0, at: 0 };
    });
    const observed = (await page.evaluate(READ_LONG_TASKS)) as {
      tasks: Array<[number, number]>;
      domContentLoaded: number;
    };
    let heap: LoadFigures['heap'] = null;
    if (options.heap) {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { profile } = await cdp.send('HeapProfiler.getSamplingProfile');
      await cdp.send('HeapProfiler.stopSampling');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as {
        usedSize: number;
        embedderHeapUsedSize: number;
      };
      heap = {
        used: usage.usedSize,
        embedder: usage.embedderHeapUsedSize,
        sampled: sampledUnder(profile.head as SamplingNode, 'chrome-extension://'),
      };
    }
    const walk =
      options.extension || options.floorNames
        ? null
        : ((await page.evaluate(WALK_ALL_TEXT)) as LoadFigures['walk']);
    return {
      window: analyzeTrace(events, url),
      longTasks: observed.tasks,
      domContentLoaded: observed.domContentLoaded,
      highlights: drawn.size,
      drawnAt: drawn.at,
      contentScriptWorld,
      heap,
      walk,
    };
  } finally {
    await page.close();
  }
}
