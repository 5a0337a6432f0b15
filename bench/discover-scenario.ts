/**
 * Scenario "discover": `pals discover` over a repository with 1,000 open issues carrying the
 * label (and 40 Security Pals PRs, 200 unrelated issues) on a loopback fake GitHub. Ours is the
 * desk's discovery (Octokit, 100 per page, Link pages followed, marked against a board of 500
 * linked cards) then `--add` of every unlinked one into the store; the naive baseline pages with
 * GitHub's default page size (30), as a quick script would.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGithubClient } from '../electron/core/github/client.js';
import { discoverIssues } from '../electron/core/github/discover.js';
import { PalsStore } from '../electron/core/store/store.js';
import { addDiscovered, markKnown } from '../shared/github/discovery.js';
import type { DiscoveredIssue } from '../shared/github/issue.js';
import { addEngagement } from '../shared/engagements.js';
import { emptyDoc, type StoreDoc } from '../shared/schema.js';
import { FakeGithub } from '../test/support/github/fake-github.js';
import type { Metric, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { withTempDir } from './tempdir.js';

/** Labelled issues of a full run (the budget's size); a smoke run uses SMOKE_LABELLED. */
const LABELLED = 1000;
const SMOKE_LABELLED = 100;
const BUDGET_MS = 3000;

/** The repository for `labelled` labelled issues: a fifth as many others, a 25th as many PRs; half the labelled ones linked. */
const shape = (labelled: number) => ({ labelled, others: labelled / 5, prs: labelled / 25, linked: labelled / 2 });
type Shape = ReturnType<typeof shape>;

/** Fills the fake's cncf/tag-security: labelled issues, other issues and PRs whose titles discovery looks for. */
function repository(fake: FakeGithub, { labelled, others, prs }: Shape): void {
  const at = { owner: 'cncf', repo: 'tag-security' };
  for (let n = 1; n <= labelled; n++)
    fake.add({ ...at, number: n, title: `[Security Pals] Project ${n} self-assessment`, labels: ['security-pals'] });
  for (let n = 1; n <= others; n++) fake.add({ ...at, number: 5000 + n, title: `Docs ${n}`, labels: ['docs'] });
  for (let n = 1; n <= prs; n++)
    fake.add({ ...at, number: 9000 + n, kind: 'pull', title: `Pr${n} Project Security Self-Assessment - Security Pals` });
}

/** A board whose first `linked` labelled issues are already linked. */
function board(linked: number): StoreDoc {
  let doc = emptyDoc();
  const at = '2026-11-01T09:00:00.000Z';
  for (let n = 1; n <= linked; n++)
    doc = addEngagement(doc, { name: `Linked ${n}`, issue: `cncf/tag-security#${n}` }, { id: `linked-${n}`, at }).doc;
  return doc;
}

/** What one discovery pass asked for: list pages, search pages, core points; and how long it took. */
interface Pass {
  readonly requests: number;
  readonly listPages: number;
  readonly searchPages: number;
  readonly points: number;
  readonly ms: number;
}

async function timed(fake: FakeGithub, run: () => Promise<void>): Promise<Pass> {
  fake.resetCounts();
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  const { requests, points } = fake.counts();
  return {
    requests,
    points,
    listPages: fake.count('GET', /^\/repos\/[^/]+\/[^/]+\/issues\?/),
    searchPages: fake.count('GET', /^\/search\/issues/),
    ms,
  };
}

/** Naive: default page size, every page in turn, then the search the same way. */
async function naive(fake: FakeGithub): Promise<number> {
  let found = 0;
  for (const first of [
    `${fake.url}/repos/cncf/tag-security/issues?labels=security-pals&state=open`,
    `${fake.url}/search/issues?q=${encodeURIComponent('repo:cncf/tag-security is:pr is:open in:title "Security Pals"')}`,
  ]) {
    let next: string | null = first;
    while (next) {
      const response: Response = await fetch(next, { headers: { accept: 'application/vnd.github+json', 'user-agent': 'naive-bench' } });
      const body = (await response.json()) as unknown[] | { items: unknown[] };
      found += Array.isArray(body) ? body.length : body.items.length;
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null;
    }
  }
  return found;
}

