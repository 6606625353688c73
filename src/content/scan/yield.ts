/** Gives the event loop a turn, so that long work is split into short tasks (no long task ≥ 50 ms). */
export const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Work budget per task; well under the 50 ms of a long task, leaving room for the page. */
const SLICE_MS = 8;

/**
 * When the current slice began. Shared by every caller: one pass chains several loops (scan,
 * keys, matching) through promise continuations that all run in the same task, so a budget per
 * loop would let the task grow to several budgets.
 */
let sliceStart = performance.now();

/** Await this often inside a long loop: it yields once the current slice has used its budget. */
export async function endSliceIfDue(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await yieldToMain();
  sliceStart = performance.now();
}
