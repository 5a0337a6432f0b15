/**
 * A loopback fake of the two GitHub endpoints discovery uses, for the discover scenario (test/
 * has a fuller fake, but bench/ is compiled on its own): `GET /repos/{o}/{r}/issues?labels=&state=
 * open&per_page=&page=` and `GET /search/issues?q=`, with the REST API's field names, GitHub's
 * Link header (absolute URLs, rel next/last) and x-ratelimit-* headers. It counts requests and
 * rate-limit points (1 per core request; search has its own limit and is counted apart).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One issue or PR of the fake repository. */
export interface ListedIssue {
  readonly number: number;
  readonly title: string;
  readonly labels: readonly string[];
  readonly pull: boolean;
}

/** What the fake saw since the last reset. */
export interface ListCounts {
  readonly requests: number;
  readonly listPages: number;
  readonly searchPages: number;
  /** Core rate-limit points (the issues list); search counts against its own limit. */
  readonly points: number;
}

const OWNER = 'cncf';
const REPO = 'tag-security';

function issueJson(api: string, i: ListedIssue): Record<string, unknown> {
  const repoUrl = `${api}/repos/${OWNER}/${REPO}`;
  const html = `https://github.com/${OWNER}/${REPO}/${i.pull ? 'pull' : 'issues'}/${i.number}`;
  return {
    url: `${repoUrl}/issues/${i.number}`,
    repository_url: repoUrl,
    labels_url: `${repoUrl}/issues/${i.number}/labels{/name}`,
    comments_url: `${repoUrl}/issues/${i.number}/comments`,
    events_url: `${repoUrl}/issues/${i.number}/events`,
    html_url: html,
    id: 700_000 + i.number,
    node_id: `I_kwDO${700_000 + i.number}`,
    number: i.number,
    title: i.title,
    user: { login: 'maintainer', id: 1001, type: 'User', site_admin: false },
    labels: i.labels.map((name, n) => ({ id: 3000 + n, name, color: 'ededed', default: false, description: null })),
    state: 'open',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: 2,
    created_at: '2026-01-05T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    closed_at: null,
    author_association: 'MEMBER',
    body: 'Security Pals request.',
    ...(i.pull
      ? {
          pull_request: {
            url: `${repoUrl}/pulls/${i.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: null,
          },
        }
      : {}),
    state_reason: null,
  };
}

/** The fake server; start with `DiscoverFake.start(issues)`. */
export class DiscoverFake {
  private counts = { requests: 0, listPages: 0, searchPages: 0, points: 0 };
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly issues: readonly ListedIssue[],
  ) {}

  static async start(issues: readonly ListedIssue[]): Promise<DiscoverFake> {
    let fake: DiscoverFake | null = null;
    const server = createServer((req, res) => {
      fake!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new DiscoverFake(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, issues);
    const sockets = fake.sockets;
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    return fake;
  }

  snapshot(): ListCounts {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = { requests: 0, listPages: 0, searchPages: 0, points: 0 };
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  /** One page of `all` with GitHub's Link header. */
  private page(all: readonly ListedIssue[], url: URL): { items: ListedIssue[]; link: string | null } {
    const per = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const current = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(all.length / per));
    const at = (n: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(n));
      return `<${u.href}>`;
    };
    const link = current < last ? `${at(current + 1)}; rel="next", ${at(last)}; rel="last"` : null;
    return { items: all.slice((current - 1) * per, current * per), link };
  }

  private send(res: ServerResponse, body: unknown, link: string | null, resource: 'core' | 'search'): void {
    const text = JSON.stringify(body);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-ratelimit-limit': resource === 'core' ? '5000' : '30',
      'x-ratelimit-remaining': resource === 'core' ? String(5000 - this.counts.points) : String(30 - this.counts.searchPages),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': resource,
      ...(link ? { link } : {}),
    });
    res.end(text);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const url = new URL(req.url ?? '/', this.url);
    this.counts.requests++;
    if (url.pathname === `/repos/${OWNER}/${REPO}/issues`) {
      const label = url.searchParams.get('labels');
      const { items, link } = this.page(
        this.issues.filter((i) => !label || i.labels.includes(label)),
        url,
      );
      this.counts.listPages++;
      this.counts.points++;
      this.send(
        res,
        items.map((i) => issueJson(this.url, i)),
        link,
        'core',
      );
      return;
    }
    if (url.pathname === '/search/issues') {
      const q = url.searchParams.get('q') ?? '';
      const phrase = (/"([^"]+)"/.exec(q)?.[1] ?? '').toLowerCase();
      const all = this.issues.filter((i) => (!q.includes('is:pr') || i.pull) && i.title.toLowerCase().includes(phrase));
      const { items, link } = this.page(all, url);
      this.counts.searchPages++;
      this.send(
        res,
        { total_count: all.length, incomplete_results: false, items: items.map((i) => issueJson(this.url, i)) },
        link,
        'search',
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}');
  }
}
