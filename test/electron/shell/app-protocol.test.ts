/** The `app:` protocol handler on a real folder: files, types, the CSP header, and refusals. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler } from '../../../electron/shell/app-protocol.js';

let base = '';
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'pals-protocol-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><p>board</p>');
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'export {}');
  await writeFile(join(base, 'renderer', 'assets', 'app.css'), 'p{}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  handle = createAppProtocolHandler(join(base, 'renderer'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app: protocol', () => {
  it('serves index.html with the strict CSP and no-sniff headers', async () => {
    const response = await handle(new Request('app://desk/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull(); // no other origin may read app files
    expect(await response.text()).toBe('<!doctype html><p>board</p>');
    const csp = response.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ])
      expect(csp?.split('; ')).toContain(directive);
    expect(csp).not.toMatch(/unsafe|\*|http/);
  });

  it('serves assets with their types', async () => {
    expect((await handle(new Request('app://desk/assets/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://desk/assets/app.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://desk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handle(new Request('app://desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers 404 for missing files and folders, 400 for paths that leave the folder', async () => {
    expect((await handle(new Request('app://desk/nope.js'))).status).toBe(404);
    expect((await handle(new Request('app://desk/assets/'))).status).toBe(404);
    for (const url of ['app://desk/..%2fsecret.txt', 'app://desk/%2e%2e%2fsecret.txt', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('outside');
    }
    // The URL parser already folds plain dot segments: this can only name a file inside the folder.
    expect((await handle(new Request('app://desk/../secret.txt'))).status).toBe(404);
  });
});
