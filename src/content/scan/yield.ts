/** Gives the event loop a turn, so that long work is split into short tasks (no long task ≥ 50 ms). */
export const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
