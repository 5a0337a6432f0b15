/**
 * Scenario "intake": `checkSecurity` (what `pals intake check --all` and the Intake column's "Check
 * all" call) over 40 Intake engagements on a loopback fake of GitHub's contents API and the
 * Scorecard API: the first check (every file asked), then `--refresh` (the same files asked with
 * their ETags: 304s). Ours checks a few engagements at once; the baseline is the same code one
 * engagement at a time.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { envTokenSource } from '../electron/core/lib/token-source.js';
import { openCore } from '../electron/core/open-core.js';
import { addEngagement } from '../shared/engagements.js';
import { emptyDoc, type StoreDoc } from '../shared/schema.js';
import { startIntakeFake } from './intake-fake.js';
import type { Metric, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { withTempDir } from './tempdir.js';

/** Engagements checked in a full run (the budget's size); a smoke run checks SMOKE_PROJECTS. */
const PROJECTS = 40;
const SMOKE_PROJECTS = 10;
const BUDGET_MS = 3000;

function board(projects: number): StoreDoc {
  let doc = emptyDoc();
  const at = '2026-12-01T09:00:00.000Z';
  for (let i = 0; i < projects; i++)
    doc = addEngagement(doc, { name: `Project ${i}`, repo: `https://github.com/org${i}/repo${i}` }, { id: `intake-${i}`, at }).doc;
  return doc;
}

/** A third have a policy at the root, a third in docs/, one in five a self-assessment; half are scanned. */
function world(projects: number): { files: Set<string>; scanned: Set<string> } {
  const files = new Set<string>();
  const scanned = new Set<string>();
  for (let i = 0; i < projects; i++) {
    if (i % 3 === 0) files.add(`org${i}/repo${i}/SECURITY.md`);
    if (i % 3 === 1) files.add(`org${i}/repo${i}/docs/SECURITY.md`);
    if (i % 5 === 0) files.add(`cncf/tag-security/community/assessments/projects/project-${i}/self-assessment.md`);
    if (i % 2 === 0) scanned.add(`org${i}/repo${i}`);
  }
  return { files, scanned };
}

async function measure(dir: string, projects: number, concurrency: number) {
  const { files, scanned } = world(projects);
  const fake = await startIntakeFake(files, scanned);
  await writeFile(join(dir, 'pals.json'), JSON.stringify(board(projects)));
  const core = await openCore(dir, {
    today: () => '2026-12-07',
    github: { tokenSource: envTokenSource({}), apiUrl: fake.url, scorecardUrl: fake.url, sync: { concurrency } },
    log: () => undefined,
  });
  try {
    const time = async (refresh: boolean) => {
      const before = { ...fake.counts };
      const start = performance.now();
      const answer = await core.call('checkSecurity', { refresh });
      const ms = performance.now() - start;
      if (!answer.ok) throw new Error(answer.error.message);
      return {
        ms,
        report: answer.value,
        requests: fake.counts.requests - before.requests,
        notModified: fake.counts.notModified - before.notModified,
      };
    };
    const first = await time(false);
    const again = await time(true);
    return { first, again };
  } finally {
    await core.close();
    await fake.close();
  }
}

async function runIn(ctx: ScenarioContext): Promise<ScenarioResult> {
  ctx.log(`intake: security check of ${ctx.size} engagements, then --refresh`);
  // The first check in a process loads Octokit and warms the JIT: paid once, in a run not counted, so neither side gets it.
  const cold = await withTempDir('intake-cold', (dir) => measure(dir, ctx.size, 6));
  const naive = await withTempDir('intake-naive', (dir) => measure(dir, ctx.size, 1));
  const ours = await withTempDir('intake', (dir) => measure(dir, ctx.size, 6));
  const found = ours.first.report.results.reduce<Record<string, number>>((m, r) => ({ ...m, [r.security]: (m[r.security] ?? 0) + 1 }), {});
  const metrics: Metric[] = [
    {
      id: 'wall',
      label: `intake check of ${ctx.size}: wall time (warm process)`,
      unit: 'ms',
      ours: ours.first.ms,
      naive: naive.first.ms,
      budget: {
        max: BUDGET_MS,
        text: `a check of ${PROJECTS} engagements on loopback: a few seconds (≤ ${BUDGET_MS / 1000} s)`,
        judgedAt: PROJECTS,
      },
    },
    {
      id: 'cold-wall',
      label: `intake check of ${ctx.size}: wall time, first in the process (loads Octokit, cold JIT)`,
      unit: 'ms',
      ours: cold.first.ms,
    },
    { id: 'requests', label: 'intake check: requests', unit: 'count', ours: ours.first.requests, naive: naive.first.requests },
    { id: 'refresh-wall', label: '--refresh: wall time (conditional requests)', unit: 'ms', ours: ours.again.ms, naive: naive.again.ms },
    {
      id: 'refresh-304',
      label: '--refresh: answers 304 (no rate-limit point)',
      unit: 'count',
      ours: ours.again.notModified,
      naive: naive.again.notModified,
    },
  ];
  const notes = [
    `found: ${Object.entries(found)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    'ours = checkSecurity through the core (6 engagements at once; per engagement: SECURITY.md at the root, .github/, docs/ until found, the self-assessment folders, Scorecard, side by side), saved in one store update',
    'naive = the same code one engagement at a time',
    'one fake on 127.0.0.1 answers both GitHub contents and Scorecard (bench/intake-fake.ts)',
  ];
  return { scenario: 'intake', size: ctx.size, baseline: 'one at a time', metrics, notes };
}

/** The intake scenario; see the file comment. */
export const intakeScenario: Scenario = {
  name: 'intake',
  description: 'pals intake check of 40 engagements (time, requests) and --refresh (304s)',
  sizes: (profile) => [profile.smoke ? SMOKE_PROJECTS : PROJECTS],
  ownSizes: true,
  run: (ctx) => runIn(ctx),
};
