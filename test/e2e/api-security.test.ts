/** The loopback API from a real browser's point of view: other pages, and other local servers, get nothing. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hasChromium, openApp, removeData, startServe, useServedBrowser } from './harness.js';

/** Another local server, as any program on this machine could run: it records what browsers send it. */
async function recordingServer(): Promise<{ origin: string; seen: IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>another local server</title><p>hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

describe.skipIf(!hasChromium)('pals serve in Chromium: API access', () => {
  const app = useServedBrowser();

  it('lets the app page call the API after the first load, with the token in a header, never in a URL or a cookie', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    const apiRequests: { url: string; token: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiRequests.push({ url: r.url(), token: r.headers()['x-pals-token'] });
    });
    await page.getByRole('region', { name: 'Intake' }).waitFor();
    expect(page.url()).toBe(`${app.served.origin}/`);
    await page.reload();
    await page.getByRole('region', { name: 'Intake' }).waitFor();
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(apiRequests.length, 'the API calls of the reload were seen').toBeGreaterThan(0);
    for (const r of apiRequests) {
      expect(r.url).not.toContain(app.served.token);
      expect(r.token).toBe(app.served.token);
    }
    await context.close();
  });

  it('opens the printed address once; other tabs of that browser are signed in; another browser needs a new address', async () => {
    const context = await app.browser.newContext();
    const first = await context.newPage();
    const address = await app.served.link();
    await first.goto(address);
    await first.getByRole('region', { name: 'Intake' }).waitFor();
    expect(first.url()).toBe(`${app.served.origin}/`);
    const second = await context.newPage();
    await second.goto(`${app.served.origin}/`);
    await second.getByRole('region', { name: 'Intake' }).waitFor();
    expect(await second.getByRole('alert').filter({ hasText: 'Could not load the board' }).count()).toBe(0);

    const elsewhere = await app.browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto(address);
    await expect
      .poll(() => other.getByRole('alert').filter({ hasText: 'Could not load the board' }).textContent())
      .toMatch(/already used or has expired/);
    await elsewhere.close();
    await context.close();
  });

  it('makes a one-time link for another browser from the board ("Another window")', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Another window' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open another window' });
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    const link = await dialog.getByLabel('One-time link').inputValue();
    expect(link).toMatch(new RegExp(`^${app.served.origin}/open#token=[A-Za-z0-9_-]{43}$`));
    const other = await app.browser.newContext();
    const there = await other.newPage();
    await there.goto(link);
    await there.getByRole('region', { name: 'Intake' }).waitFor();
    expect(await there.getByRole('alert').filter({ hasText: 'Could not load the board' }).count()).toBe(0);
    const third = await app.browser.newContext();
    const again = await third.newPage();
    await again.goto(link);
    await expect
      .poll(() => again.getByRole('alert').filter({ hasText: 'Could not load the board' }).textContent())
      .toMatch(/already used or has expired/);
    await third.close();
    await other.close();
    await context.close();
  });

  it('does not hand the session to another server on this machine (browsers send 127.0.0.1 cookies to every port)', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('region', { name: 'Intake' }).waitFor();
    const other = await recordingServer();
    try {
      const visit = await context.newPage();
      await visit.goto(`${other.origin}/`);
      const stored = await visit.evaluate(
        () => JSON.stringify(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])) + document.cookie,
      );
      // Nothing of the session reached the other server, nor can its page read any.
      expect(other.seen.length).toBeGreaterThan(0);
      for (const headers of other.seen) expect(JSON.stringify(headers)).not.toContain(app.served.token);
      expect(stored).not.toContain(app.served.token);
      // And its page cannot drive the API with what the browser holds.
      const attempt = await visit.evaluate(async (target) => {
        try {
          const r = await fetch(`${target}/api/addEngagement`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'Injected' }),
          });
          return `status ${r.status}`;
        } catch (error) {
          return `blocked: ${String(error)}`;
        }
      }, app.served.origin);
      expect(attempt).toMatch(/blocked|status 40[13]/);
    } finally {
      await other.close();
    }
    const names = (await app.served.pals(['list', '--json'])).stdout;
    expect(names).not.toContain('Injected');
    await context.close();
  });

  it('refuses token-less API requests and requests for a foreign Host; a page without a session says what to open', async () => {
    const context = await app.browser.newContext();
    const noToken = await context.request.post(`${app.served.origin}/api/getBoard`, { data: {} });
    expect(noToken.status()).toBe(401);
    const foreign = await context.request.post(`${app.served.origin}/api/getBoard`, {
      data: {},
      headers: { host: 'rebound.example', 'x-pals-token': app.served.token },
    });
    expect(foreign.status()).toBe(403);
    const page = await context.newPage();
    await page.goto(`${app.served.origin}/`);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Could not load the board' }).textContent())
      .toMatch(/not signed in to `pals serve`: open the address it printed/);
    await context.close();
  });

  it('does not let a page on another origin drive the API, even in the same browser', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    // A second local server stands in for any other site the coordinator has open.
    const other = await startServe();
    const evil = await context.newPage();
    await evil.goto(other.url);
    const attempt = await evil.evaluate(async (target) => {
      try {
        const r = await fetch(`${target}/api/addEngagement`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', 'x-pals-token': localStorage.getItem('pals-serve-session') ?? '' },
          body: JSON.stringify({ name: 'Injected' }),
        });
        return `status ${r.status}`;
      } catch (error) {
        return `blocked: ${String(error)}`;
      }
    }, app.served.origin);
    expect(attempt).toMatch(/blocked|status 40[13]/);
    await page.getByRole('region', { name: 'Intake' }).waitFor();
    expect((await app.served.pals(['list', '--json'])).stdout).not.toContain('Injected');
    await other.stop();
    await removeData(other);
    await context.close();
  });
});
