/**
 * Scenario "memory": what one `pals` command costs in memory on a big store, the budget "a CLI
 * command at 20,000 engagements ≤ 400 MB". Each command (`list --json`, `show --json`, `move`,
 * `note`) runs once as its own process on a sealed pals.json (as the app leaves it) of N
 * engagements × 10 notes, its peak resident memory read by GNU time; the baseline is node
 * reading and JSON.parse-ing the same file once (cli-naive.js parse), measured the same way.
 * Skipped, saying why, where GNU time is missing.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFs } from '../electron/core/lib/fs.js';
import { writeSealedFile } from '../electron/core/store/seal.js';
import { hasGnuTime, runProcess, type ProcessRun } from './cli-process.js';
import type { Metric, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import { withTempDir } from './tempdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PALS_BIN = join(ROOT, 'electron/bin/pals.js');
const NAIVE = fileURLToPath(new URL('./cli-naive.js', import.meta.url));
/** The size the issue judges the budget at. */
const BUDGET_AT = 20_000;
const BUDGET_BYTES = 400 * 1024 * 1024;
const MB = 1024 * 1024;

/** Seeds a sealed pals.json; returns two engagement ids and the file's size. */
async function seed(ctx: ScenarioContext, dir: string): Promise<{ first: string; last: string; bytes: number }> {
  const doc = seedDoc(ctx.size, ctx.seed);
  const text = JSON.stringify(doc);
  await writeSealedFile(nodeFs, join(dir, 'pals.json'), text);
  return { first: doc.engagements[0]!.id, last: doc.engagements.at(-1)!.id, bytes: Buffer.byteLength(text) };
}

async function runIn(ctx: ScenarioContext, dir: string): Promise<ScenarioResult> {
  ctx.log(`memory: seeding ${ctx.size} engagements × 10 notes (sealed)`);
  const seeded = await seed(ctx, dir);
  const env = { ...process.env, PALS_NOW: '2026-11-27' };
  const run = (args: readonly string[]) => runProcess(process.execPath, args, { cwd: ROOT, env });
  const pals = (...args: string[]) => run([PALS_BIN, '--data', dir, ...args]);
  const commands: [string, () => Promise<ProcessRun>][] = [
    ['pals list --json', () => pals('list', '--json')],
    ['pals show REF --json', () => pals('show', seeded.first, '--json')],
    ['pals move REF review', () => pals('move', seeded.last, 'review')],
    ['pals note REF --text …', () => pals('note', seeded.first, '--text', 'Memory check: a short note.')],
  ];
  ctx.log('memory: node reading + parsing the data once (the baseline)');
  const parse = await run([NAIVE, 'parse', join(dir, 'pals.json')]);
  const measured: [string, ProcessRun][] = [];
  for (const [label, command] of commands) {
    ctx.log(`memory: ${label}`);
    measured.push([label, await command()]);
  }
  const failed = [['node read + parse', parse] as const, ...measured].filter(([, r]) => r.code !== 0 || r.peakRssBytes === null);
  const baseline = parse.peakRssBytes ?? Number.NaN;
  const rss = (r: ProcessRun) => (r.code === 0 ? (r.peakRssBytes ?? Number.NaN) : Number.NaN);
  const worst = Math.max(...measured.map(([, r]) => rss(r)));
  const [worstLabel] = measured.find(([, r]) => rss(r) === worst) ?? ['none'];
  const metrics: Metric[] = [
    ...measured.map(([label, r], i): Metric => ({
      id: `rss.${i}`,
      label: `${label}: peak RSS`,
      unit: 'bytes',
      ours: rss(r),
      naive: baseline,
    })),
    {
      id: 'rss.worst',
      label: 'the hungriest command: peak RSS',
      unit: 'bytes',
      ours: failed.length > 0 ? Number.NaN : worst,
      naive: baseline,
      budget: {
        max: BUDGET_BYTES,
        text: `a CLI command at ${BUDGET_AT.toLocaleString('en-US')} engagements: peak RSS ≤ 400 MB`,
        judgedAt: BUDGET_AT,
      },
    },
  ];
  const notes = [
    `pals.json: ${(seeded.bytes / MB).toFixed(1)} MB, sealed; each command runs once as its own process; peak RSS from GNU time (%M)`,
    `baseline ("naive" column) = node reading and JSON.parse-ing pals.json once: ${(baseline / MB).toFixed(0)} MB`,
    `hungriest: ${worstLabel}`,
    ...failed.map(([label, r]) => `FAILED ${label}: ${r.signal ?? `exit ${r.code}`}: ${r.stderr.trim().split('\n')[0] ?? ''}`),
  ];
  return { scenario: 'memory', size: ctx.size, baseline: 'node read + parse', metrics, notes };
}

/** The memory scenario; see the file comment. */
export const memoryScenario: Scenario = {
  name: 'memory',
  description: 'peak memory of one pals command (list, show, move, note) at 20,000 engagements vs node parsing the data',
  sizes: (profile) => [profile.smoke ? 50 : BUDGET_AT],
  run: (ctx) => {
    if (!hasGnuTime()) {
      const reason = 'no GNU time at /usr/bin/time (apt-get install time): peak memory cannot be read';
      ctx.log(`memory: SKIPPED: ${reason}`);
      return Promise.resolve({ scenario: 'memory', size: ctx.size, metrics: [], notes: [], skipped: reason });
    }
    return withTempDir('memory', (dir) => runIn(ctx, dir));
  },
};
