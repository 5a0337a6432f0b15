/**
 * A small loopback fake of GitHub's issue endpoint for the sync scenario (test/ has a fuller
 * one, but bench/ is compiled on its own). `GET /repos/{o}/{r}/issues/{n}` answers with the
 * REST API's issue JSON, a weak ETag and `304 Not Modified` on a matching `If-None-Match`,
 * plus GitHub's x-ratelimit-* headers. It counts requests and rate-limit points the way
 * GitHub does: a 200 costs 1 point, a 304 costs 0.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One issue the fake serves. */
export interface BenchIssue {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly labels: readonly string[];
  readonly comments: number;
  readonly updatedAt: string;
}

/** What the fake saw since the last `resetCounts`. */
export interface FakeCounts {
  readonly requests: number;
  readonly ok: number;
  readonly notModified: number;
  readonly other: number;
  /** Rate-limit points used (1 per 200, 0 per 304). */
  readonly points: number;
}

const LIMIT = 5000;

const user = (login: string, id: number) => ({
  login,
  id,
  node_id: `MDQ6VXNlcj${id}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
  gravatar_id: '',
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type: 'User',
  site_admin: false,
});

/** GitHub's issue object (`GET /repos/{o}/{r}/issues/{n}`), the field names of the REST API. */
function issueJson(api: string, issue: BenchIssue, id: number): Record<string, unknown> {
  const repoUrl = `${api}/repos/${issue.owner}/${issue.repo}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  return {
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `https://github.com/${issue.owner}/${issue.repo}/issues/${issue.number}`,
    id,
    node_id: `MDU6SXNzdWU${id}`,
    number: issue.number,
    title: issue.title,
    user: user('pal-coordinator', 1000),
    labels: issue.labels.map((name, i) => ({
      id: 2000 + i,
      node_id: `MDU6TGFiZWw${2000 + i}`,
      url: `${repoUrl}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      description: null,
    })),
    state: 'open',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments,
    created_at: '2025-01-06T10:00:00Z',
    updated_at: issue.updatedAt,
    closed_at: null,
    author_association: 'MEMBER',
    active_lock_reason: null,
    body: 'Security Pals engagement tracking issue.',
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: null,
  };
}

/** The fake server; start with `FakeGithub.start(issues)`, stop with `close()`. */
export class FakeGithub {
  private counts = { requests: 0, ok: 0, notModified: 0, other: 0, points: 0 };
  private remaining = LIMIT;
  private readonly resetAt = Math.floor(Date.now() / 1000) + 3600;
  private readonly bodies = new Map<string, { text: string; etag: string }>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    issues: readonly BenchIssue[],
  ) {
    // Bodies are built once: the fake should cost as little as possible next to what it measures.
    for (const [i, issue] of issues.entries()) {
      const text = JSON.stringify(issueJson(url, issue, 500_000 + i));
      const etag = `W/"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
      this.bodies.set(`/repos/${issue.owner}/${issue.repo}/issues/${issue.number}`.toLowerCase(), { text, etag });
    }
  }

  /** Starts a fake on a free port of 127.0.0.1 serving `issues`. */
  static async start(issues: readonly BenchIssue[]): Promise<FakeGithub> {
    let fake: FakeGithub | null = null;
    const server = createServer((req, res) => {
      fake!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeGithub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, issues);
    const sockets = fake.sockets;
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    return fake;
  }

  /** Counts since the last reset. */
  snapshot(): FakeCounts {
    return { ...this.counts };
  }

  /** Starts counting afresh (the rate limit itself keeps counting down, as on GitHub). */
  resetCounts(): void {
    this.counts = { requests: 0, ok: 0, notModified: 0, other: 0, points: 0 };
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private send(res: ServerResponse, status: number, text: string, headers: Record<string, string>, cost: number): void {
    this.counts.requests++;
    if (status === 200) this.counts.ok++;
    else if (status === 304) this.counts.notModified++;
    else this.counts.other++;
    this.counts.points += cost;
    this.remaining = Math.max(0, this.remaining - cost);
    res.writeHead(status, {
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(LIMIT - this.remaining),
      'x-ratelimit-resource': 'core',
      'cache-control': 'private, max-age=60, s-maxage=60',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
      ...headers,
      ...(status === 304 ? {} : { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) }),
    });
    res.end(status === 304 ? undefined : text);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const path = new URL(req.url ?? '/', this.url).pathname.toLowerCase();
    const found = req.method === 'GET' ? this.bodies.get(path) : undefined;
    if (!found) {
      this.send(res, 404, JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }), {}, 1);
      return;
    }
    if (req.headers['if-none-match'] === found.etag) this.send(res, 304, '', { etag: found.etag }, 0);
    else this.send(res, 200, found.text, { etag: found.etag }, 1);
  }
}
