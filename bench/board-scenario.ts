/**
 * Scenario "board": the seeded store (N engagements × 10 notes) behind the real `pals serve`,
 * measured in Debian's Chromium (playwright-core). Each run is a cold load in a fresh browser
 * context, then one mouse drag of a card across three columns until the move is on disk.
 * Skipped, with the reason, when the renderer is not built or Chromium is missing.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { apiMoveDurable } from './board-control.js';
import { dragCard } from './board-drag.js';
import { loadBoard } from './board-load.js';
import type { BoardRun } from './board-figures.js';
import { boardMetrics } from './board-metrics.js';
import { boardNotes } from './board-notes.js';
import { payloadShares, type PayloadShares } from './board-payload.js';
import { PROBE } from './board-probe.js';
import { browserScenario, launchChromium, startServe, type Served } from './board-serve.js';
import type { Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';

interface Seeded {
  readonly count: number;
  readonly idOf: (name: string) => string | undefined;
  readonly shares: PayloadShares;
}

/** Writes the seeded document as pals.json and keeps only what the runs need (names → ids). */
async function seedFolder(ctx: ScenarioContext, dir: string): Promise<Seeded> {
  const doc = seedDoc(ctx.size, ctx.seed);
  await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
  const ids = new Map(doc.engagements.map((e) => [e.name, e.id]));
  return { count: doc.engagements.length, idOf: (name) => ids.get(name), shares: payloadShares(doc) };
}

async function measureRuns(ctx: ScenarioContext, browser: Browser, served: Served, dir: string, seeded: Seeded): Promise<BoardRun[]> {
  const runs: BoardRun[] = [];
  for (let i = 1; i <= ctx.profile.boardRuns; i++) {
    ctx.log(`board: run ${i}/${ctx.profile.boardRuns} (cold load, drag, wait until durable)`);
    const loaded = await loadBoard(browser, await served.link(), seeded.count);
    try {
      const drag = await dragCard(loaded, dir, seeded.idOf);
      const parse = await loaded.page.evaluate<BoardRun['parse']>(PROBE.parseBoard);
      runs.push({
        load: loaded.snapshot,
        wire: loaded.wire,
        heapUsedBytes: loaded.heapUsedBytes,
        heapAfterGcBytes: loaded.heapAfterGcBytes,
        drag,
        parse,
      });
    } finally {
      await loaded.context.close();
    }
  }
  return runs;
}

async function runIn(ctx: ScenarioContext, dir: string): Promise<ScenarioResult> {
  ctx.log(`board: seeding ${ctx.size} engagements × 10 notes`);
  const seeded = await seedFolder(ctx, dir);
  const served = await startServe(dir);
  try {
    const browser = await launchChromium();
    try {
      const load = `system load average before the runs: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (figures swing when other work competes)`;
      const runs = await measureRuns(ctx, browser, served, dir, seeded);
      ctx.log(`board: control, ${runs.length} moves through the API with no page open`);
      const control: number[] = [];
      for (const run of runs) control.push(await apiMoveDurable(served, dir, run.drag.id, 'review'));
      const notes = [load, ...boardNotes(runs, control, seeded)];
      return { scenario: 'board', size: ctx.size, metrics: boardMetrics(runs, control), notes };
    } finally {
      await browser.close();
    }
  } finally {
    await served.stop();
  }
}

/** The board scenario; see the file comment. */
export const boardScenario: Scenario = browserScenario(
  'board',
  'the board in Chromium against pals serve: load, DOM, heap, drag frames, drop to durable',
  runIn,
);
