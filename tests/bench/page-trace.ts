import type { CDPSession } from 'playwright-core';

/**
 * Main-thread time from a Chrome trace of a tab: the main thread's top-level tasks ('RunTask',
 * what DevTools' Performance panel shows), summed over a window that holds only work an extension
 * can cause (spotting-bench.ts explains the window).
 */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    data?: { url?: string; type?: string };
    beginData?: { url?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

export interface WindowFigures {
  /** Main-thread task time after DOMContentLoaded until the end of the trace. */
  total: number;
  /** Durations of the tasks of 50 ms or more, in order. */
  long: number[];
  /** Of `total`: style, layout, paint (the highlights are drawn by the rendering pipeline). */
  rendering: number;
  gc: number;
  tasks: number;
}

const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);
const GC = new Set(['MinorGC', 'MajorGC']);

/**
 * Sums the top-level tasks ('RunTask') of the main thread that parsed `pageUrl`, from the end of
 * the task that dispatched DOMContentLoaded to the end of the trace. Tasks that handled a
 * DevTools protocol message (this benchmark's own polling of the highlight registry) are left
 * out; they run between tasks, never inside one, so nothing of the page's work is lost.
 */
export function analyzeTrace(events: TraceEvent[], pageUrl: string): WindowFigures {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) throw new Error(`no ParseHTML of ${pageUrl} in the trace`);
  const onMain = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  // Top-level tasks only: a nested run loop (a sync IPC) shows as a task inside a task.
  const tasks: TraceEvent[] = [];
  for (const e of onMain)
    if (e.name === 'RunTask' && (tasks.length === 0 || e.ts >= end(tasks[tasks.length - 1]!)))
      tasks.push(e);
  const ready = onMain.find(
    (e) =>
      e.name === 'EventDispatch' && e.ts > parse.ts && e.args?.data?.type === 'DOMContentLoaded',
  );
  if (!ready) throw new Error('no DOMContentLoaded in the trace');
  const devtools = onMain.filter((e) =>
    /^blink\.mojom\.DevTools/.test(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? ''),
  );
  const inside = (task: TraceEvent, e: TraceEvent) => e.ts >= task.ts && e.ts <= end(task);
  const window = tasks.filter(
    (task) => task.ts > end(ready) && !devtools.some((e) => inside(task, e)),
  );
  const ms1 = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const within = (names: Set<string>) =>
    onMain
      .filter((e) => names.has(e.name) && window.some((task) => inside(task, e)))
      .reduce((total, e) => total + ms1(e), 0);
  return {
    total: window.reduce((total, e) => total + ms1(e), 0),
    long: window.map(ms1).filter((d) => d >= 50),
    rendering: within(RENDERING),
    gc: within(GC),
    tasks: window.length,
  };
}

export async function trace<T>(
  cdp: CDPSession,
  body: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    // 'RunTask' (the tasks DevTools' Performance panel shows) is in the disabled-by-default one.
    traceConfig: {
      includedCategories: [
        'toplevel',
        'mojom',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
      ],
    },
  });
  const result = await body();
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return { result, events };
}
