/** Gives the event loop a turn, so that long work is split into short tasks (no long task ≥ 50 ms). */
export const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Work budget per task; well under the 50 ms of a long task, leaving room for the page. */
const SLICE_MS = 8;

/** Call `tick()` often inside a long loop: it yields once the current slice has used its budget. */
export class Slicer {
  private start = performance.now();

  async tick(): Promise<void> {
    if (performance.now() - this.start < SLICE_MS) return;
    await yieldToMain();
    this.start = performance.now();
  }
}
