/** The CLI scenario's table rows: medians over runs of each command, ours beside the naive process. */
import type { ProcessRun } from './cli-process.js';
import type { Metric } from './scenario.js';
import { median } from './stats.js';

/** The timed runs of one command, ours and naive (warm-up excluded). */
export interface CommandRuns {
  readonly ours: readonly ProcessRun[];
  readonly naive: readonly ProcessRun[];
}

const ok = (runs: readonly ProcessRun[]) => runs.filter((r) => r.code === 0);

/** Median of a figure over the runs that exited 0 (NaN when none did). */
export function medianOf(runs: readonly ProcessRun[], figure: (run: ProcessRun) => number | null): number {
  const values = ok(runs).flatMap((r) => {
    const v = figure(r);
    return v === null ? [] : [v];
  });
  return median(values);
}

/** The median of ours ÷ naive over the pairs where both exited 0 (runs alternate: pair i ran back to back). */
export function pairedRatio(runs: CommandRuns): number {
  const ratios = runs.ours.flatMap((a, i) => {
    const b = runs.naive[i];
    return a.code === 0 && b?.code === 0 && b.ms > 0 ? [a.ms / b.ms] : [];
  });
  return median(ratios);
}

/** "min–max ms over N runs" for a note under the table. */
export function rangeText(runs: readonly ProcessRun[]): string {
  const ms = ok(runs).map((r) => r.ms);
  if (ms.length === 0) return 'no successful run';
  return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} ms over ${ms.length} runs`;
}

/** Wall time, peak memory (where measured) and optionally stdout bytes of one command. */
export function commandMetrics(id: string, what: string, runs: CommandRuns, withStdout: boolean): Metric[] {
  const rows: Metric[] = [
    {
      id: `${id}.wall`,
      label: `${what}: wall time, median`,
      unit: 'ms',
      ours: medianOf(runs.ours, (r) => r.ms),
      naive: medianOf(runs.naive, (r) => r.ms),
    },
  ];
  const rss = medianOf(runs.ours, (r) => r.peakRssBytes);
  if (!Number.isNaN(rss)) {
    rows.push({
      id: `${id}.rss`,
      label: `${what}: peak RSS, median`,
      unit: 'bytes',
      ours: rss,
      naive: medianOf(runs.naive, (r) => r.peakRssBytes),
    });
  }
  if (withStdout) {
    rows.push({
      id: `${id}.stdout`,
      label: `${what}: stdout`,
      unit: 'bytes',
      ours: medianOf(runs.ours, (r) => r.stdoutBytes),
      naive: medianOf(runs.naive, (r) => r.stdoutBytes),
    });
  }
  return rows;
}

/** One line per failed run (exit status and the first line of stderr), for the notes. */
export function failures(what: string, runs: CommandRuns): string[] {
  return (['ours', 'naive'] as const).flatMap((side) =>
    runs[side]
      .filter((r) => r.code !== 0)
      .map((r) => `FAILED ${side} ${what}: ${r.signal ?? `exit ${r.code}`}: ${r.stderr.trim().split('\n')[0] ?? ''}`),
  );
}
