/**
 * GitHub's real response shapes for the fake server, built from the payloads @octokit/fixtures
 * recorded against api.github.com (issues, labels, search, headers), with our values put in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Json = Record<string, unknown>;
interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Record<string, string | number>;
  readonly response: unknown;
}

const root = dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json'));
const scenario = (name: string): Recorded[] =>
  JSON.parse(readFileSync(join(root, 'scenarios/api.github.com', name, 'normalized-fixture.json'), 'utf8')) as Recorded[];

const paginate = scenario('paginate-issues');
const ISSUE = (paginate[0]!.response as Json[])[0]!;
const LABEL = (scenario('labels')[0]!.response as Json[])[0]!;
const SEARCH = scenario('search-issues')[0]!.response as Json;
const USER = ISSUE.user as Json;

/** The headers GitHub sends with an API answer (recorded), less those the server sets itself. */
export const BASE_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(paginate[0]!.headers)
    .filter(([k]) => !['content-length', 'connection', 'etag', 'link', 'date', 'x-ratelimit-reset', 'x-ratelimit-used'].includes(k))
    .map(([k, v]) => [k, String(v)]),
);

/** An issue or pull request as the fake holds it. */
export interface FakeIssue {
  owner: string;
  repo: string;
  number: number;
  id: number;
  kind: 'issue' | 'pull';
  title: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  comments: number;
  updatedAt: string;
}

const user = (login: string): Json => ({
  ...USER,
  login,
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
});

/** A label object (`GET /repos/{o}/{r}/labels`). */
export function labelJson(api: string, issue: FakeIssue, name: string, index: number): Json {
  return {
    ...LABEL,
    id: 2000 + index,
    name,
    url: `${api}/repos/${issue.owner}/${issue.repo}/labels/${encodeURIComponent(name)}`,
    default: false,
  };
}

/** An issue object (`GET /repos/{o}/{r}/issues/{n}`), a pull request's issue face included. */
export function issueJson(api: string, issue: FakeIssue): Json {
  const repoUrl = `${api}/repos/${issue.owner}/${issue.repo}`;
  const html = `https://github.com/${issue.owner}/${issue.repo}/${issue.kind === 'pull' ? 'pull' : 'issues'}/${issue.number}`;
  const json: Json = {
    ...ISSUE,
    id: issue.id,
    number: issue.number,
    url: `${repoUrl}/issues/${issue.number}`,
    repository_url: repoUrl,
    labels_url: `${repoUrl}/issues/${issue.number}/labels{/name}`,
    comments_url: `${repoUrl}/issues/${issue.number}/comments`,
    events_url: `${repoUrl}/issues/${issue.number}/events`,
    html_url: html,
    title: issue.title,
    state: issue.state,
    labels: issue.labels.map((name, i) => labelJson(api, issue, name, i)),
    assignee: issue.assignees[0] ? user(issue.assignees[0]) : null,
    assignees: issue.assignees.map(user),
    comments: issue.comments,
    updated_at: issue.updatedAt,
    closed_at: issue.state === 'closed' ? issue.updatedAt : null,
  };
  if (issue.kind === 'pull') {
    json.pull_request = {
      url: `${repoUrl}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: null,
    };
  }
  return json;
}

/** A search answer (`GET /search/issues`). */
export function searchJson(items: readonly Json[], total: number): Json {
  return { ...SEARCH, total_count: total, incomplete_results: false, items };
}

/** The authenticated user (`GET /user`). */
export function userJson(login: string): Json {
  return user(login);
}

/** GitHub's error body. */
export function errorJson(message: string): Json {
  return { message, documentation_url: 'https://docs.github.com/rest' };
}
