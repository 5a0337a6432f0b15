/** Command-line options of `npm run bench` (after `--`): sizes, quick mode, scenarios, seed, output file. */

/** Parsed options; `scenarios` empty means every registered scenario. */
export interface BenchArgs {
  readonly sizes: readonly number[];
  /** Whether `--sizes` was given (then it overrides the sizes a scenario picks itself). */
  readonly sizesGiven: boolean;
  readonly quick: boolean;
  readonly scenarios: readonly string[];
  readonly seed: number;
  readonly out: string | null;
  readonly help: boolean;
}

/** Sizes measured without `--sizes`: budgets are judged at 5,000; 500 beside it shows how each figure grows. */
export const DEFAULT_SIZES: readonly number[] = [500, 5000];

/** Sizes of a `--quick` smoke run without `--sizes`. */
export const QUICK_SIZES: readonly number[] = [500];

/** Usage text printed by `--help` and after a bad option. */
export const USAGE = `usage: npm run bench -- [--sizes 500,5000,20000] [--quick] [--scenario store,cli,board,sync,discover,intake,export,insight,week] [--seed 42] [--out file.json]
  --sizes     engagement counts to measure, 10 notes each (default 500,5000; --quick 500); budgets
              are judged at 5,000, and with several sizes a table shows how each figure grew.
              sync and export always use their own (sync: 200 and 2000 linked issues,
              --quick 200; export: a 50-project round), as the issue defines them
  --quick     fewer repetitions: a smoke run, not figures to quote
  --scenario  comma-separated scenario names: store, cli, board, sync, discover, intake, export, insight, week
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

/** Parses argv (without node and the script); throws Error with a readable message on bad input. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let sizes: readonly number[] = DEFAULT_SIZES;
  let sizesGiven = false;
  let quick = false;
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
    else if (flag === '--scenario') scenarios = value().split(',').filter(Boolean);
    else if (flag === '--seed') seed = positiveInts(value(), flag)[0]!;
    else if (flag === '--out') out = value();
    else if (flag === '--help' || flag === '-h') help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return { sizes: sizesGiven ? sizes : quick ? QUICK_SIZES : DEFAULT_SIZES, sizesGiven, quick, scenarios, seed, out, help };
}
