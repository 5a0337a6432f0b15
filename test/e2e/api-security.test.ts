/** The loopback API from a real browser's point of view: other pages cannot drive it. */
import { describe, expect, it } from 'vitest';
import { hasChromium, openApp, removeData, startServe, useServedBrowser } from './harness.js';

describe.skipIf(!hasChromium)('pals serve in Chromium: API access', () => {
  const app = useServedBrowser();

  it('lets the app page call the API after the first load, without the token in /api/ URLs', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    const apiUrls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiUrls.push(r.url());
    });
    expect(page.url()).toBe(`${app.served.origin}/`);
    const result = await page.evaluate(async () => {
      const r = await fetch('/api/getBoard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: r.status, body: (await r.json()) as { ok: boolean } };
    });
    expect(result).toMatchObject({ status: 200, body: { ok: true } });
    const cookies = await context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Strict' })]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(apiUrls.length, 'the API calls above were seen').toBeGreaterThan(0);
    for (const url of apiUrls) expect(url).not.toContain(app.served.token);
    await context.close();
  });

  it('refuses token-less requests and requests for a foreign Host', async () => {
    const context = await app.browser.newContext();
    const noToken = await context.request.post(`${app.served.origin}/api/getBoard`, { data: {} });
    expect(noToken.status()).toBe(401);
    const foreign = await context.request.post(`${app.served.origin}/api/getBoard`, {
      data: {},
      headers: { host: 'rebound.example', 'x-pals-token': app.served.token },
    });
    expect(foreign.status()).toBe(403);
    const page = await context.newPage();
    const response = await page.goto(`${app.served.origin}/`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('body').textContent()).toContain('Open the address that pals serve printed');
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
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Injected' }),
        });
        return `status ${r.status}`;
      } catch (error) {
        return `blocked: ${String(error)}`;
      }
    }, app.served.origin);
    expect(attempt).toMatch(/blocked|status 40[13]/);
    const board = await page.evaluate(async () => {
      const r = await fetch('/api/getBoard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return (await r.json()) as { value: { engagements: { name: string }[] } };
    });
    expect(board.value.engagements.map((e) => e.name)).not.toContain('Injected');
    await other.stop();
    await removeData(other);
    await context.close();
  });
});
