/** Order statistics for timing samples; medians and high percentiles because the machine is noisy. */

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low]!;
  const b = sorted[high]!;
  return a + (b - a) * (rank - low);
}

/** The middle value of the samples (mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** The figures the report shows for a series of latencies. */
export interface Summary {
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Summarises a series of latencies in one pass over a sorted copy. */
export function summarize(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** Runs `fn` and returns how long it took in milliseconds (high-resolution clock). */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
