/**
 * A local fake of the GitHub REST API on 127.0.0.1 (port 0), answering with GitHub's recorded
 * shapes: ETag/304, Link-header pagination, 301 for transferred issues, 404/410, 401, primary
 * (403, x-ratelimit-remaining: 0) and secondary (retry-after) rate limits, 5xx, and requests it
 * never answers. It records every request so tests can count them, counts how many it holds at
 * once, and can hold every answer until the test releases them (concurrency without timing).
 * The bench serves its sync and discovery scenarios from it too (tallies: `counts()`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  changeLabels,
  getContent,
  getIssue,
  listIssues,
  listPullFiles,
  misbehave,
  notFound,
  refuseLabelWrite,
  search,
  type Behaviour,
  type LabelWrites,
  type Reply,
} from './fake-github-routes.js';
import { BASE_HEADERS, errorJson, userJson, type FakeIssue } from './fake-github-shapes.js';

export type { FakeFile, FakeIssue } from './fake-github-shapes.js';
export type { Behaviour, LabelWrites } from './fake-github-routes.js';

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/** What the fake answered since it started or the last `resetCounts()`. */
export interface FakeCounts {
  readonly requests: number;
  readonly ok: number;
  readonly notModified: number;
  /** Any other status (redirects, errors). */
  readonly other: number;
  /** Core rate-limit points used: 1 per answer, 0 for a 304 (as on api.github.com); search apart. */
  readonly points: number;
  readonly searchPoints: number;
}

const noCounts: FakeCounts = { requests: 0, ok: 0, notModified: 0, other: 0, points: 0, searchPoints: 0 };

