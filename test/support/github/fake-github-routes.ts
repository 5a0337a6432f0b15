/**
 * The fake GitHub's answers, as values: one issue (with ETag and the test's chosen misbehaviour),
 * label changes, paged lists (Link header) and search. The server in fake-github.ts sends them.
 */
import { createHash } from 'node:crypto';
import {
  contentJson,
  errorJson,
  issueJson,
  labelJson,
  pullFileJson,
  searchJson,
  validationJson,
  type FakeIssue,
} from './fake-github-shapes.js';

/** How the fake answers for one issue (then it behaves normally). */
export type Behaviour =
  | { readonly kind: 'moved'; readonly to: string }
  | { readonly kind: 'status'; readonly status: 404 | 410 }
  | { readonly kind: 'fail'; readonly status: number; times: number }
  | { readonly kind: 'secondary'; readonly status: 403 | 429; readonly retryAfter: number | null; times: number }
  | { readonly kind: 'primary'; readonly resetInS: number; times: number }
  | { readonly kind: 'hang' }
  /** Any redirect (a hostile one names another host, or another issue). */
  | { readonly kind: 'redirect'; readonly status: 301 | 302 | 307 | 308; readonly location: string }
  /** Answers with another issue's JSON as if it were this one (a spoofed or broken answer). */
  | { readonly kind: 'impostor'; readonly as: string }
  | { readonly kind: 'drop' };

/** An answer to send; `cost` 0 for answers that do not count against the rate limit (304). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly cost?: number;
  /** Sent as it is, as text (the contents API's raw media type), instead of `body` as JSON. */
  readonly raw?: string;
  /** `body` already serialized (sent as JSON instead of serializing `body` again). */
  readonly text?: string;
}

export const notFound: Reply = { status: 404, body: errorJson('Not Found') };

/** Each issue's answer as last built, rebuilt when the issue (or the API address) changed. */
const built = new WeakMap<FakeIssue, { readonly key: string; readonly json: unknown; readonly text: string; readonly etag: string }>();

/** `GET /repos/{o}/{r}/issues/{n}` (or `/repositories/{id}/issues/{n}`), conditional on the ETag. */
export function getIssue(api: string, issue: FakeIssue, ifNoneMatch: string | undefined): Reply {
  const key = `${api} ${JSON.stringify(issue)}`;
  let answer = built.get(issue);
  if (answer?.key !== key) {
    const json = issueJson(api, issue);
    const text = JSON.stringify(json);
    answer = { key, json, text, etag: `W/"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"` };
    built.set(issue, answer);
  }
  const { etag } = answer;
  if (ifNoneMatch === etag) return { status: 304, headers: { etag }, cost: 0 };
  return { status: 200, body: answer.json, text: answer.text, headers: { etag } };
}

/** What a misbehaving issue answers instead (null: behave normally; 'hang': never answer; 'drop': close the connection). */
export function misbehave(
  api: string,
  behaviour: Behaviour | undefined,
  find: (ref: string) => FakeIssue | undefined,
  auth: string,
): Reply | 'hang' | 'drop' | null {
  if (!behaviour) return null;
  switch (behaviour.kind) {
    case 'hang':
    case 'drop':
      return behaviour.kind;
    case 'status':
      return { status: behaviour.status, body: errorJson(behaviour.status === 410 ? 'This issue was deleted' : 'Not Found') };
    case 'fail':
      if (behaviour.times <= 0) return null;
      behaviour.times--;
      return { status: behaviour.status, body: errorJson(`Server Error${auth}`) };
    case 'secondary': {
      if (behaviour.times <= 0) return null;
      behaviour.times--;
      const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
      const headers: Record<string, string> = behaviour.retryAfter === null ? {} : { 'retry-after': String(behaviour.retryAfter) };
      return { status: behaviour.status, body: errorJson(message), headers };
    }
    case 'primary': {
      if (behaviour.times <= 0) return null;
      behaviour.times--;
      const reset = String(Math.floor(Date.now() / 1000) + behaviour.resetInS);
      const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset };
      return { status: 403, body: errorJson('API rate limit exceeded for user ID 1000.'), headers, cost: 0 };
    }
    case 'redirect':
      return {
        status: behaviour.status,
        body: { message: 'Moved Permanently', url: behaviour.location, documentation_url: 'https://docs.github.com/rest' },
        headers: { location: behaviour.location },
      };
    case 'impostor': {
      const other = find(behaviour.as);
      return other ? getIssue(api, other, undefined) : null;
    }
    case 'moved': {
      const to = find(behaviour.to)!;
      const location = `${api}/repositories/${to.id}/issues/${to.number}`;
      return {
        status: 301,
        body: { message: 'Moved Permanently', url: location, documentation_url: 'https://docs.github.com/rest' },
        headers: { location },
      };
    }
  }
}

/**
 * How label writes fare: `invalid` is GitHub's 422 for a label it will not take; `fine-grained`
 * a fine-grained token without write access to issues (403, naming the permission it wants);
 * `classic` a classic token without the `repo` scope (GitHub answers 404, naming the scope).
 */
export type LabelWrites = 'ok' | 'invalid' | 'fine-grained' | 'classic' | 'bad-request';

