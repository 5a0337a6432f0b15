/**
 * Scenario "sync": a store of N engagements, each linked to an issue on a loopback fake GitHub
 * (fake-github.ts). Ours is `syncAll` run in-process the way `pals sync` runs it (the desk's
 * Octokit client, conditional GETs with the stored ETag, results saved through the store);
 * the naive baseline GETs every issue with a plain fetch, one at a time, no ETag. Each side
 * runs twice: a first sync (every issue new) and an unchanged re-sync.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGithubClient } from '../electron/core/github/client.js';
import { SYNC_LIMITS, syncAll } from '../electron/core/github/sync.js';
import { PalsStore } from '../electron/core/store/store.js';
import { parseIssueRef } from '../shared/issue-ref.js';
import type { SyncReport } from '../shared/github/report.js';
import type { StoreDoc } from '../shared/schema.js';
import { FakeGithub, type BenchIssue, type FakeCounts } from './fake-github.js';
import type { Metric, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import { withTempDir } from './tempdir.js';

const TOKEN = 'bench-dummy-token';
/** Notes per engagement: the store is saved on every sync, so its size is part of the cost. */
const NOTES_PER = 10;
const BUDGET_SIZE = 200;
const BUDGET_MS = 2000;

/** One pass of one side: what the fake counted and how long it took. */
interface Pass {
  readonly counts: FakeCounts;
  readonly ms: number;
  /** Store writes (file saves) from opening the store to closing it after the pass; ours only. */
  readonly writes?: number;
}

/** The fake's issues for every linked engagement of `doc`. */
function issuesOf(doc: StoreDoc): BenchIssue[] {
  return doc.engagements.flatMap((e) => {
    const ref = e.github ? parseIssueRef(e.github.issue) : null;
    if (!e.github || !ref || 'error' in ref) return [];
    return [
      {
        owner: ref.owner,
        repo: ref.repo,
        number: ref.number,
        title: e.github.title ?? e.name,
        labels: e.github.labels,
        comments: e.github.comments ?? 0,
        updatedAt: '2026-11-01T10:00:00Z',
      },
    ];
  });
}

async function withFake<T>(issues: readonly BenchIssue[], fn: (fake: FakeGithub) => Promise<T>): Promise<T> {
  const fake = await FakeGithub.start(issues);
  try {
    return await fn(fake);
  } finally {
    await fake.close();
  }
}

async function measure(fake: FakeGithub, fn: () => Promise<void>): Promise<Pass> {
  fake.resetCounts();
  const start = performance.now();
  await fn();
  return { ms: performance.now() - start, counts: fake.snapshot() };
}

/**
 * Ours: each pass opens the store, runs `syncAll` with the desk's client pointed at the fake and
 * closes the store, as one `pals sync` does. The wall time is `syncAll`'s; the store writes run
 * to the close, so writes the store defers (a background compaction) count for the pass that
 * caused them.
 */
async function oursPasses(dir: string, issues: readonly BenchIssue[]): Promise<{ first: Pass; again: Pass; reports: SyncReport[] }> {
  return withFake(issues, async (fake) => {
    const reports: SyncReport[] = [];
    const pass = async (): Promise<Pass> => {
      const { store } = await PalsStore.open(dir);
      let measured: Pass;
      try {
        measured = await measure(fake, async () => {
          const client = createGithubClient({ token: TOKEN, baseUrl: fake.url });
          reports.push(await syncAll(store, { client, token: TOKEN }));
        });
      } finally {
        await store.close();
      }
      return { ...measured, writes: store.stats.writes };
    };
    const first = await pass();
    const again = await pass();
    return { first, again, reports };
  });
}

/** Naive: one plain, un-cached GET per issue, one at a time, reading each body. */
async function naivePasses(issues: readonly BenchIssue[]): Promise<{ first: Pass; again: Pass }> {
  return withFake(issues, async (fake) => {
    const run = async () => {
      for (const i of issues) {
        const response = await fetch(`${fake.url}/repos/${i.owner}/${i.repo}/issues/${i.number}`, {
          headers: { authorization: `token ${TOKEN}`, accept: 'application/vnd.github+json', 'user-agent': 'naive-bench' },
        });
        if (!response.ok) throw new Error(`naive GET ${i.owner}/${i.repo}#${i.number}: HTTP ${response.status}`);
        await response.json();
      }
    };
    const first = await measure(fake, run);
    const again = await measure(fake, run);
    return { first, again };
  });
}

