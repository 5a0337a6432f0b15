/**
 * Scenario "store": seeded documents of N engagements × 10 notes; cold load + validate (and ours
 * of a sealed file, which skips validation), one durable edit, a 100-edit burst, a CLI-like
 * command with and without the fold on close, file size and peak memory, against lowdb's naive
 * JSONFile path. Each path is measured in its own child process (store-child.ts), ours first.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { StoreDoc } from '../shared/schema.js';
import { runChild } from './child.js';
import { createRng } from './prng.js';
import type { Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import type { StoreChildInput, StoreChildOutput } from './store-child.js';
import { storeMetrics } from './store-metrics.js';
import { naiveSubject, oursSubject, type Subject } from './subjects.js';
import { withTempDir } from './tempdir.js';

const CHILD = new URL('./store-child.js', import.meta.url);
const BURST_HOURS = 10_000;

/** `count` ids in a seeded random order, all different while count ≤ the number of ids. */
function pickIds(all: readonly string[], count: number, seed: number): string[] {
  const rng = createRng(seed);
  const ids = [...all];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return Array.from({ length: count }, (_, i) => ids[i % ids.length]!);
}

/** Whether the last burst's values (last occurrence of each id) are what the file now holds. */
async function lastBurstOnDisk(file: string, ids: readonly string[], runs: number): Promise<boolean> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as StoreDoc;
  const hours = new Map(doc.engagements.map((e) => [e.id, e.hours]));
  const first = BURST_HOURS + (runs - 1) * ids.length;
  return ids.every((id, i) => ids.lastIndexOf(id) !== i || hours.get(id) === first + i);
}

/** Seeds both folders and returns the engagement ids; the document itself is dropped to keep this process small. */
async function seedFiles(ctx: ScenarioContext, subjects: readonly Subject[]): Promise<string[]> {
  const doc = seedDoc(ctx.size, ctx.seed);
  for (const s of subjects) await writeFile(s.file, s.seedText(doc));
  return doc.engagements.map((e) => e.id);
}

async function runIn(ctx: ScenarioContext, oursDir: string, naiveDir: string): Promise<ScenarioResult> {
  const { profile, log } = ctx;
  const ours = oursSubject(oursDir);
  const naive = naiveSubject(naiveDir);
  log(`store: seeding ${ctx.size} engagements × 10 notes`);
  const ids = await seedFiles(ctx, [ours, naive]);
  const common = {
    loadRuns: profile.loadRuns,
    warmId: pickIds(ids, 1, ctx.seed + 1)[0]!,
    editIds: pickIds(ids, profile.edits, ctx.seed + 2),
    burstIds: pickIds(ids, profile.burstSize, ctx.seed + 3),
    burstHours: BURST_HOURS,
  };
  const plan = `warm-up, ${profile.loadRuns} loads, ${profile.edits} edits`;
  log(`store: ours (${plan}, ${profile.burstRuns} bursts of ${profile.burstSize})`);
  const oursInput: StoreChildInput = { ...common, subject: 'ours', dir: oursDir, burstRuns: profile.burstRuns };
  const oursOut = await runChild<StoreChildOutput>(CHILD, oursInput);
  log(`store: naive lowdb (${plan}, ${profile.naiveBurstRuns} bursts of ${profile.burstSize}, one write per edit)`);
  const naiveInput: StoreChildInput = { ...common, subject: 'naive', dir: naiveDir, burstRuns: profile.naiveBurstRuns };
  const naiveOut = await runChild<StoreChildOutput>(CHILD, naiveInput);

  const notes: string[] = [];
  for (const [subject, input, out] of [[ours, oursInput, oursOut] as const, [naive, naiveInput, naiveOut] as const]) {
    const ok = await lastBurstOnDisk(subject.file, common.burstIds, input.burstRuns);
    notes.push(`${subject.name}: last burst ${ok ? 'is' : 'is NOT'} in pals.json afterwards`);
    if (out.editWrites !== profile.edits) notes.push(`${subject.name}: ${profile.edits} awaited edits made ${out.editWrites} writes`);
  }
  notes.push('naive = lowdb JSONFile (steno): temp file + rename, no fsync, so its saved edits can be lost on power failure');
  notes.push('ours: the first write of a session also copies pals.json into backups/ (rolling backup), see "first edit"');
  notes.push('ours: "cold load + validate" opens with pals.seal moved away; "sealed" opens the file the last fold wrote and sealed');
  const idle = (oursOut.idle.rssBytes / 1024 / 1024).toFixed(0);
  notes.push(`memory: peak of each measuring child process (one store, its loads and edits); an idle child is ~${idle} MB rss`);

  const fileBytes = { ours: (await stat(ours.file)).size, naive: (await stat(naive.file)).size };
  return { scenario: 'store', size: ctx.size, metrics: storeMetrics(oursOut, naiveOut, profile, fileBytes), notes };
}

/** The store scenario; see the file comment. */
export const storeScenario: Scenario = {
  name: 'store',
  description: 'PalsStore load, durable edits and group commit vs lowdb JSONFile',
  run: (ctx) => withTempDir('ours', (oursDir) => withTempDir('naive', (naiveDir) => runIn(ctx, oursDir, naiveDir))),
};
