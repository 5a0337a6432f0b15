/**
 * Discovery: open issues of a repository carrying a label, and open pull requests titled by the
 * self-assessment convention ("<Project> Project Security Self-Assessment - Security Pals"),
 * less what the board already links. Pages are followed through GitHub's Link header.
 */
import { discovered, parseSelfAssessmentTitle, snapshotFromApi, type DiscoveredIssue } from '../../../shared/github/issue.js';
import { unlinked } from '../../../shared/github/discovery.js';
import type { StoreDoc } from '../../../shared/schema.js';
import type { GithubClient } from './client.js';

/** At most this many pages (of 100) per query, so a huge repository cannot keep a search going. */
export const MAX_PAGES = 10;

export interface DiscoverQuery {
  readonly owner: string;
  readonly repo: string;
  /** Issues with this label; without one, only self-assessment PRs are looked for. */
  readonly label?: string;
  readonly signal?: AbortSignal;
}

function toDiscovered(items: readonly unknown[]): DiscoveredIssue[] {
  return items.flatMap((item) => {
    const snapshot = snapshotFromApi(item);
    return 'error' in snapshot ? [] : [discovered(snapshot)];
  });
}

/** Finds candidates for new Intake cards; throws Octokit errors for the caller to explain. */
export async function discoverIssues(client: GithubClient, doc: StoreDoc, query: DiscoverQuery): Promise<DiscoveredIssue[]> {
  const request = query.signal ? { signal: query.signal } : {};
  const found: DiscoveredIssue[] = [];
  if (query.label) {
    let pages = 0;
    const issues = await client.paginate(
      client.rest.issues.listForRepo,
      { owner: query.owner, repo: query.repo, labels: query.label, state: 'open', per_page: 100, request },
      (response, done) => {
        if (++pages >= MAX_PAGES) done();
        return response.data;
      },
    );
    found.push(...toDiscovered(issues));
  }
  let pages = 0;
  const q = `repo:${query.owner}/${query.repo} is:pr is:open in:title "Security Self-Assessment"`;
  const prs = await client.paginate(client.rest.search.issuesAndPullRequests, { q, per_page: 100, request }, (response, done) => {
    if (++pages >= MAX_PAGES) done();
    return response.data;
  });
  found.push(...toDiscovered(prs).filter((d) => d.kind === 'pull' && parseSelfAssessmentTitle(d.title) !== null));
  return unlinked(doc, found);
}
