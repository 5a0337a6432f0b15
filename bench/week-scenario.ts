/**
 * Scenario "week" (issue 15): the "Needs attention" digest and the board split into swimlanes by
 * pal, on the seeded store (N engagements × 10 notes, about two hundred pals). Measured: the pure
 * digest in process; `pals due --json` as a whole process; and in Debian's Chromium against the
 * real `pals serve`, a cold load of the board kept in swimlanes (until the first lane and the
 * digest are painted), the DOM it leaves, and Ctrl+K to the command palette on screen. Skipped,
 * with the reason, when the renderer is not built or Chromium is missing.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { nodeFs } from '../electron/core/lib/fs.js';
import { writeSealedFile } from '../electron/core/store/seal.js';
import { needsAttention } from '../shared/attention.js';
import { DEFAULT_VIEW } from '../shared/views.js';
import type { StoreDoc, ViewState } from '../shared/schema.js';
import { waitInPage } from './board-probe.js';
import { browserScenario, launchChromium, PALS_NOW, startServe } from './board-serve.js';
import { runProcess } from './cli-process.js';
import type { Budget, Metric, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PALS_BIN = join(ROOT, 'electron/bin/pals.js');
const VIEWPORT = { width: 1280, height: 800 };
const PURE_RUNS = 30;
const LOAD_TIMEOUT_MS = 120_000;
// The board's own budgets (board-metrics.ts) hold for the board in swimlanes too.
const INTERACTIVE: Budget = { max: 1000, text: 'board interactive ≤ 1,000 ms (median), in swimlanes' };
const DOM: Budget = { max: 1500, text: 'DOM ≤ 1,500 elements after load, in swimlanes' };

/** The seeded document, left in swimlanes by pal (as a coordinator who chose them would find it). */
function weekDoc(ctx: ScenarioContext): StoreDoc {
  const doc = seedDoc(ctx.size, ctx.seed);
  return { ...doc, settings: { ...doc.settings, views: { current: { ...DEFAULT_VIEW, swimlanes: 'pal' }, saved: [] } } };
}

/**
 * In-page probe, installed before the page's scripts (the strict CSP forbids evaluating strings
 * later): a frame loop noting when the first lane and the digest's items are there, and when the
 * palette lists its commands after Ctrl+K. Source text: the bench compiles without DOM typings.
 */
