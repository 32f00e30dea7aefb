// Small numeric helpers for the benchmark: percentiles, medians, timing, rounding.
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile (p in 0..100) of an unsorted list; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Milliseconds `work` takes, with its result. */
export function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

/** Round to `digits` decimals, for figures a person reads (and JSON that stays short). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds with enough decimals to tell microseconds apart. */
export function roundMs(ms: number): number {
  return ms >= 100 ? round(ms, 1) : ms >= 1 ? round(ms, 2) : round(ms, 4);
}

/** Peak resident set size of this process so far, in MB (Linux reports maxRSS in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Progress for a person watching: standard error, never standard output. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
