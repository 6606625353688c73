/**
 * Chrome stops an MV3 worker after ~30 s without extension events, even mid-import; calling any
 * extension API resets that timer. A no-op where there is no `chrome` (Node tests, Firefox's
 * event page, which stays alive while it has work).
 */
export function keepWorkerAlive(): () => void {
  const runtime = (globalThis as { chrome?: { runtime?: { getPlatformInfo?: () => unknown } } })
    .chrome?.runtime;
  if (!runtime?.getPlatformInfo) return () => {};
  const timer = setInterval(() => void runtime.getPlatformInfo?.(), 20_000);
  return () => clearInterval(timer);
}
