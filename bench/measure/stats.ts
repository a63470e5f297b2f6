/** Timing and summary statistics for the benchmark. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Milliseconds taken by fn, and its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs fn `runs` times and returns the median of each numeric field it reports. */
export async function medianOfRuns<K extends string>(
  runs: number,
  fn: (run: number) => Promise<Record<K, number>> | Record<K, number>,
): Promise<Record<K, number>> {
  const samples: Record<K, number>[] = [];
  for (let run = 0; run < runs; run++) samples.push(await fn(run));
  const keys = Object.keys(samples[0] ?? {}) as K[];
  return Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]))])) as Record<K, number>;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