export class FakeGithub {
  readonly issues = new Map<string, FakeIssue>();
  /** Misbehaviour by `owner/repo#n` (lowercase). */
  readonly behaviours = new Map<string, Behaviour>();
  readonly requests: Recorded[] = [];
  /** Answer everything with 401, or with a used-up primary rate limit; `remaining` counts down. */
  refuseToken = false;
  rateLimited = false;
  remaining = 5000;
  /** How label writes fare (see `LabelWrites`): GitHub's 422, or a token that may not write. */
  labelWrites: LabelWrites = 'ok';
  /** The login `GET /user` answers with. */
  login = 'pal-coordinator';
  /** Repositories that exist although they hold no fake issue (listing them answers an empty page). */
  readonly emptyRepos = new Set<string>();
  /** Echo the request's Authorization header in error messages (a hostile server). */
  echoAuth = false;
  /** A hostile API: its Link headers, and its PR files' `contents_url`, name this origin instead of its own. */
  linkOrigin: string | null = null;
  /** Milliseconds before each answer (to see concurrency). */
  delayMs = 0;
  /** Requests the fake has received and not answered yet, and the most there ever were. */
  inFlight = 0;
  maxInFlight = 0;
  /** While set, answers wait for `release()` (to see concurrency without timing). */
  holding = false;
  private held: (() => void)[] = [];
  private waiters: { readonly ready: () => boolean; readonly resolve: () => void }[] = [];
  readonly resetAt = Math.floor(Date.UTC(2030, 0, 1, 14, 5) / 1000);
  private readonly sockets = new Set<Socket>();
  private nextId = 1000;
  private tally: FakeCounts = noCounts;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeGithub> {
    let fake: FakeGithub | null = null;
    const server = createServer((req, res) => {
      fake!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = new FakeGithub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('connection', (s) => {
      started.sockets.add(s);
      s.on('close', () => started.sockets.delete(s));
    });
    fake = started;
    return started;
  }

  /** Adds an issue (or a pull request); returns its `owner/repo#n`. */
  add(issue: Partial<FakeIssue> & Pick<FakeIssue, 'owner' | 'repo' | 'number'>): string {
    const full: FakeIssue = {
      id: this.nextId++,
      kind: 'issue',
      title: `Issue ${issue.number}`,
      state: 'open',
      labels: [],
      assignees: [],
      comments: 0,
      updatedAt: '2026-11-01T10:00:00Z',
      ...issue,
    };
    const ref = `${full.owner}/${full.repo}#${full.number}`;
    this.issues.set(ref.toLowerCase(), full);
    return ref;
  }

  /** Changes an issue as someone on GitHub would (so its ETag changes). */
  edit(ref: string, change: Partial<FakeIssue>): void {
    const issue = this.issues.get(ref.toLowerCase());
    if (!issue) throw new Error(`no fake issue ${ref}`);
    Object.assign(issue, { updatedAt: new Date(Date.parse(issue.updatedAt) + 60_000).toISOString() }, change);
  }

  /** Answers every held request, and stops holding. */
  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }

  /** Resolves once `ready()` holds, checked as each request arrives. */
  until(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  /** How many requests match a method and a path (with query) pattern. */
  count(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  /** Answers by status and rate-limit points since the start or the last `resetCounts()`. */
  counts(): FakeCounts {
    return this.tally;
  }

  /** Counts afresh: the tallies and the recorded requests (the rate limit itself keeps counting down, as on GitHub). */
  resetCounts(): void {
    this.tally = noCounts;
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private send(res: ServerResponse, reply: Reply): void {
    const cost = reply.cost ?? 1;
    if (cost > 0 && this.remaining > 0) this.remaining--;
    const t = this.tally;
    const search = reply.headers?.['x-ratelimit-resource'] === 'search';
    this.tally = {
      requests: t.requests + 1,
      ok: t.ok + (reply.status === 200 ? 1 : 0),
      notModified: t.notModified + (reply.status === 304 ? 1 : 0),
      other: t.other + (reply.status === 200 || reply.status === 304 ? 0 : 1),
      points: t.points + (search ? 0 : cost),
      searchPoints: t.searchPoints + (search ? cost : 0),
    };
    const text = reply.raw ?? reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const link = reply.headers?.link;
    const hostile = this.linkOrigin !== null && link !== undefined ? { link: link.split(this.url).join(this.linkOrigin) } : {};
    res.writeHead(reply.status, {
      ...BASE_HEADERS,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-resource': 'core',
      ...reply.headers,
      ...hostile,
      'content-type': reply.raw === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers });
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    res.on('close', () => this.inFlight--);
    this.waiters = this.waiters.filter((w) => {
      if (!w.ready()) return true;
      w.resolve();
      return false;
    });
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const respond = () => {
        const reply = this.route(req.method ?? 'GET', url, body, req);
        if (reply === 'drop') req.socket.destroy();
        else if (reply !== 'hang') this.send(res, reply);
      };
      // setImmediate without a delay: a timer's 1 ms floor would slow every answer (the bench times them).
      const answer = () => (this.delayMs > 0 ? setTimeout(respond, this.delayMs) : setImmediate(respond));
      if (this.holding) this.held.push(answer);
      else answer();
    });
  }

  private route(method: string, url: URL, body: string, req: IncomingMessage): Reply | 'hang' | 'drop' {
    const auth = this.echoAuth ? ` ${req.headers.authorization ?? ''}` : '';
    if (this.refuseToken) return { status: 401, body: errorJson(`Bad credentials${auth}`) };
    if (this.rateLimited) {
      this.remaining = 0;
      return { status: 403, body: errorJson('API rate limit exceeded for user ID 1000.'), cost: 0 };
    }
    const p = url.pathname.split('/').map(decodeURIComponent);
    const all = () => [...this.issues.values()];
    if (method === 'GET' && url.pathname === '/user') {
      return { status: 200, body: userJson(this.login), headers: { 'x-oauth-scopes': 'repo, read:org' } };
    }
    if (method === 'GET' && url.pathname === '/search/issues') return search(this.url, all(), url);
    if (p[1] === 'repositories' && p[3] === 'issues') {
      const moved = all().find((i) => i.id === Number(p[2]) && i.number === Number(p[4]));
      return moved ? getIssue(this.url, moved, req.headers['if-none-match']) : notFound;
    }
    if (p[1] === 'repos' && p[4] === 'contents' && method === 'GET') {
      return getContent(this.url, all(), p[2]!, p[3]!, p.slice(5).join('/'), url, req.headers.accept ?? '');
    }
    if (p[1] === 'repos' && p[4] === 'pulls' && p[6] === 'files' && method === 'GET') {
      const pull = this.issues.get(`${p[2]}/${p[3]}#${p[5]}`.toLowerCase());
      const odd = misbehave(
        this.url,
        this.behaviours.get(`${p[2]}/${p[3]}#${p[5]}`.toLowerCase()),
        (r) => this.issues.get(r.toLowerCase()),
        auth,
      );
      if (odd) return odd;
      return pull ? listPullFiles(this.linkOrigin ?? this.url, pull, url, req.headers['if-none-match']) : notFound;
    }
    if (p[1] !== 'repos' || p[4] !== 'issues') return notFound;
    if (p.length === 5 && method === 'GET') {
      if (this.emptyRepos.has(`${p[2]}/${p[3]}`.toLowerCase()) && !all().some((i) => i.owner === p[2] && i.repo === p[3])) {
        return { status: 200, body: [] };
      }
      return listIssues(this.url, all(), p[2]!, p[3]!, url);
    }
    const ref = `${p[2]}/${p[3]}#${p[5]}`.toLowerCase();
    const odd = misbehave(this.url, this.behaviours.get(ref), (r) => this.issues.get(r.toLowerCase()), auth);
    if (odd) return odd;
    const issue = this.issues.get(ref);
    if (!issue) return notFound;
    if (p.length === 6 && method === 'GET') return getIssue(this.url, issue, req.headers['if-none-match']);
    if (p[6] === 'labels') return refuseLabelWrite(this.labelWrites, body, auth) ?? changeLabels(this.url, issue, method, body, p[7]);
    return notFound;
  }
}
