/**
 * Scenario "insight" (issue 13): `pals insight --json` on 5,000 engagements × 10 notes spread
 * over 10 rounds, as a whole process timed from outside (spawn to exit), paired with node
 * reading and parsing the same data once (the yardstick of the CLI scenario: any command must
 * at least read the store); and the pure `insight()` over the loaded document, in process.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nodeFs } from '../electron/core/lib/fs.js';
import { writeSealedFile } from '../electron/core/store/seal.js';
import { insight } from '../shared/insight.js';
import { newRound, type StoreDoc } from '../shared/schema.js';
import { commandMetrics, failures, medianOf, pairedRatio, rangeText, type CommandRuns } from './cli-metrics.js';
import { runProcess, type ProcessRun } from './cli-process.js';
import type { Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import { median } from './stats.js';
import { withTempDir } from './tempdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAIVE = fileURLToPath(new URL('./cli-naive.js', import.meta.url));
const TODAY = '2026-11-27';
const ROUNDS = 10;
/** In-process runs of `insight()` (it takes milliseconds; many runs steady the median). */
const PURE_RUNS = 30;

/** The seeded document with its engagements dealt over `rounds` rounds, each round's timebox a little different. */
export function roundsDoc(size: number, seed: number, rounds = ROUNDS): StoreDoc {
  const doc = seedDoc(size, seed);
  const list = Array.from({ length: rounds }, (_, i) => {
    const r = newRound(`round-${i + 1}`, `Round ${i + 1}`);
    return { ...r, windows: { ...r.windows, review: { start: 12, end: 14 + (i % 4) } } };
  });
  return {
    ...doc,
    settings: { ...doc.settings, currentRound: list.at(-1)!.id },
    rounds: list,
    engagements: doc.engagements.map((e, i) => ({ ...e, round: list[i % rounds]!.id })),
  };
}

async function palsBin(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> | string };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.pals;
  if (!bin) throw new Error('package.json has no "bin" entry for pals');
  return resolve(ROOT, bin);
}

