/**
 * Fuzzing the loopback host (`pals serve`) in-process: raw request lines no browser would send
 * (this found a crash on `GET http://[x/` before any token check), and every combination of
 * Host, Origin, Sec-Fetch-Site, cookie and token header around a write. The server never stops
 * answering, and a write lands exactly when Host, token header and origin are all right (a
 * cookie, even with the right token, is never enough: a browser sends it to every local port).
 */
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/open-core.js';
import { startServer, type RunningServer } from '../../electron/serve/server.js';
import { PalsStore } from '../../electron/core/store/store.js';
import { RunCounter, runs } from './fuzz-kit.js';

/** Sends bytes as they are and returns the status line (empty when the server just closed). */
function rawLine(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(reply.split('\r\n')[0] ?? '');
    });
    socket.end(text, 'latin1');
  });
}

function post(port: number, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/addEngagement', method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Request targets that once stopped the server, or look like they might. */
const KNOWN_BAD = [
  'http://[x/',
  '/api/%E0%A4%A',
  '/%',
  '/api/%',
  '//x',
  '/api/__proto__',
  '/api/constructor',
  '*',
  'http://a:99999/',
  '/..%2f..%2fetc/passwd',
];

describe('the loopback host under fuzzing', () => {
  let dir: string;
  let store: PalsStore;
  let server: RunningServer;
  const counter = new RunCounter();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pals-fuzz-serve-'));
    await mkdir(join(dir, 'ui'));
    await writeFile(join(dir, 'ui', 'index.html'), '<!doctype html><title>ui</title>');
    store = (await PalsStore.open(join(dir, 'data'))).store;
    server = await startServer({ core: createCore(store, { today: () => '2026-11-27' }), staticDir: join(dir, 'ui') });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
    console.log(counter.report('loopback host fuzz:'));
  });

  const alive = async () => {
    const line = await rawLine(
      server.port,
      `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${String(server.port)}\r\nConnection: close\r\n\r\n`,
    );
    expect(line).toMatch(/^HTTP\/1\.1 401 /);
  };

  it('keeps answering whatever request line it gets, with or without the token', async () => {
    const send = async (method: string, path: string, withToken: boolean) => {
      const token = withToken ? `X-Pals-Token: ${server.token}\r\n` : '';
      const host = `Host: 127.0.0.1:${String(server.port)}\r\n`;
      const head = `${method} ${path} HTTP/1.1\r\n${host}${token}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;
      const line = await rawLine(server.port, head);
      if (line !== '') expect(line, `${method} ${path}`).toMatch(/^HTTP\/1\.1 [2-5]\d\d /);
      await alive();
    };
    for (const path of KNOWN_BAD) for (const withToken of [false, true]) await send('GET', path, withToken);
    const target = fc.oneof(
      fc.constantFrom(...KNOWN_BAD),
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((s) => s.replace(/[\s]/g, ''))
        .filter((s) => s.length > 0),
      fc.string({ maxLength: 20 }).map((s) => `/api/${encodeURI(s)}%${s.length % 2 ? 'E0' : 'zz'}`),
    );
    const numRuns = runs(150);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'BREW'),
        target,
        fc.boolean(),
        async (method, path, withToken) => {
          counter.hit('raw request lines');
          await send(method, path, withToken);
        },
      ),
      { numRuns },
    );
    expect(counter.get('raw request lines')).toBeGreaterThanOrEqual(numRuns);
  });

  it('lets a write through exactly when Host, token and origin are all right', async () => {
    const port = server.port;
    const ours = [`127.0.0.1:${String(port)}`, `localhost:${String(port)}`];
    const header = fc.record({
      host: fc.constantFrom(...ours, `127.0.0.1:${String(port + 1)}`, 'evil.example', `evil.example:${String(port)}`, '127.0.0.1'),
      origin: fc.constantFrom(
        undefined,
        `http://${ours[0]!}`,
        `http://${ours[1]!}`,
        `http://127.0.0.1:${String(port + 1)}`,
        'null',
        'http://evil.example',
        `https://${ours[0]!}`,
      ),
      site: fc.constantFrom(undefined, 'same-origin', 'none', 'same-site', 'cross-site'),
      token: fc.constantFrom<'header' | 'cookie' | 'wrong' | 'other-port-cookie' | 'none'>(
        'header',
        'cookie',
        'wrong',
        'other-port-cookie',
        'none',
      ),
    });
    let n = 0;
    const numRuns = runs(200);
    await fc.assert(
      fc.asyncProperty(header, async (h) => {
        counter.hit('guard headers');
        const headers: Record<string, string> = { host: h.host, 'content-type': 'application/json' };
        if (h.origin !== undefined) headers.origin = h.origin;
        if (h.site !== undefined) headers['sec-fetch-site'] = h.site;
        if (h.token === 'header') headers['x-pals-token'] = server.token;
        if (h.token === 'wrong') headers['x-pals-token'] = `${server.token.slice(0, -1)}x`;
        if (h.token === 'cookie') headers.cookie = `pals_token_${String(port)}=${server.token}`;
        if (h.token === 'other-port-cookie') headers.cookie = `pals_token_${String(port + 1)}=${server.token}`;
        const allowed =
          ours.includes(h.host) &&
          h.token === 'header' &&
          (h.origin === undefined || h.origin === `http://${ours[0]!}` || h.origin === `http://${ours[1]!}`) &&
          (h.site === undefined || h.site === 'same-origin' || h.site === 'none');
        const before = store.doc.engagements.length;
        const status = await post(port, headers, JSON.stringify({ name: `Guarded ${String(++n)}` }));
        const context = JSON.stringify(h);
        expect(status === 200, context).toBe(allowed);
        expect(store.doc.engagements.length - before, context).toBe(allowed ? 1 : 0);
      }),
      { numRuns },
    );
    expect(counter.get('guard headers')).toBeGreaterThanOrEqual(numRuns);
  });
});