async function runIn(ctx: ScenarioContext, dir: string): Promise<ScenarioResult> {
  const repo = shape(ctx.size);
  const fake = await FakeGithub.start();
  try {
    repository(fake, repo);
    await writeFile(join(dir, 'pals.json'), JSON.stringify(board(repo.linked)));
    const { store } = await PalsStore.open(dir);
    let list: DiscoveredIssue[] = [];
    let added = 0;
    try {
      ctx.log(`discover: ${repo.labelled} labelled issues, ${repo.prs} PRs, ${repo.linked} already linked`);
      const ours = await timed(fake, async () => {
        const client = createGithubClient({ token: 'bench-dummy-token', baseUrl: fake.url });
        list = markKnown(store.doc, await discoverIssues(client, { owner: 'cncf', repo: 'tag-security', labels: ['security-pals'] }));
      });
      // The same query again in the same process: what the first run paid once (Octokit, zod, the JIT) left out.
      const warm = await timed(fake, async () => {
        const client = createGithubClient({ token: 'bench-dummy-token', baseUrl: fake.url });
        markKnown(store.doc, await discoverIssues(client, { owner: 'cncf', repo: 'tag-security', labels: ['security-pals'] }));
      });
      const found = list.length;
      const fresh = list.filter((d) => !d.known).length;
      const choices = list.filter((d) => !d.known).map((d) => ({ issue: d.issue, name: d.suggestedName, title: d.title, kind: d.kind }));
      const ids = choices.map((_, i) => `found-${i}`);
      const startAdd = performance.now();
      const result = await store.update((doc) => addDiscovered(doc, choices, ids, new Date().toISOString()));
      const addMs = performance.now() - startAdd;
      added = result.added.length;
      const again = markKnown(store.doc, list).filter((d) => !d.known).length;
      let naiveFound = 0;
      const naivePass = await timed(fake, async () => {
        naiveFound = await naive(fake);
      });
      const metrics: Metric[] = [
        { id: 'requests', label: 'discovery: requests', unit: 'count', ours: ours.requests, naive: naivePass.requests },
        {
          id: 'list-pages',
          label: 'discovery: issue list pages',
          unit: 'count',
          ours: ours.listPages,
          naive: naivePass.listPages,
        },
        {
          id: 'search-pages',
          label: 'discovery: search pages',
          unit: 'count',
          ours: ours.searchPages,
          naive: naivePass.searchPages,
        },
        {
          id: 'points',
          label: 'discovery: core rate-limit points',
          unit: 'count',
          ours: ours.points,
          naive: naivePass.points,
        },
        {
          id: 'wall',
          label: 'discovery: wall time (first run: loads Octokit, cold JIT)',
          unit: 'ms',
          ours: ours.ms,
          naive: naivePass.ms,
          budget: {
            max: BUDGET_MS,
            text: `discovery over ${LABELLED.toLocaleString('en-US')} issues: ≤ ${BUDGET_MS / 1000} s`,
            judgedAt: LABELLED,
          },
        },
        { id: 'wall-warm', label: 'discovery: wall time, run again in the same process', unit: 'ms', ours: warm.ms, naive: naivePass.ms },
        { id: 'add-wall', label: `--add ${added} Intake cards: wall time (one store update)`, unit: 'ms', ours: addMs },
      ];
      const notes = [
        `ours found ${found} (${fresh} not linked); --add added ${added}, after which ${again} are left unlinked (twice adds nothing); naive read ${naiveFound} items`,
        `ours = discoverIssues with the desk's Octokit client (100 per page, Link header followed, at most 10 pages per query), marked against a board of ${repo.linked} linked cards, then addDiscovered in one store update`,
        "naive = plain fetch with GitHub's default 30 per page, following Link, nothing marked or saved",
        "fake GitHub on 127.0.0.1 (test/support/github/, the tests' fake: @octokit/fixtures' recorded shapes): the issues list costs 1 core point per page; search has its own limit (30 a minute on api.github.com)",
      ];
      return { scenario: 'discover', size: repo.labelled, baseline: 'plain fetch, 30/page', metrics, notes };
    } finally {
      await store.close();
    }
  } finally {
    await fake.close();
  }
}

/** The discover scenario; see the file comment. */
export const discoverScenario: Scenario = {
  name: 'discover',
  description: 'pals discover over 1,000 labelled issues (pages, requests, time) and --add of the unlinked ones',
  sizes: (profile) => [profile.smoke ? SMOKE_LABELLED : LABELLED],
  ownSizes: true,
  run: (ctx) => withTempDir('discover', (dir) => runIn(ctx, dir)),
};