/** The refusal a label write gets under `mode` (`auth`: what a hostile server echoes), or null when it goes through. */
export function refuseLabelWrite(mode: LabelWrites, body: string, auth = ''): Reply | null {
  if (mode === 'bad-request') return { status: 400, body: errorJson(`Problems parsing JSON${auth}`) };
  if (mode === 'invalid') {
    const label = (JSON.parse(body || '{"labels":[""]}') as { labels?: string[] }).labels?.[0] ?? '';
    return { status: 422, body: validationJson(label) };
  }
  if (mode === 'fine-grained') {
    return {
      status: 403,
      body: {
        message: 'Resource not accessible by personal access token',
        documentation_url: 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
        status: '403',
      },
      headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
    };
  }
  if (mode === 'classic') {
    return { status: 404, body: errorJson('Not Found'), headers: { 'x-oauth-scopes': 'read:org', 'x-accepted-oauth-scopes': 'repo' } };
  }
  return null;
}

/** `POST …/labels` and `DELETE …/labels/{name}`: GitHub answers with the issue's labels after. */
export function changeLabels(api: string, issue: FakeIssue, method: string, body: string, name: string | undefined): Reply {
  if (method === 'POST') {
    for (const n of (JSON.parse(body) as { labels: string[] }).labels) {
      if (!issue.labels.some((l) => l.toLowerCase() === n.toLowerCase())) issue.labels.push(n);
    }
  } else if (method === 'DELETE' && name) {
    const before = issue.labels.length;
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name.toLowerCase());
    if (issue.labels.length === before) return { status: 404, body: errorJson('Label does not exist') };
  } else return notFound;
  issue.updatedAt = new Date(Date.parse(issue.updatedAt) + 60_000).toISOString();
  return { status: 200, body: issue.labels.map((n, i) => labelJson(api, issue, n, i)) };
}

/** One page of `all`, with GitHub's Link header (absolute URLs) when there are more. */
function page<T>(all: readonly T[], url: URL): { items: T[]; headers: Record<string, string> } {
  const per = Math.min(100, Number(url.searchParams.get('per_page') ?? 30)); // GitHub's most
  const current = Number(url.searchParams.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(all.length / per));
  const at = (n: number) => {
    const u = new URL(url);
    u.searchParams.set('page', String(n));
    return `<${u.href}>`;
  };
  const link = current < last ? `${at(current + 1)}; rel="next", ${at(last)}; rel="last"` : null;
  return { items: all.slice((current - 1) * per, current * per), headers: link ? { link } : {} };
}

/** `GET /repos/{o}/{r}/issues?labels=…`: open issues of a repository, paged; 404 for an unknown repository. */
export function listIssues(api: string, issues: readonly FakeIssue[], owner: string, repo: string, url: URL): Reply {
  const inRepo = issues.filter((i) => i.owner === owner && i.repo === repo);
  if (inRepo.length === 0) return notFound;
  const label = url.searchParams.get('labels');
  const { items, headers } = page(
    inRepo.filter((i) => i.state === 'open' && (!label || i.labels.includes(label))),
    url,
  );
  return { status: 200, body: items.map((i) => issueJson(api, i)), headers };
}

/** `GET /repos/{o}/{r}/pulls/{n}/files`: the PR's changed files, paged, with an ETag (304 when it matches). */
export function listPullFiles(api: string, issue: FakeIssue, url: URL, ifNoneMatch: string | undefined): Reply {
  if (issue.kind !== 'pull') return notFound;
  const all = (issue.files ?? []).map((f, i) => pullFileJson(api, issue, f, i));
  const { items, headers } = page(all, url);
  const etag = `W/"${createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 32)}"`;
  if (ifNoneMatch === etag) return { status: 304, headers: { etag }, cost: 0 };
  return { status: 200, body: items, headers: { ...headers, etag } };
}

/**
 * `GET /repos/{o}/{r}/contents/{path}?ref=`: a file of one of the repository's PRs at its head.
 * With the raw media type GitHub sends the bytes themselves; otherwise the base64 JSON.
 */
export function getContent(
  api: string,
  issues: readonly FakeIssue[],
  owner: string,
  repo: string,
  path: string,
  url: URL,
  accept: string,
): Reply {
  const ref = url.searchParams.get('ref') ?? '';
  for (const issue of issues) {
    if (issue.owner !== owner || issue.repo !== repo || issue.kind !== 'pull') continue;
    const sha = issue.headSha ?? '6dcb09b5b57875f334f61aebed695e2e4193db5e';
    if (ref !== sha && ref !== `refs/pull/${issue.number}/head`) continue;
    const file = issue.files?.find((f) => f.filename === path && f.status !== 'removed');
    if (!file) continue;
    if (/raw/.test(accept)) return { status: 200, raw: file.content };
    return { status: 200, body: contentJson(api, owner, repo, file, ref) };
  }
  return notFound;
}

/** `GET /search/issues?q=repo:o/r is:pr in:title "phrase"`: enough of GitHub's search for discovery. */
export function search(api: string, issues: readonly FakeIssue[], url: URL): Reply {
  const q = url.searchParams.get('q') ?? '';
  const repo = /repo:(\S+)/.exec(q)?.[1];
  const phrase = (/"([^"]+)"/.exec(q)?.[1] ?? '').toLowerCase();
  const all = issues.filter(
    (i) =>
      `${i.owner}/${i.repo}` === repo &&
      (!q.includes('is:pr') || i.kind === 'pull') &&
      i.state === 'open' &&
      i.title.toLowerCase().includes(phrase),
  );
  const { items, headers } = page(all, url);
  return {
    status: 200,
    body: searchJson(
      items.map((i) => issueJson(api, i)),
      all.length,
    ),
    headers: { ...headers, 'x-ratelimit-resource': 'search' },
  };
}
