/**
 * Scenario "cli": `pals` as a user runs it, one fresh process per command, timed from outside
 * (spawn to exit, cli-process.ts): `pals --data DIR list --json` and `pals --data DIR note REF
 * --text …` on N engagements × 10 notes; medians of several runs after one warm-up each, with
 * stdout bytes and each process's peak memory. The naive baseline (cli-naive.ts) is a bare
 * node process doing the same through lowdb: read + parse + print, or read + parse + push +
 * write; a bare `node -e 0` start is given too, as the floor every command pays.
 *
 * The budgets of "a command costs what it needs" are ratios of paired runs (ours, then the
 * yardstick, alternating, so a machine that slows down slows both): `pals list` on a
 * one-engagement store against `node -e 0`, and `pals move` / `pals show` (one engagement each)
 * against a node process that reads and parses all the data once (cli-naive.js parse).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { commandMetrics, failures, medianOf, pairedRatio, rangeText, type CommandRuns } from './cli-metrics.js';
import { hasGnuTime, runProcess, type ProcessRun } from './cli-process.js';
import { createRng } from './prng.js';
import type { Profile, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import { withTempDir } from './tempdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAIVE = fileURLToPath(new URL('./cli-naive.js', import.meta.url));
const TODAY = '2026-11-27';
/** Phases `pals move` cycles through (each run moves a different engagement). */
const MOVE_TO = ['meet-greet', 'follow-up', 'draft', 'review', 'done'] as const;
const NOTE_TEXT =
  '## Follow-up\n\n**Attendees:** Ada, Linus\n\n- Walked through the threat model draft.\n- Agreed on the review date.\n\n### Actions\n- [ ] Ada: send the draft to the maintainers\n';

/** A command line: the program and its arguments. */
type Command = readonly [string, readonly string[]];

/** The `pals` launcher named by package.json "bin" (what `npx pals` runs). */
async function palsBin(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> | string };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.pals;
  if (!bin) throw new Error('package.json has no "bin" entry for pals');
  return resolve(ROOT, bin);
}

/** Seeds both folders with the same document; returns `count` engagement ids in seeded order and the file size. */
async function seedFolders(ctx: ScenarioContext, dirs: readonly string[], count: number): Promise<{ ids: string[]; bytes: number }> {
  const doc = seedDoc(ctx.size, ctx.seed);
  const text = JSON.stringify(doc);
  for (const dir of dirs) await writeFile(join(dir, 'pals.json'), text);
  const rng = createRng(ctx.seed + 11);
  const ids = Array.from({ length: count }, () => doc.engagements[rng.int(0, doc.engagements.length - 1)]!.id);
  return { ids, bytes: Buffer.byteLength(text) };
}

/**
 * One warm-up each (page cache, compile cache, the store's first backup; none in a smoke run),
 * then `runs` timed runs, ours and naive alternating.
 */
async function measure(
  profile: Profile,
  ours: (i: number) => Command,
  naive: (i: number) => Command,
  env: NodeJS.ProcessEnv,
): Promise<CommandRuns> {
  const run = ([file, args]: Command) => runProcess(file, args, { cwd: ROOT, env });
  const out: { ours: ProcessRun[]; naive: ProcessRun[] } = { ours: [], naive: [] };
  for (let i = profile.smoke ? 1 : 0; i <= profile.cliRuns; i++) {
    const a = await run(ours(i));
    const b = await run(naive(i));
    if (i === 0) {
      // A failing warm-up is still reported: it is the same command.
      if (a.code !== 0) out.ours.push(a);
      if (b.code !== 0) out.naive.push(b);
      continue;
    }
    out.ours.push(a);
    out.naive.push(b);
  }
  return out;
}

/** Note count of one engagement as `pals show REF --json` reports it, or an error text. */
async function notesOf(bin: string, dir: string, id: string, env: NodeJS.ProcessEnv): Promise<number | string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--data', dir, 'show', id, '--json'], {
      cwd: ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return (JSON.parse(stdout) as { notes: unknown[] }).notes.length;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'failed';
  }
}