const PROBE_SOURCE = String.raw`(() => {
  const s = { ready: null, armedAt: null, palette: null };
  window.__palsWeek = s;
  const tick = () => {
    const board = document.querySelector('.lane') || document.querySelector('.column li.card');
    if (s.ready === null && board && document.querySelector('.attention-item')) s.ready = performance.now();
    if (s.armedAt !== null && s.palette === null && document.querySelector('[role="dialog"][aria-label="Command palette"] [role="option"]')) {
      s.palette = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const IN_PAGE = {
  ready: 'window.__palsWeek?.ready != null',
  readyAt: 'window.__palsWeek.ready',
  settle: 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))',
  dom: `({ domElements: document.getElementsByTagName('*').length, cards: document.querySelectorAll('li.card').length,
    lanes: document.querySelectorAll('.lane').length, digestItems: document.querySelectorAll('.attention-item').length })`,
  arm: 'window.__palsWeek.armedAt = performance.now()',
  palette: 'window.__palsWeek.palette != null',
  paletteMs: 'window.__palsWeek.palette - window.__palsWeek.armedAt',
};

/** Keeps a view with the data, as the board's selects do (`saveViewState`). */
async function keepView(origin: string, token: string, view: ViewState): Promise<void> {
  const response = await fetch(`${origin}/api/saveViewState`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pals-token': token, 'x-pals-channel': 'pals:saveViewState' },
    body: JSON.stringify({ view }),
  });
  const answer = (await response.json()) as { ok: boolean };
  if (!answer.ok) throw new Error(`saveViewState answered ${response.status}`);
}

interface LaneRun {
  readonly interactive: number;
  readonly domElements: number;
  readonly cards: number;
  readonly lanes: number;
  readonly digestItems: number;
  readonly paletteMs: number;
}

/** One cold load in swimlanes, then Ctrl+K. */
async function laneRun(browser: Browser, url: string): Promise<LaneRun> {
  // (In columns, the control: the same load with the first card of a column in place of the first lane.)
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: PROBE_SOURCE });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // The first lane and the digest's items painted: then the board in lanes is usable.
    await waitInPage(page, IN_PAGE.ready, LOAD_TIMEOUT_MS);
    const interactive = await page.evaluate<number>(IN_PAGE.readyAt);
    await page.evaluate(IN_PAGE.settle);
    const dom = await page.evaluate<Omit<LaneRun, 'interactive' | 'paletteMs'>>(IN_PAGE.dom);
    await page.waitForTimeout(500); // let the load's last frames go by
    await page.evaluate(IN_PAGE.arm);
    await page.keyboard.press('Control+k');
    await waitInPage(page, IN_PAGE.palette, 30_000, 10);
    const paletteMs = await page.evaluate<number>(IN_PAGE.paletteMs);
    return { interactive, ...dom, paletteMs };
  } finally {
    await context.close();
  }
}

async function runIn(ctx: ScenarioContext, dir: string): Promise<ScenarioResult> {
  ctx.log(`week: seeding ${ctx.size} engagements × 10 notes, left in swimlanes by pal`);
  const doc = weekDoc(ctx);
  const pals = new Set(doc.engagements.flatMap((e) => e.pals)).size;
  // Sealed, as the app leaves the file after a whole-file write: a command then skips the schema pass.
  await writeSealedFile(nodeFs, join(dir, 'pals.json'), JSON.stringify(doc));

  const pure: number[] = [];
  let digestSize = 0;
  for (let i = 0; i <= PURE_RUNS; i++) {
    const t0 = performance.now();
    digestSize = needsAttention(doc, PALS_NOW, doc.settings.dueSoonDays).length;
    if (i > 0) pure.push(performance.now() - t0);
  }

  ctx.log(`week: pals due --json, ${ctx.profile.cliRuns} runs`);
  const due: number[] = [];
  const env = { ...process.env, PALS_NOW };
  for (let i = 0; i <= ctx.profile.cliRuns; i++) {
    const run = await runProcess(process.execPath, [PALS_BIN, '--data', dir, 'due', '--json'], { cwd: ROOT, env });
    if (run.code !== 0) throw new Error(`pals due failed: ${run.stderr}`);
    if (i > 0) due.push(run.ms);
  }

  const served = await startServe(dir);
  const runs: LaneRun[] = [];
  const columns: LaneRun[] = [];
  try {
    const { origin, token } = served;
    const browser = await launchChromium();
    try {
      for (let i = 1; i <= ctx.profile.boardRuns; i++) {
        ctx.log(`week: swimlanes run ${i}/${ctx.profile.boardRuns} (cold load, then Ctrl+K)`);
        runs.push(await laneRun(browser, await served.link()));
      }
      // The control: the same loads of the board in columns (the view changed through the API, as the select does).
      await keepView(origin, token, { ...DEFAULT_VIEW, swimlanes: 'none' });
      for (let i = 1; i <= ctx.profile.boardRuns; i++) {
        ctx.log(`week: control run ${i}/${ctx.profile.boardRuns} (the board in columns)`);
        columns.push(await laneRun(browser, await served.link()));
      }
    } finally {
      await browser.close();
    }
  } finally {
    await served.stop();
  }
  const med = (pick: (r: LaneRun) => number) => median(runs.map(pick));
  const metrics: Metric[] = [
    { id: 'week.digest.pure', label: 'needsAttention() in process (median)', unit: 'ms', ours: median(pure) },
    { id: 'week.due.cli', label: 'pals due --json, spawn to exit (median)', unit: 'ms', ours: median(due) },
    {
      id: 'week.lanes.interactive',
      label: 'swimlanes board: first lane and digest painted (median)',
      unit: 'ms',
      ours: med((r) => r.interactive),
      budget: INTERACTIVE,
    },
    {
      id: 'week.lanes.dom',
      label: 'swimlanes board: DOM elements after load',
      unit: 'count',
      ours: med((r) => r.domElements),
      budget: DOM,
    },
    { id: 'week.lanes.cards', label: 'swimlanes board: cards in the DOM', unit: 'count', ours: med((r) => r.cards) },
    {
      id: 'week.columns.interactive',
      label: 'control: the board in columns, same load (median)',
      unit: 'ms',
      ours: median(columns.map((r) => r.interactive)),
    },
    {
      id: 'week.columns.dom',
      label: 'control: the board in columns, DOM elements',
      unit: 'count',
      ours: median(columns.map((r) => r.domElements)),
    },
    {
      id: 'week.columns.cards',
      label: 'control: the board in columns, cards in the DOM',
      unit: 'count',
      ours: median(columns.map((r) => r.cards)),
    },
    { id: 'week.palette.open', label: 'Ctrl+K to the command palette listed (median)', unit: 'ms', ours: med((r) => r.paletteMs) },
  ];
  const notes = [
    `${ctx.size} engagements, ${pals} pals (a lane each), ${digestSize} items need attention on ${PALS_NOW}; lanes rendered after load: ${med((r) => r.lanes)}, digest items shown: ${med((r) => r.digestItems)}`,
  ];
  return { scenario: 'week', size: ctx.size, metrics, notes };
}

/** The week scenario; see the file comment. */
export const weekScenario: Scenario = browserScenario(
  'week',
  "the coordinator's week: the Needs attention digest and the swimlane board in Chromium",
  runIn,
);
