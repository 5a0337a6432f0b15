/**
 * Discovery: open issues of a repository carrying any of the given labels, and open pull requests
 * whose title ends with "- Security Pals" (the self-assessment convention). Pages are followed
 * through GitHub's Link header; an issue found twice is listed once. Marking what the board
 * already links is left to the caller (shared/github/discovery.ts).
 */
import { discovered, isPalsPullTitle, snapshotFromApi, type DiscoveredIssue } from '../../../shared/github/issue.js';
import type { GithubClient } from './client.js';

/** At most this many pages (of 100) per query, so a huge repository cannot keep a search going. */
export const MAX_PAGES = 10;

export interface DiscoverQuery {
  readonly owner: string;
  readonly repo: string;
  /** Issues with any of these labels; without one, only the Security Pals PRs are looked for. */
  readonly labels?: readonly string[];
  readonly signal?: AbortSignal;
}

function toDiscovered(items: readonly unknown[]): DiscoveredIssue[] {
  return items.flatMap((item) => {
    const snapshot = snapshotFromApi(item);
    return 'error' in snapshot ? [] : [discovered(snapshot)];
  });
}

/** Finds candidates for new Intake cards; throws Octokit errors for the caller to explain. */
export async function discoverIssues(client: GithubClient, query: DiscoverQuery): Promise<DiscoveredIssue[]> {
  const request = query.signal ? { signal: query.signal } : {};
  const found: DiscoveredIssue[] = [];
  const seen = new Set<string>();
  const take = (items: readonly DiscoveredIssue[]) => {
    for (const item of items) {
      const key = item.issue.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(item);
    }
  };
  // One list per label: GitHub's `labels=a,b` means "both", discovery means "any".
  for (const label of new Set(query.labels ?? [])) {
    let pages = 0;
    const issues = await client.paginate(
      client.rest.issues.listForRepo,
      { owner: query.owner, repo: query.repo, labels: label, state: 'open', per_page: 100, request },
      (response, done) => {
        if (++pages >= MAX_PAGES) done();
        return response.data;
      },
    );
    // The issues list holds pull requests too; a labelled PR is a candidate like an issue.
    take(toDiscovered(issues));
  }
  let pages = 0;
  const q = `repo:${query.owner}/${query.repo} is:pr is:open in:title "Security Pals"`;
  const prs = await client.paginate(client.rest.search.issuesAndPullRequests, { q, per_page: 100, request }, (response, done) => {
    if (++pages >= MAX_PAGES) done();
    return response.data;
  });
  take(toDiscovered(prs).filter((d) => d.kind === 'pull' && isPalsPullTitle(d.title)));
  return found;
}
