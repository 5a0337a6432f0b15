/**
 * GitHub's real response shapes for the fake server, built from the payloads @octokit/fixtures
 * recorded against api.github.com (issues, labels, search, headers), with our values put in.
 */
import { createHash } from 'node:crypto';
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
  /** A pull request's changed files and the commit they are read at. */
  files?: FakeFile[];
  headSha?: string;
}

/** One changed file of a fake pull request, with its text at the PR's head. */
export interface FakeFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  content: string;
}

/** One entry of `GET /repos/{o}/{r}/pulls/{n}/files` (the REST API's diff-entry). */
export function pullFileJson(api: string, issue: FakeIssue, file: FakeFile, index: number): Json {
  const sha = issue.headSha ?? '6dcb09b5b57875f334f61aebed695e2e4193db5e';
  const lines = file.content.split('\n').length;
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: createHash('sha1').update(`${index}:${file.content}`).digest('hex'),
    filename: file.filename,
    status: file.status,
    additions: file.status === 'removed' ? 0 : lines,
    deletions: file.status === 'removed' ? lines : 0,
    changes: lines,
    blob_url: `https://github.com/${issue.owner}/${issue.repo}/blob/${sha}/${path}`,
    raw_url: `https://github.com/${issue.owner}/${issue.repo}/raw/${sha}/${path}`,
    contents_url: `${api}/repos/${issue.owner}/${issue.repo}/contents/${path}?ref=${sha}`,
    patch: `@@ -0,0 +1,${lines} @@`,
  };
}

/** A file as `GET /repos/{o}/{r}/contents/{path}` answers without the raw media type (base64, as GitHub sends it). */
export function contentJson(api: string, owner: string, repo: string, file: FakeFile, ref: string): Json {
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  const name = file.filename.split('/').pop()!;
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(file.content),
    name,
    path: file.filename,
    content: Buffer.from(file.content).toString('base64'),
    sha: createHash('sha1').update(file.content).digest('hex'),
    url: `${api}/repos/${owner}/${repo}/contents/${path}?ref=${ref}`,
    git_url: `${api}/repos/${owner}/${repo}/git/blobs/${createHash('sha1').update(file.content).digest('hex')}`,
    html_url: `https://github.com/${owner}/${repo}/blob/${ref}/${path}`,
    download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
    _links: {
      self: `${api}/repos/${owner}/${repo}/contents/${path}?ref=${ref}`,
      html: `https://github.com/${owner}/${repo}/blob/${ref}/${path}`,
    },
  };
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

/** GitHub's 422 body (recorded in @octokit/fixtures' `errors` scenario), for a label it will not take. */
export function validationJson(label: string): Json {
  const recorded = scenario('errors')[0]!.response as Json;
  return { ...recorded, errors: [{ value: label, resource: 'Label', field: 'name', code: 'invalid' }] };
}
