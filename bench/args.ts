/** Command-line options of `npm run bench` (after `--`): sizes, quick and smoke modes, scenarios, seed, output file. */

/** Parsed options; `scenarios` empty means every registered scenario. */
export interface BenchArgs {
  readonly sizes: readonly number[];
  /** Whether `--sizes` was given (then it overrides the sizes a scenario picks itself). */
  readonly sizesGiven: boolean;
  readonly quick: boolean;
  /** `--smoke` (or PALS_BENCH_SMOKE=1): every scenario once at tiny sizes, to prove the bench runs (CI); implies quick. */
  readonly smoke: boolean;
  readonly scenarios: readonly string[];
  readonly seed: number;
  readonly out: string | null;
  readonly help: boolean;
}

/** Sizes measured without `--sizes`: budgets are judged at 5,000; 500 beside it shows how each figure grows. */
export const DEFAULT_SIZES: readonly number[] = [500, 5000];

/** Sizes of a `--quick` smoke run without `--sizes`. */
export const QUICK_SIZES: readonly number[] = [500];

/** Sizes of a `--smoke` run without `--sizes` (scenarios with sizes of their own pick their smallest). */
export const SMOKE_SIZES: readonly number[] = [50];

/** Usage text printed by `--help` and after a bad option. */
export const USAGE = `usage: npm run bench -- [--sizes 500,5000,20000] [--quick | --smoke] [--scenario store,cli,memory,board,sync,discover,intake,export,insight,week] [--seed 42] [--out file.json]
  --sizes     engagement counts to measure, 10 notes each (default 500,5000; --quick 500); budgets
              are judged at 5,000, and with several sizes a table shows how each figure grew.
              sync and export always use their own (sync: 200 and 2000 linked issues,
              --quick 200; export: a 50-project round), as the issue defines them
  --quick     fewer repetitions: figures to compare, not to quote
  --smoke     every scenario once at tiny sizes (default 50): proves the bench runs end to end,
              as CI does (also PALS_BENCH_SMOKE=1); its figures mean nothing
  --scenario  comma-separated scenario names: store, cli, memory, board, sync, discover, intake, export, insight, week
              (default: all)
  --seed      seed of the synthetic data (default 42)
  --out       where to write the JSON summary (default bench/results.json)`;

function positiveInts(text: string, flag: string): number[] {
  const values = text.split(',').map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`${flag} needs positive whole numbers separated by commas, got "${text}"`);
  }
  return values;
}

/** Parses argv (without node and the script) and the environment; throws Error with a readable message on bad input. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): BenchArgs {
  let sizes: readonly number[] = DEFAULT_SIZES;
  let sizesGiven = false;
  let quick = false;
  let smoke = env.PALS_BENCH_SMOKE === '1';
  let scenarios: string[] = [];
  let seed = 42;
  let out: string | null = null;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--sizes') {
      sizes = positiveInts(value(), flag);
      sizesGiven = true;
    } else if (flag === '--quick') quick = true;
    else if (flag === '--smoke') smoke = true;
    else if (flag === '--scenario') scenarios = value().split(',').filter(Boolean);
    else if (flag === '--seed') seed = positiveInts(value(), flag)[0]!;
    else if (flag === '--out') out = value();
    else if (flag === '--help' || flag === '-h') help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  const chosen = sizesGiven ? sizes : smoke ? SMOKE_SIZES : quick ? QUICK_SIZES : DEFAULT_SIZES;
  return { sizes: chosen, sizesGiven, quick: quick || smoke, smoke, scenarios, seed, out, help };
}
