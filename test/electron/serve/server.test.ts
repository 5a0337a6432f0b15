import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/open-core.js';
import { resolveStatic } from '../../../electron/serve/static-files.js';
import { startServer, type RunningServer } from '../../../electron/serve/server.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { tempDir } from '../../helpers.js';
import { readUntil } from '../../support/read-until.js';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function serve(): Promise<{ server: RunningServer; store: PalsStore; base: string; auth: Record<string, string> }> {
  const dir = await tempDir();
  const ui = join(dir, 'ui');
  await mkdir(ui);
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>ui</title>');
  const { store } = await PalsStore.open(join(dir, 'data'));
  const server = await startServer({ core: createCore(store, { today: () => '2026-11-27' }), staticDir: ui });
  running = server;
  return { server, store, base: `http://127.0.0.1:${server.port}`, auth: { 'x-pals-token': server.token } };
}

/** A raw request, so tests can send the headers a browser or an attacker would (Host included). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The one-time token of a first-load address (in its fragment). */
const firstLoadToken = (url: string) => new URL(url).hash.replace(/^#token=/, '');

const exchange = (base: string, token: string) =>
  fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

const post = (base: string, call: string, args: unknown, headers: Record<string, string>) =>
  fetch(`${base}/api/${call}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

describe('pals serve', () => {
  it('listens on 127.0.0.1 only and prints an address whose one-time token is in the fragment', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open#token=[A-Za-z0-9_-]{43}$/);
    expect((await fetch(server.url.replace(/#.*/, ''))).status).toBe(200);
    expect(server.url).not.toContain(server.token);
    const other = await serve();
    expect(other.server.token).not.toBe(server.token);
    await server.close();
  });

  it('trades the printed token for the session token once; the address is no key after that', async () => {
    const { server, base } = await serve();
    const first = await exchange(base, firstLoadToken(server.url));
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(await first.json()).toEqual({ ok: true, value: { token: server.token } });
    const again = await exchange(base, firstLoadToken(server.url));
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/already used/) },
    });
    expect((await exchange(base, 'x'.repeat(43))).status).toBe(401);
  });

  it('refuses a first-load token sent from another origin, and keeps it for our page', async () => {
    const { server } = await serve();
    const code = firstLoadToken(server.url);
    const body = JSON.stringify({ token: code });
    const json = { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json' };
    const attempts: Record<string, string>[] = [{ origin: `http://127.0.0.1:${server.port + 1}` }, { 'sec-fetch-site': 'same-site' }];
    for (const extra of attempts) {
      const r = await raw(server.port, '/session', { ...json, ...extra }, 'POST', body);
      expect(r.status, JSON.stringify(extra)).toBe(403);
    }
    const ours = await raw(server.port, '/session', { ...json, origin: `http://127.0.0.1:${server.port}` }, 'POST', body);
    expect(ours.status).toBe(200);
  });

  it('gives a signed-in page a one-time address for another browser, and nobody else', async () => {
    const { base, auth } = await serve();
    expect((await fetch(`${base}/session/link`, { method: 'POST' })).status).toBe(401);
    const made = (await (await fetch(`${base}/session/link`, { method: 'POST', headers: auth })).json()) as { value: { url: string } };
    expect(made.value.url).toMatch(new RegExp(`^${base}/open#token=[A-Za-z0-9_-]{43}$`));
    expect((await exchange(base, firstLoadToken(made.value.url))).status).toBe(200);
    expect((await exchange(base, firstLoadToken(made.value.url))).status).toBe(401);
  });

  it('never reads a cookie: the token in the cookie a browser sends to every local port opens nothing', async () => {
    const { server, base } = await serve();
    // What any other server on 127.0.0.1 received before: the cookie, sent by the browser to every port.
    const stolen = { cookie: `pals_token_${server.port}=${server.token}` };
    expect((await post(base, 'getBoard', {}, stolen)).status).toBe(401);
    const events = await raw(server.port, '/api/events', { host: `127.0.0.1:${server.port}`, ...stolen });
    expect(events.status).toBe(401);
    expect((await fetch(`${base}/session/link`, { method: 'POST', headers: stolen })).status).toBe(401);
  });

  it('answers the old `?token=` address with the page itself: no redirect, no session (no open redirect)', async () => {
    const { server } = await serve();
    for (const path of ['/.//evil.com/', '//evil.com/', '/\\evil.com/', '/board', '/']) {
      const r = await raw(server.port, `${path}?token=${server.token}`, { host: `127.0.0.1:${server.port}` });
      expect(r.status, path).not.toBe(303);
      expect(r.headers.location, path).toBeUndefined();
      expect(r.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('serves the UI (no data in it) to anyone on this host, and the API only with the session token', async () => {
    const { base } = await serve();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect((await post(base, 'getBoard', {}, {})).status).toBe(401);
  });

  it('takes API calls only as application/json (parameters allowed, look-alikes refused)', async () => {
    const { base, auth } = await serve();
    const send = (type: string) =>
      fetch(`${base}/api/getBoard`, { method: 'POST', headers: { ...auth, 'content-type': type }, body: '{}' }).then((r) => r.json());
    expect(await send('application/json; charset=utf-8')).toMatchObject({ ok: true });
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain'])
      expect(await send(type), type).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses API requests without the token, or with a wrong one', async () => {
    const { base, server } = await serve();
    expect((await post(base, 'getBoard', {}, {})).status).toBe(401);
    expect((await post(base, 'getBoard', {}, { 'x-pals-token': `${server.token}x` })).status).toBe(401);
    expect((await post(base, 'getBoard', {}, { 'x-pals-token': '' })).status).toBe(401);
    expect((await post(base, 'getBoard', {}, { 'x-pals-token': server.token })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const { server } = await serve();
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const r = await raw(
        server.port,
        '/api/getBoard',
        { host, 'x-pals-token': server.token, 'content-type': 'application/json' },
        'POST',
        '{}',
      );
      expect(r.status, host).toBe(403);
      expect(r.body).toMatch(/Host/);
    }
    const ok = await raw(
      server.port,
      '/api/getBoard',
      { host: `localhost:${server.port}`, 'x-pals-token': server.token, 'content-type': 'application/json' },
      'POST',
      '{}',
    );
    expect(ok.status).toBe(200);
  });

  it('refuses other origins and cross-site requests, and never sends CORS headers', async () => {
    const { server } = await serve();
    const base = { host: `127.0.0.1:${server.port}`, 'x-pals-token': server.token, 'content-type': 'application/json' };
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: `http://127.0.0.1:${server.port + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const extra of attempts) {
      const r = await raw(server.port, '/api/getBoard', { ...base, ...extra }, 'POST', '{}');
      expect(r.status, JSON.stringify(extra)).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    const same = await raw(
      server.port,
      '/api/getBoard',
      { ...base, origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' },
      'POST',
      '{}',
    );
    expect(same.status).toBe(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw(server.port, '/api/getBoard', { ...base, origin: 'https://evil.example' }, 'OPTIONS');
    expect(preflight.status).toBe(403);
  });

  it('answers malformed calls with typed 4xx errors, never a crash', async () => {
    const { base, auth } = await serve();
    const bad = await post(base, 'addEngagement', { name: '', kickoff: '2026-02-30' }, auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'name', message: expect.stringMatching(/name: must not be empty/) },
    });
    for (const name of ['nope', '__proto__', 'toString', 'constructor']) {
      const r = await post(base, name, {}, auth);
      expect(r.status, name).toBe(404);
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
    const notJson = await fetch(`${base}/api/getBoard`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: '{oops',
    });
    expect(await notJson.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/not valid JSON/) },
    });
    const form = await fetch(`${base}/api/getBoard`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: '{}' });
    expect(form.status).toBe(400);
    const missing = await post(base, 'moveEngagement', { id: 'nothere1', phase: 'done' }, auth);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await post(base, 'addEngagement', { name: 'Kyverno' }, auth);
    const twice = await post(base, 'addEngagement', { name: 'kyverno' }, auth);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({
      ok: false,
      error: { code: 'duplicate', field: 'name', message: expect.stringMatching(/already exists/) },
    });
    const extra = await post(base, 'moveEngagement', { id: 'nothere1', phase: 'done', admin: true }, auth);
    expect(extra.status).toBe(400);
  });

  it('runs calls against the store and pushes boardChanged over SSE', async () => {
    const { base, auth, store } = await serve();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: auth, signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    const added = (await (await post(base, 'addEngagement', { name: 'Kyverno', kickoff: '2026-11-02' }, auth)).json()) as {
      ok: true;
      value: { id: string };
    };
    const text = await readUntil(reader, (t) => t.includes('event: boardChanged'), 'boardChanged event');
    expect(text).toMatch(/event: boardChanged\ndata: \{"origin":"local","seq":1,/);
    controller.abort();
    const moved = await post(base, 'moveEngagement', { id: added.value.id, phase: 'follow-up' }, auth);
    expect(await moved.json()).toMatchObject({
      ok: true,
      value: { phase: 'follow-up', due: { state: 'due-soon', windowEnd: '2026-11-30' } },
    });
    expect(store.doc.engagements[0]!.phase).toBe('follow-up');
  });

  it('pushes boardChanged with the changed card (no note text) and the call that made it', async () => {
    const { base, auth } = await serve();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: auth, signal: controller.signal });
    const reader = stream.body!.getReader();
    const added = (await (await post(base, 'addEngagement', { name: 'Kyverno' }, auth)).json()) as { call: string; value: { id: string } };
    await post(base, 'addNote', { id: added.value.id, note: { text: 'the webhook fails open' } }, auth);
    const text = await readUntil(reader, (t) => (t.match(/event: boardChanged/g) ?? []).length >= 2, 'second boardChanged event');
    controller.abort();
    const changes = [...text.matchAll(/event: boardChanged\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    expect(changes[0]).toMatchObject({ seq: 1, kind: 'cards', calls: [added.call], cards: [{ id: added.value.id, noteCount: 0 }] });
    expect(changes[1]).toMatchObject({ seq: 2, cards: [{ id: added.value.id, noteCount: 1 }] });
    expect(text).not.toContain('webhook');
    const board = (await (await post(base, 'getBoard', {}, auth)).json()) as { value: { seq: number } };
    expect(board.value.seq).toBe(2);
  });

  it('serves only files inside the UI folder', async () => {
    const { server } = await serve();
    for (const path of [
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%00index.html',
      '/index.html%5c..',
    ]) {
      const r = await raw(server.port, path, { host: `127.0.0.1:${server.port}`, 'x-pals-token': server.token });
      expect(r.status, path).toBe(404);
    }
    expect(resolveStatic('/srv/ui', '/assets/app.js')).toBe('/srv/ui/assets/app.js');
    expect(resolveStatic('/srv/ui', '/../ui2/x.js')).toBeNull();
    expect(resolveStatic('/srv/ui', '/secret.txt')).toBeNull();
  });
});