function metrics(size: number, ours: { first: Pass; again: Pass }, naive: { first: Pass; again: Pass }): Metric[] {
  const budgeted = size === BUDGET_SIZE;
  const rows = (id: 'first' | 'again', what: string): Metric[] => [
    { id: `${id}-requests`, label: `${what}: requests`, unit: 'count', ours: ours[id].counts.requests, naive: naive[id].counts.requests },
    {
      id: `${id}-points`,
      label: `${what}: rate-limit points`,
      unit: 'count',
      ours: ours[id].counts.points,
      naive: naive[id].counts.points,
      ...(id === 'again' && budgeted
        ? { budget: { max: 0, text: `unchanged re-sync of ${BUDGET_SIZE} issues: 0 points`, judgedAt: BUDGET_SIZE } }
        : {}),
    },
    {
      id: `${id}-wall`,
      label: `${what}: wall time`,
      unit: 'ms',
      ours: ours[id].ms,
      naive: naive[id].ms,
      ...(id === 'again' && budgeted
        ? { budget: { max: BUDGET_MS, text: `unchanged re-sync of ${BUDGET_SIZE} issues: ≤ ${BUDGET_MS / 1000} s`, judgedAt: BUDGET_SIZE } }
        : {}),
    },
    // The naive side saves nothing, so this row has no baseline.
    { id: `${id}-writes`, label: `${what}: store writes`, unit: 'count', ours: ours[id].writes ?? 0 },
  ];
  return [...rows('first', 'first sync (all new)'), ...rows('again', 're-sync (unchanged)')];
}

const statuses = (c: FakeCounts) => `${c.ok}×200, ${c.notModified}×304${c.other ? `, ${c.other} other` : ''}`;

async function runIn(ctx: ScenarioContext, dir: string): Promise<ScenarioResult> {
  const doc = seedDoc(ctx.size, ctx.seed, NOTES_PER);
  await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
  const issues = issuesOf(doc);
  ctx.log(`sync: ${issues.length} linked engagements; ours (syncAll, 2 passes)`);
  const ours = await oursPasses(dir, issues);
  ctx.log('sync: naive (sequential plain fetch, no ETag, 2 passes)');
  const naive = await naivePasses(issues);

  const notes: string[] = [];
  for (const [i, r] of ours.reports.entries()) {
    const pass = i === 0 ? 'first sync' : 're-sync';
    const writes = (i === 0 ? ours.first : ours.again).writes ?? 0;
    notes.push(
      `ours ${pass}: ${r.checked} checked, ${r.updated} updated, ${r.unchanged} unchanged, ${r.failed.length} failed` +
        `${r.error ? `, stopped: ${r.error}` : ''}; fake answered ${statuses(i === 0 ? ours.first.counts : ours.again.counts)}` +
        (r.rateLimit ? `; rate limit seen ${r.rateLimit.remaining}/${r.rateLimit.limit}` : '') +
        `; ${writes} store writes`,
    );
  }
  notes.push(`naive: fake answered ${statuses(naive.first.counts)}, then ${statuses(naive.again.counts)}`);
  notes.push(
    `ours = syncAll in-process as \`pals sync --api-url <fake>\` runs it (${SYNC_LIMITS.concurrency} at a time, the first request alone), wall time includes saving the results to the store (one update per chunk of results; nothing for unchanged issues; ${NOTES_PER} notes per engagement, fsynced writes); each pass opens and closes the store like one \`pals sync\`, and its store writes are counted up to the close`,
  );
  notes.push(
    'naive = one plain fetch per issue, one at a time, no ETag and nothing saved; one pass each, so wall times are single samples',
  );
  notes.push('fake GitHub on 127.0.0.1 (bench/fake-github.ts): a 200 costs 1 rate-limit point, a 304 costs 0, as on api.github.com');
  notes.push(
    'ours is paced ahead of GitHub’s secondary limit (electron/core/github/pace.ts: 900 points a minute, a 304 free): a first sync of more than 900 issues runs at 15 a second after the first 900, so its wall time there is GitHub’s pace, not the desk’s; the unchanged re-sync never waits',
  );
  return { scenario: 'sync', size: ctx.size, baseline: 'plain fetch', metrics: metrics(ctx.size, ours, naive), notes };
}

/** The sync scenario; see the file comment. */
export const syncScenario: Scenario = {
  name: 'sync',
  description: 'pals sync (syncAll, ETag/304) against a loopback fake GitHub vs one plain GET per issue',
  sizes: (profile) => (profile.quick ? [BUDGET_SIZE] : [BUDGET_SIZE, 2000]),
  ownSizes: true,
  run: (ctx) => withTempDir('sync', (dir) => runIn(ctx, dir)),
};