/** One warm-up, then `runs` timed pairs (ours, then the yardstick, back to back). */
async function paired(runs: number, ours: readonly string[], naive: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandRuns> {
  const run = (args: readonly string[]) => runProcess(process.execPath, args, { cwd: ROOT, env });
  const out: { ours: ProcessRun[]; naive: ProcessRun[] } = { ours: [], naive: [] };
  for (let i = 0; i <= runs; i++) {
    const a = await run(ours);
    const b = await run(naive);
    if (i === 0) continue;
    out.ours.push(a);
    out.naive.push(b);
  }
  return out;
}

async function runIn(ctx: ScenarioContext, dir: string): Promise<ScenarioResult> {
  const runs = ctx.profile.cliRuns;
  const env: NodeJS.ProcessEnv = { ...process.env, PALS_NOW: TODAY };
  ctx.log(`insight: seeding ${ctx.size} engagements × 10 notes over ${ROUNDS} rounds`);
  const doc = roundsDoc(ctx.size, ctx.seed);
  const file = join(dir, 'pals.json');
  const text = JSON.stringify(doc);
  // Sealed, as the app leaves the file after any whole-file write (a validated document's bytes):
  // a read-only command then skips the schema pass, as it does on a coordinator's own store.
  await writeSealedFile(nodeFs, file, text);
  const naiveDir = join(dir, 'naive');
  await mkdir(naiveDir);
  const naiveFile = join(naiveDir, 'pals.json');
  await writeFile(naiveFile, text);
  const bin = await palsBin();

  ctx.log(`insight: pure insight() in process (${PURE_RUNS} runs)`);
  const pure: number[] = [];
  let answer = insight(doc, TODAY);
  for (let i = 0; i < PURE_RUNS; i++) {
    const start = performance.now();
    answer = insight(doc, TODAY);
    pure.push(performance.now() - start);
  }
  const parseTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    JSON.parse(text);
    parseTimes.push(performance.now() - start);
  }

  ctx.log(`insight: pals insight --json against node reading + parsing the data (1 warm-up + ${runs} runs each)`);
  const whole = await paired(runs, [bin, '--data', dir, 'insight', '--json'], [NAIVE, 'parse', naiveFile], env);
  ctx.log(`insight: pals insight (text) (1 warm-up + ${runs} runs)`);
  const table = await paired(runs, [bin, '--data', dir, 'insight'], [NAIVE, 'parse', naiveFile], env);
  ctx.log(`insight: the same on an unsealed pals.json (a restored or hand-edited file: the schema pass runs) (${runs} runs)`);
  const unsealedDir = join(dir, 'unsealed');
  await mkdir(unsealedDir);
  await writeFile(join(unsealedDir, 'pals.json'), text);
  const unsealed = await paired(runs, [bin, '--data', unsealedDir, 'insight', '--json'], [NAIVE, 'parse', naiveFile], env);

  // The answer is checked, not only timed: every round and every engagement counted once.
  let check: string;
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--data', dir, 'insight', '--json'], {
      cwd: ROOT,
      env,
      maxBuffer: 64 << 20,
    });
    const got = JSON.parse(stdout) as { rounds: { engagements: number }[] };
    const total = got.rounds.reduce((s, r) => s + r.engagements, 0);
    check =
      got.rounds.length === ROUNDS && total === ctx.size
        ? `check: ${ROUNDS} rounds, ${total} engagements counted`
        : `FAILED check: ${got.rounds.length} rounds, ${total} engagements (expected ${ROUNDS}, ${ctx.size})`;
  } catch (error) {
    check = `FAILED check: ${(error as Error).message.split('\n')[0] ?? 'failed'}`;
  }

  return {
    scenario: 'insight',
    size: ctx.size,
    baseline: 'node read + parse',
    metrics: [
      ...commandMetrics('insight', '`pals insight --json`', whole, true),
      {
        id: 'insight.ratio',
        label: '`pals insight --json` ÷ node reading + parsing the data (paired)',
        unit: 'ratio',
        ours: pairedRatio(whole),
      },
      {
        id: 'insight-text.wall',
        label: '`pals insight` (text): wall time, median',
        unit: 'ms',
        ours: medianOf(table.ours, (r) => r.ms),
        naive: medianOf(table.naive, (r) => r.ms),
      },
      {
        id: 'insight-unsealed.ratio',
        label: '`pals insight --json`, unsealed pals.json ÷ node reading + parsing (paired)',
        unit: 'ratio',
        ours: pairedRatio(unsealed),
      },
      {
        id: 'insight.pure',
        label: '`insight()` over the loaded document, in process, median',
        unit: 'ms',
        ours: median(pure),
        naive: median(parseTimes),
      },
    ],
    notes: [
      `${ctx.size} engagements × 10 notes dealt over ${ROUNDS} rounds (${answer.pals.length} pals); pals.json ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`,
      `pals insight --json: ${rangeText(whole.ours)}; node read + JSON.parse: ${rangeText(whole.naive)}; unsealed: ${rangeText(unsealed.ours)}`,
      `in process: insight() ${median(pure).toFixed(1)} ms median of ${PURE_RUNS}; its "naive" column is JSON.parse of pals.json in process (${median(parseTimes).toFixed(0)} ms)`,
      'ratios are medians of per-pair ratios (ours, then the yardstick, alternating)',
      check,
      ...failures('insight --json', whole),
      ...failures('insight', table),
      ...failures('insight --json (unsealed)', unsealed),
    ],
  };
}

/** The insight scenario; see the file comment. */
export const insightScenario: Scenario = {
  name: 'insight',
  description: 'pals insight over 5,000 engagements in 10 rounds (whole process vs node read + parse; insight() in process)',
  sizes: (profile) => [profile.smoke ? 50 : 5000],
  ownSizes: true,
  run: (ctx) => withTempDir('insight', (dir) => runIn(ctx, dir)),
};
