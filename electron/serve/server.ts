/**
 * `pals serve`: the same UI and API as the desktop app, over HTTP on 127.0.0.1 only.
 * `POST /api/<call>` with a JSON body runs a call through the core's `dispatch` (the UI contract's calls only);
 * `GET /api/events` streams pushed events (Server-Sent Events); everything else is the built
 * renderer. See guard.ts for who may connect.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent, ApiEvents, ApiResponse } from '../../shared/api.js';
import type { Core } from '../core/open-core.js';
import { checkHost, checkOrigin, checkToken, cookieName, tokenMatches, type GuardConfig } from './guard.js';
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
  /** The URL to open, token included (only this first load carries it in the URL). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;
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

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const NO_TOKEN_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Security Pals Desk</title>' +
  '<p>Open the address that <code>pals serve</code> printed: it carries this run’s access token.</p>';

/** Starts the server on 127.0.0.1. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const clients = new Set<ServerResponse>();
  let config: GuardConfig = { token, port: 0 };

  const api = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') {
      send(res, 405, 'use POST');
      return;
    }
    // The media type exactly (parameters such as charset allowed): `application/jsonp` is not JSON.
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json') {
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
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!tokenMatches(queryToken, config)) {
        send(res, 401, NO_TOKEN_PAGE, 'text/html; charset=utf-8');
        return;
      }
      res.setHeader('Set-Cookie', `${cookieName(config.port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      // Always a path on this host: `/.//evil.com/` must not become the protocol-relative `//evil.com/`.
      res.writeHead(303, { Location: `/${url.pathname.replace(/^[/\\]+/, '')}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const noToken = checkToken(req, config);
    if (noToken) {
      const wantsPage = req.method === 'GET' && !url.pathname.startsWith('/api/');
      if (wantsPage) send(res, 401, NO_TOKEN_PAGE, 'text/html; charset=utf-8');
      else send(res, 401, `refused: ${noToken}`);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
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
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed');
      return;
    }
    const file = resolveStatic(options.staticDir, url.pathname);
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
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
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
