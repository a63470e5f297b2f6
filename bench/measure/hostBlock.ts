/**
 * The longest time the main thread could not run a callback while `work` was in progress: a 1 ms interval
 * timer records the largest gap between its ticks (the event-loop block an editor would feel), cross-checked
 * with perf_hooks' event-loop delay histogram.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export async function longestBlockMs(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  await work();
  // Let the timer fire once more, so a block at the very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  histogram.disable();
  return Math.max(longestGap, histogram.max / 1e6);
}
