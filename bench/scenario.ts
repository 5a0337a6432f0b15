/** The contract every benchmark scenario (store, CLI, board, sync, export…) implements. */

/** How many repetitions each measurement uses; `--quick` trades precision for time, `--smoke` keeps one of each. */
export interface Profile {
  readonly quick: boolean;
  /** Tiny sizes, one repetition: the run only proves every scenario works. */
  readonly smoke: boolean;
  /** Cold loads per path (median and p95 are reported). */
  readonly loadRuns: number;
  /** Sequential single edits per path (percentiles are reported). */
  readonly edits: number;
  /** Edits in one burst. */
  readonly burstSize: number;
  /** Bursts on our store (cheap: a few writes each). */
  readonly burstRuns: number;
  /** Bursts on the naive baseline (expensive: one write per edit). */
  readonly naiveBurstRuns: number;
  /** Browser runs of the board scenario (each a cold page load, then one drag). */
  readonly boardRuns: number;
  /** Timed runs of each command of the CLI scenario (each a fresh process; the median is reported). */
  readonly cliRuns: number;
}

/** Standard, quick and smoke repetition counts. */
export function profileFor(quick: boolean, smoke = false): Profile {
  if (smoke) {
    return { quick: true, smoke, loadRuns: 1, edits: 3, burstSize: 20, burstRuns: 1, naiveBurstRuns: 1, boardRuns: 1, cliRuns: 1 };
  }
  return quick
    ? { quick, smoke, loadRuns: 3, edits: 20, burstSize: 100, burstRuns: 2, naiveBurstRuns: 1, boardRuns: 3, cliRuns: 3 }
    : { quick, smoke, loadRuns: 7, edits: 100, burstSize: 100, burstRuns: 5, naiveBurstRuns: 2, boardRuns: 5, cliRuns: 7 };
}

/** Everything a scenario needs for one data size. */
export interface ScenarioContext {
  readonly size: number;
  readonly seed: number;
  readonly profile: Profile;
  /** Progress line on stderr (stdout is kept for the table). */
  readonly log: (message: string) => void;
}

/** `ratio`: ours ÷ a baseline measured in the same run (paired runs), shown as "1.42×". */
export type Unit = 'ms' | 'bytes' | 'count' | 'ratio';

/** The data size at which issue 7 judges its budgets (engagements × 10 notes). */
export const BUDGET_SIZE = 5000;

/** A limit from the project's issue; the figure must be at most `max`. */
export interface Budget {
  readonly max: number;
  readonly text: string;
  /** The size at which the issue judges this budget (default BUDGET_SIZE); elsewhere it is shown for information only. */
  readonly judgedAt?: number;
}

/** One row of the results table: our figure, the naive one (if any) and an optional budget. */
export interface Metric {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly ours: number;
  readonly naive?: number;
  readonly budget?: Budget;
}

/** What a scenario produced for one size. */
export interface ScenarioResult {
  readonly scenario: string;
  readonly size: number;
  readonly metrics: readonly Metric[];
  readonly notes: readonly string[];
  /** What the "naive" column measures, for the table header (default "lowdb"). */
  readonly baseline?: string;
  /** Why the scenario could not measure anything here (no metrics then); absent when it ran. */
  readonly skipped?: string;
}

/** A named benchmark; register it in run.ts to make it selectable with `--scenario`. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The sizes this scenario measures unless `--sizes` is given (or always, with `ownSizes`); absent: the `--sizes` list. */
  sizes?(profile: Profile): readonly number[];
  /** `--sizes` does not apply: the scenario's sizes are fixed by what it measures (a 50-project deck, 200 issues). */
  readonly ownSizes?: boolean;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}
