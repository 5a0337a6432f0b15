/** The loopback API from a real browser's point of view: other pages cannot drive it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServedBrowser, hasChromium, openApp, openServedBrowser, removeData, type Served, startServe } from './harness.js';

describe.skipIf(!hasChromium)('pals serve in Chromium: API access', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    ({ served, browser } = await openServedBrowser());
  });
  afterAll(() => closeServedBrowser({ served, browser }));

  it('lets the app page call the API after the first load, without the token in /api/ URLs', async () => {
    const { page, context } = await openApp(browser, served);
    const apiUrls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiUrls.push(r.url());
    });
    expect(page.url()).toBe(`${served.origin}/`);
    const result = await page.evaluate(async () => {
      const r = await fetch('/api/getBoard', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: r.status, body: (await r.json()) as { ok: boolean } };
    });
    expect(result).toMatchObject({ status: 200, body: { ok: true } });
    const cookies = await context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Strict' })]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    for (const url of apiUrls) expect(url).not.toContain(served.token);
    await context.close();
  });

  it('refuses token-less requests and requests for a foreign Host', async () => {
    const context = await browser.newContext();
    const noToken = await context.request.post(`${served.origin}/api/getBoard`, { data: {} });
    expect(noToken.status()).toBe(401);
    const foreign = await context.request.post(`${served.origin}/api/getBoard`, {
      data: {},
      headers: { host: 'rebound.example', 'x-pals-token': served.token },
    });
    expect(foreign.status()).toBe(403);
    const page = await context.newPage();
    const response = await page.goto(`${served.origin}/`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('body').textContent()).toContain('Open the address that pals serve printed');
    await context.close();
  });

  it('does not let a page on another origin drive the API, even in the same browser', async () => {
    const { page, context } = await openApp(browser, served);
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
    }, served.origin);
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
