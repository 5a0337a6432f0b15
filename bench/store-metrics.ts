/** Table rows of the store scenario, built from the two children's raw samples. */
import type { Budget, Metric, Profile } from './scenario.js';
import { median, percentile, summarize } from './stats.js';
import type { StoreChildOutput } from './store-child.js';

const LOAD_BUDGET: Budget = { max: 100, text: 'store load ≤ 100 ms (median)' };
/** Issue 27: the app's cold load (it opens the sealed file its last write left) at 5,000 engagements × 10 notes. */
const APP_LOAD_BUDGET: Budget = { max: 100, text: 'app cold load (sealed pals.json) ≤ 100 ms (median)' };
const EDIT_BUDGET: Budget = { max: 50, text: 'an edit durable ≤ 50 ms (p95)' };
const BURST_BUDGET: Budget = { max: 5, text: 'a 100-edit burst ≤ 5 writes' };

/** The rows, ours against naive; file sizes are measured by the parent after both children ran. */
export function storeMetrics(
  ours: StoreChildOutput,
  naive: StoreChildOutput,
  profile: Profile,
  fileBytes: { ours: number; naive: number },
): Metric[] {
  const oe = summarize(ours.edits);
  const ne = summarize(naive.edits);
  const burst = `${profile.burstSize}-edit burst`;
  const commands = ours.commands;
  return [
    {
      id: 'load.median',
      label: 'cold load + validate, median',
      unit: 'ms',
      ours: median(ours.loadsValidated),
      naive: median(naive.loadsValidated),
      budget: LOAD_BUDGET,
    },
    {
      id: 'load.p95',
      label: 'cold load + validate, p95',
      unit: 'ms',
      ours: percentile(ours.loadsValidated, 95),
      naive: percentile(naive.loadsValidated, 95),
    },
    {
      id: 'load.sealed.median',
      label: 'cold load, sealed file (no validation), median',
      unit: 'ms',
      ours: median(ours.loads),
      // Beside it, the least any load costs: lowdb's plain read + JSON.parse of the same data.
      naive: median(naive.loadsValidated),
      budget: APP_LOAD_BUDGET,
    },
    {
      id: 'load.sealed.p95',
      label: 'cold load, sealed file (no validation), p95',
      unit: 'ms',
      ours: percentile(ours.loads, 95),
    },
    {
      id: 'load.read',
      label: '  of which read file (median)',
      unit: 'ms',
      ours: median(ours.breakdown.read),
      naive: median(naive.breakdown.read),
    },
    {
      id: 'load.hash',
      label: '  of which sha256 against the seal (median)',
      unit: 'ms',
      ours: median(ours.breakdown.hash),
    },
    {
      id: 'load.parse',
      label: '  of which JSON.parse (median)',
      unit: 'ms',
      ours: median(ours.breakdown.parse),
      naive: median(naive.breakdown.parse),
    },
    {
      id: 'load.validate',
      label: '  of which validate (median)',
      unit: 'ms',
      ours: median(ours.breakdown.validate),
      naive: median(naive.breakdown.validate),
    },
    { id: 'edit.first', label: 'first edit of a session', unit: 'ms', ours: ours.firstEditMs, naive: naive.firstEditMs },
    { id: 'edit.p50', label: 'one edit saved, p50', unit: 'ms', ours: oe.p50, naive: ne.p50 },
    { id: 'edit.p95', label: 'one edit saved, p95', unit: 'ms', ours: oe.p95, naive: ne.p95, budget: EDIT_BUDGET },
    { id: 'edit.p99', label: 'one edit saved, p99', unit: 'ms', ours: oe.p99, naive: ne.p99 },
    { id: 'edit.max', label: 'one edit saved, max', unit: 'ms', ours: oe.max, naive: ne.max },
    {
      id: 'burst.writes',
      label: `${burst}, file writes (max)`,
      unit: 'count',
      ours: Math.max(...ours.bursts.writes),
      naive: Math.max(...naive.bursts.writes),
      budget: BURST_BUDGET,
    },
    { id: 'burst.ms', label: `${burst}, all saved (median)`, unit: 'ms', ours: median(ours.bursts.ms), naive: median(naive.bursts.ms) },
    {
      id: 'close.ms',
      label: 'close: flush (ours: + fold the journal into pals.json)',
      unit: 'ms',
      ours: ours.closeMs,
      naive: naive.closeMs,
    },
    ...commandRows(commands),
    { id: 'file.bytes', label: 'pals.json size', unit: 'bytes', ours: fileBytes.ours, naive: fileBytes.naive },
    { id: 'mem.rss', label: 'peak rss (measuring process)', unit: 'bytes', ours: ours.peak.rssBytes, naive: naive.peak.rssBytes },
    {
      id: 'mem.heapUsed',
      label: 'peak heapUsed (measuring process)',
      unit: 'bytes',
      ours: ours.peak.heapUsedBytes,
      naive: naive.peak.heapUsedBytes,
    },
    {
      id: 'mem.retained',
      label: 'heap held by the open store (after GC)',
      unit: 'bytes',
      ours: ours.retainedHeapBytes ?? Number.NaN,
      naive: naive.retainedHeapBytes ?? Number.NaN,
    },
  ];
}

/** The CLI-like command rows (open, edit, close) with and without folding on close. */
function commandRows(commands: StoreChildOutput['commands']): Metric[] {
  const modes = [
    ['nofold', 'foldOnClose false', 'flush only', commands?.noFold],
    ['fold', 'folding on close', 'fold into pals.json', commands?.fold],
  ] as const;
  return modes.flatMap(([id, how, close, figures]) => [
    {
      id: `command.${id}.ms`,
      label: `command (open, edit, close) ${how}, median`,
      unit: 'ms' as const,
      ours: figures ? median(figures.total) : Number.NaN,
    },
    {
      id: `command.${id}.close`,
      label: `  of which close: ${close} (median)`,
      unit: 'ms' as const,
      ours: figures ? median(figures.close) : Number.NaN,
    },
  ]);
}
