/**
 * Loopback fakes of the two services a security check reads, with their real answer shapes:
 * GitHub's contents API (`GET /repos/{o}/{r}/contents/{path}`: the file object, GitHub's 404
 * body, ETag/304, rate-limit headers) and the OpenSSF Scorecard API (`GET
 * /projects/github.com/{o}/{r}`: `{date, repo {name, commit}, scorecard {version, commit}, score,
 * checks [{name, score, reason, details, documentation {short, url}}]}`, 404 when not scanned).
 * Each records every request with its headers, so a test can see who got the token.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BASE_HEADERS, contentJson, errorJson } from '../../../support/github/fake-github-shapes.js';

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/** One Scorecard check, as the API writes it. */
export interface FakeCheck {
  readonly name: string;
  readonly score: number;
  readonly reason?: string;
}

/** A loopback HTTP server that records requests and answers through `answer`. */
abstract class FakeServer {
  readonly requests: Recorded[] = [];
  /** Requests being answered now, and the most there ever were. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  url = '';

  protected abstract answer(req: IncomingMessage, path: string, res: ServerResponse): void;

  /** Listens on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
      // Answer on the next turn, so requests sent together overlap as they would on a network.
      setImmediate(() => {
        this.answer(req, path, res);
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops listening (a later request finds the port closed). */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    if (server)
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
  }

  protected send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }
}

/** GitHub's contents API for a few repositories' files. */
export class FakeContents extends FakeServer {
  /** `owner/repo/path` → the file's text. */
  readonly files = new Map<string, string>();
  remaining = 5000;
  /** Answer every request with a used-up primary rate limit. */
  rateLimited = false;

  /** Adds a file. */
  add(owner: string, repo: string, path: string, text = `# Security policy of ${repo}\n`): this {
    this.files.set(`${owner}/${repo}/${path}`, text);
    return this;
  }

  /** The contents requests made for `owner/repo`. */
  asked(owner: string, repo: string): string[] {
    const prefix = `/repos/${owner}/${repo}/contents/`;
    return this.requests.filter((r) => r.path.startsWith(prefix)).map((r) => r.path.slice(prefix.length));
  }

  protected answer(req: IncomingMessage, path: string, res: ServerResponse): void {
    const reset = String(Math.floor(Date.UTC(2030, 0, 1) / 1000));
    const rate = { 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' };
    if (this.rateLimited) {
      this.send(res, 403, errorJson('API rate limit exceeded'), { ...BASE_HEADERS, ...rate, 'x-ratelimit-remaining': '0' });
      return;
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path);
    const text = m ? this.files.get(`${m[1]}/${m[2]}/${m[3]}`) : undefined;
    if (!m || text === undefined) {
      this.send(
        res,
        404,
        { ...errorJson('Not Found'), status: '404' },
        { ...BASE_HEADERS, ...rate, 'x-ratelimit-remaining': String(--this.remaining) },
      );
      return;
    }
    const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      // A conditional hit costs no rate-limit point.
      res.writeHead(304, { ...BASE_HEADERS, ...rate, 'x-ratelimit-remaining': String(this.remaining), etag });
      res.end();
      return;
    }
    const body = contentJson(this.url, m[1]!, m[2]!, { filename: m[3]!, content: text, status: 'added' }, 'main');
    this.send(res, 200, body, { ...BASE_HEADERS, ...rate, 'x-ratelimit-remaining': String(--this.remaining), etag });
  }
}

/** A Scorecard result in the API's shape. */
export function scorecardJson(owner: string, repo: string, score: number, checks: readonly FakeCheck[], date = '2026-11-30T08:12:40Z') {
  return {
    date,
    repo: { name: `github.com/${owner}/${repo}`, commit: createHash('sha1').update(`${owner}/${repo}`).digest('hex') },
    scorecard: { version: 'v5.0.0', commit: 'ea7e27ed41b76ab879c862fa0ca4cc9c61764ee4' },
    score,
    checks: checks.map((c) => ({
      name: c.name,
      score: c.score,
      reason: c.reason ?? `${c.name} scored ${c.score}`,
      details: null,
      documentation: {
        short: `Determines ${c.name.toLowerCase()}.`,
        url: `https://github.com/ossf/scorecard/blob/ea7e27ed41b76ab879c862fa0ca4cc9c61764ee4/docs/checks.md#${c.name.toLowerCase()}`,
      },
    })),
  };
}

/** The Scorecard API for a few repositories. */
export class FakeScorecard extends FakeServer {
  /** `owner/repo` → the answer. */
  readonly projects = new Map<string, unknown>();
  /** Answer everything with this status (a 5xx outage), when set. */
  failWith: number | null = null;

  /** Adds a scanned repository. */
  add(owner: string, repo: string, score: number, checks: readonly FakeCheck[]): this {
    this.projects.set(`${owner}/${repo}`, scorecardJson(owner, repo, score, checks));
    return this;
  }

  protected answer(req: IncomingMessage, path: string, res: ServerResponse): void {
    if (this.failWith !== null) {
      this.send(res, this.failWith, { code: 13, message: 'internal error' });
      return;
    }
    const m = /^\/projects\/github\.com\/([^/]+)\/([^/]+)$/.exec(path);
    const found = m ? this.projects.get(`${m[1]}/${m[2]}`) : undefined;
    if (found === undefined) {
      this.send(res, 404, { code: 5, message: 'not found' });
      return;
    }
    const etag = `"${createHash('sha1').update(JSON.stringify(found)).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    this.send(res, 200, found, { etag });
  }
}
