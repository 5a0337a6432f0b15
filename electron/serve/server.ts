/**
 * `pals serve`: the same UI and API as the desktop app, over HTTP on 127.0.0.1 only.
 * `POST /api/<call>` with a JSON body runs a call through the core's `dispatch` (the UI contract's calls only);
 * `GET /api/events` streams pushed events (Server-Sent Events); `POST /session` trades a
 * one-time first-load token for this run's session token, and `POST /session/link` gives a
 * signed-in page a new first-load address (for another browser); everything else is the built
 * renderer, which holds no data. See guard.ts for who may connect, first-load.ts for the tokens.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent, ApiEvents, ApiResponse } from '../../shared/api.js';
import type { Core } from '../core/open-core.js';
import { FIRST_LOAD_PATH, FirstLoadTokens, firstLoadUrl } from './first-load.js';
import { checkHost, checkOrigin, checkToken, type GuardConfig } from './guard.js';
import { loadStatic, resolveStatic } from './static-files.js';

export interface ServeOptions {
  /** The core it serves: calls go to `dispatch`, its events to every page. */
  readonly core: Pick<Core, 'dispatch' | 'on'>;
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed only in tests; otherwise 32 random bytes per run. */
  readonly token?: string;
}

export interface RunningServer {
  /** The address to print: it opens the page once, with a one-time first-load token. */
  readonly url: string;
  readonly port: number;
  /** This run's session token (what a signed-in page sends in `x-pals-token`). */
  readonly token: string;
  /** Another one-time address (the browser opener's; `ttlMs`: it also expires). */
  link(ttlMs?: number): string;
  close(): Promise<void>;
}

/**
 * The largest request body read: a deck image may be 10 MB (MAX_DECK_IMAGE_BYTES), which is about
 * 13.4 MB as base64 inside a JSON call; anything bigger is refused before it is read in full.
 */
const MAX_BODY = 16 * 1024 * 1024;
/** A link a page asks for is for another browser, now: it expires if unused. */
export const PAGE_LINK_TTL_MS = 10 * 60_000;
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

const STATUS: Readonly<Record<string, number>> = {
  'invalid-input': 400,
  'unknown-call': 404,
  'not-found': 404,
  duplicate: 409,
  ambiguous: 409,
  'store-locked': 503,
};

function secure(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, response: ApiResponse<unknown>): void {
  const status = response.ok ? 200 : (STATUS[response.error.code] ?? 500);
  send(res, status, JSON.stringify(response), 'application/json; charset=utf-8');
}

const failure = (code: string, message: string): ApiResponse<never> => ({ ok: false, error: { code, message } });

async function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The media type exactly (parameters such as charset allowed): `application/jsonp` is not JSON. */
function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

const USED_LINK =
  'this address was already used or has expired (each address `pals serve` prints opens once): ' +
  'open a new tab of a browser where the board is open, or restart `pals serve` for a new address';

/** Starts the server on 127.0.0.1. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const clients = new Set<ServerResponse>();
  const firstLoads = new FirstLoadTokens();
  let config: GuardConfig = { token, port: 0 };
  const origin = () => `http://127.0.0.1:${config.port}`;

  const api = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') {
      send(res, 405, 'use POST');
      return;
    }
    if (!isJson(req)) {
      sendJson(res, failure('invalid-input', 'send the arguments as JSON (Content-Type: application/json)'));
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, failure('invalid-input', 'the request is too large'));
      return;
    }
    let args: unknown;
    try {
      args = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      sendJson(res, failure('invalid-input', 'the request body is not valid JSON'));
      return;
    }
    sendJson(res, await options.core.dispatch(name, args));
  };

  /** `POST /session` {token}: a first-load token for the session token; `POST /session/link`: a new first-load address. */
  const session = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method !== 'POST') {
      send(res, 405, 'use POST');
      return;
    }
    const foreign = checkOrigin(req, config);
    if (foreign) {
      send(res, 403, `refused: ${foreign}`);
      return;
    }
    if (path === '/session/link') {
      const noToken = checkToken(req, config);
      if (noToken) {
        send(res, 401, `refused: ${noToken}`);
        return;
      }
      sendJson(res, { ok: true, value: { url: firstLoadUrl(origin(), firstLoads.issue(PAGE_LINK_TTL_MS)) } });
      return;
    }
    const body = isJson(req) ? await readBody(req, 1024) : null;
    let given: unknown;
    try {
      given = body === null ? null : (JSON.parse(body) as { token?: unknown }).token;
    } catch {
      given = null;
    }
    if (typeof given !== 'string') {
      sendJson(res, failure('invalid-input', 'send {"token": "…"} as JSON'));
      return;
    }
    if (!firstLoads.redeem(given)) {
      send(res, 401, JSON.stringify(failure('unauthorized', USED_LINK)), 'application/json; charset=utf-8');
      return;
    }
    sendJson(res, { ok: true, value: { token } });
  };

  const events = (res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    secure(res);
    const refused = checkHost(req, config);
    if (refused) {
      send(res, 403, `refused: ${refused}`);
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? ''}`);
    if (url.pathname === '/session' || url.pathname === '/session/link') {
      session(req, res, url.pathname).catch(() => {
        send(res, 500, 'internal error');
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const noToken = checkToken(req, config);
      if (noToken) {
        send(res, 401, `refused: ${noToken}`);
        return;
      }
      const foreign = checkOrigin(req, config);
      if (foreign) {
        send(res, 403, `refused: ${foreign}`);
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        events(res);
        return;
      }
      api(req, res, decodeURIComponent(url.pathname.slice('/api/'.length))).catch(() => {
        send(res, 500, 'internal error');
      });
      return;
    }
    // The rest is the built UI: the same files for everyone, no data (the page asks the API for that).
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed');
      return;
    }
    const file = resolveStatic(options.staticDir, url.pathname === FIRST_LOAD_PATH ? '/' : url.pathname);
    if (!file) {
      send(res, 404, 'not found');
      return;
    }
    loadStatic(file).then(
      (found) => {
        if (!found) {
          send(res, 404, 'not found');
          return;
        }
        res.writeHead(200, { 'Content-Type': found.type, 'Cache-Control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : found.body);
      },
      () => {
        send(res, 500, 'internal error');
      },
    );
  };
  // A request target the URL parser or the decoder refuses (a raw `GET http://[x/`, `/api/%E0`)
  // is a 400: an exception here would stop the server for everyone, before any token check.
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else send(res, 400, 'bad request');
    }
  });

  const push = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const stopEvents = options.core.on(({ event, payload }) => {
    push(event, payload);
  });
  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  config = { token, port };
  return {
    url: firstLoadUrl(origin(), firstLoads.issue()),
    port,
    token,
    link: (ttlMs) => firstLoadUrl(origin(), firstLoads.issue(ttlMs)),
    close: async () => {
      stopEvents();
      clearInterval(keepAlive);
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        // A page left open keeps connections (keep-alive, an event stream reconnecting): without
        // this, stopping `pals serve` could wait for the browser tab forever. The store is
        // flushed after this by the caller, so nothing accepted is lost.
        server.closeAllConnections();
      });
    },
  };
}