async function runIn(ctx: ScenarioContext, oursDir: string, naiveDir: string): Promise<ScenarioResult> {
  const runs = ctx.profile.cliRuns;
  const bin = await palsBin();
  const env: NodeJS.ProcessEnv = { ...process.env, PALS_NOW: TODAY };
  ctx.log(`cli: seeding ${ctx.size} engagements × 10 notes`);
  const seeded = await seedFolders(ctx, [oursDir, naiveDir], runs + 1);
  const naiveFile = join(naiveDir, 'pals.json');
  const node = process.execPath;

  ctx.log(`cli: bare node start, then list --json (1 warm-up + ${runs} runs each, ours and naive alternating)`);
  const bare = await measure(
    ctx.profile,
    () => [node, ['-e', '0']],
    () => [node, ['-e', '0']],
    env,
  );
  const list = await measure(
    ctx.profile,
    () => [node, [bin, '--data', oursDir, 'list', '--json']],
    () => [node, [NAIVE, 'list', naiveFile]],
    env,
  );
  ctx.log(`cli: note REF --text (1 warm-up + ${runs} runs each, a different engagement each run)`);
  const note = await measure(
    ctx.profile,
    (i) => [node, [bin, '--data', oursDir, 'note', seeded.ids[i]!, '--text', NOTE_TEXT]],
    (i) => [node, [NAIVE, 'note', naiveFile, seeded.ids[i]!, NOTE_TEXT]],
    env,
  );
  ctx.log(`cli: move REF PHASE and show REF --json against node reading + parsing the data (1 warm-up + ${runs} runs each)`);
  const parse: Command = [node, [NAIVE, 'parse', naiveFile]];
  const move = await measure(
    ctx.profile,
    (i) => [node, [bin, '--data', oursDir, 'move', seeded.ids[i]!, MOVE_TO[i % MOVE_TO.length]!]],
    () => parse,
    env,
  );
  const show = await measure(
    ctx.profile,
    (i) => [node, [bin, '--data', oursDir, 'show', seeded.ids[i]!, '--json']],
    () => parse,
    env,
  );
  ctx.log(`cli: start-up, pals list on a one-engagement store against node -e 0 (1 warm-up + ${runs} runs each)`);
  const tinyDir = join(naiveDir, 'tiny');
  await runProcess(node, [bin, '--data', tinyDir, 'add', '--name', 'Kyverno', '--kickoff', '2026-11-02'], { cwd: ROOT, env });
  const startup = await measure(
    ctx.profile,
    () => [node, [bin, '--data', tinyDir, 'list']],
    () => [node, ['-e', '0']],
    env,
  );
  const last = seeded.ids[runs]!;
  // Every run noted an engagement, the warm-up too (a smoke run has none).
  const expected = 10 + seeded.ids.slice(ctx.profile.smoke ? 1 : 0).filter((id) => id === last).length;
  const counted = await notesOf(bin, oursDir, last, env);

  const notes = [
    `each figure is one whole process (node start, module load, store open + validate, the command, exit), timed from spawn to exit; medians of ${runs} runs after one warm-up`,
    `bare \`node -e 0\`: ${medianOf(bare.ours, (r) => r.ms).toFixed(1)} ms median, the floor every command pays`,
    `list --json: ours ${rangeText(list.ours)}; naive ${rangeText(list.naive)}`,
    `note: ours ${rangeText(note.ours)}; naive ${rangeText(note.naive)}; ours' warm-up also took the rolling backup (≤ 1 per 10 min)`,
    `note check: \`pals show ${last} --json\` lists ${typeof counted === 'number' ? `${counted} notes (expected ${expected})` : `nothing: ${counted}`}`,
    `seeded pals.json: ${(seeded.bytes / 1024 / 1024).toFixed(1)} MB (compact JSON, both sides)`,
    hasGnuTime() ? 'peak RSS: GNU time (%M) of each process' : 'peak RSS: not measured (no GNU time at /usr/bin/time)',
    'naive = node + lowdb JSONFile (cli-naive.ts): no validation, lock, fsync, backup or due dates; list prints the stored engagements pretty-printed like --json',
    `start-up: pals list (one engagement) ${rangeText(startup.ours)}; node -e 0 ${rangeText(startup.naive)}`,
    `move: ${rangeText(move.ours)}; show --json: ${rangeText(show.ours)}; node read + JSON.parse of pals.json: ${rangeText(move.naive)}`,
    'ratios are medians of per-pair ratios (ours, then the yardstick, alternating)',
    ...failures('list --json', list),
    ...failures('note', note),
    ...failures('move', move),
    ...failures('show', show),
    ...failures('start-up list', startup),
  ];
  if (typeof counted !== 'number' || counted !== expected) notes.push('FAILED: the notes added by `pals note` are not all in the store');
  return {
    scenario: 'cli',
    size: ctx.size,
    baseline: 'node + lowdb',
    metrics: [
      ...commandMetrics('list', '`pals list --json`', list, true),
      ...commandMetrics('note', '`pals note REF --text …`', note, false),
      // The budget on a command's memory (≤ 400 MB at 20,000) is judged by the memory scenario.
      ...commandMetrics('move', '`pals move REF PHASE`', move, false),
      ...commandMetrics('show', '`pals show REF --json`', show, false),
      {
        id: 'startup.ratio',
        label: '`pals list`, one engagement ÷ `node -e 0` (paired)',
        unit: 'ratio',
        ours: pairedRatio(startup),
        budget: { max: 2, text: 'pals list on a tiny store ≤ 2× node -e 0' },
      },
      {
        id: 'move.ratio',
        label: '`pals move` ÷ node reading + parsing the data (paired)',
        unit: 'ratio',
        ours: pairedRatio(move),
        budget: { max: 1.5, text: 'move ≤ 1.5× node reading and parsing all the data once' },
      },
      {
        id: 'show.ratio',
        label: '`pals show --json` ÷ node reading + parsing the data (paired)',
        unit: 'ratio',
        ours: pairedRatio(show),
        budget: { max: 1.5, text: 'show ≤ 1.5× node reading and parsing all the data once' },
      },

      { id: 'store-bytes', label: 'pals.json as seeded', unit: 'bytes', ours: seeded.bytes },
    ],
    notes,
  };
}

/** The CLI scenario; see the file comment. */
export const cliScenario: Scenario = {
  name: 'cli',
  description: 'pals list --json and pals note as whole processes (wall time, stdout, peak RSS) vs node + lowdb',
  run: (ctx) => withTempDir('cli-ours', (oursDir) => withTempDir('cli-naive', (naiveDir) => runIn(ctx, oursDir, naiveDir))),
};
