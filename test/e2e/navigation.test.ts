/**
 * The navigation surface under `pals serve` in Chromium: hostile links in a note's markdown
 * preview and in a card's fields (markdown links, raw HTML, `target=_blank`, `javascript:`,
 * remote images), `window.open` from page script, and script that got past the sanitizer.
 * The app page never leaves its origin, runs no injected script, and makes no request beyond
 * 127.0.0.1. Links the user clicks open in a separate, opener-less page; in a browser that page
 * is the browser's to load (here every non-loopback request is recorded and answered by a stub
 * page, as the machine is offline); in the desktop app the window-open handler hands http(s) to
 * the system browser and denies the rest (test/electron/shell/electron-e2e.test.ts, where the
 * binary exists).
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDeckPreview, hasChromium, openApp, settled, useServedBrowser } from './harness.js';

const HOSTILE_NOTE = [
  '# Links',
  '[https link](https://example.com/page)',
  '[js link](javascript:window.__pwned=1)',
  '[data link](data:text/html,<script>window.__pwned=2</script>)',
  '<a href="javascript:window.__pwned=3" target="_self">raw anchor</a>',
  '<img src="x" onerror="window.__pwned=4">',
  '![remote image](https://example.com/track.png)',
  '<meta http-equiv="refresh" content="0;url=https://example.com/">',
  '<form action="https://example.com/"><button>raw form</button></form>',
  '<iframe src="https://example.com/"></iframe>',
  'https://example.com/autolinked',
].join('\n\n');

const isLoopback = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url) || /^(data|blob|about):/.test(url);

describe.skipIf(!hasChromium)('the navigation surface under pals serve', () => {
  const app = useServedBrowser();
  let id: string;

  beforeAll(async () => {
    const added = await app.served.pals(['add', '--name', 'Linky', '--repo', 'https://example.com/repo', '--issue', 'cncf/tag-security#1']);
    expect(added.code, added.stderr).toBe(0);
    id = added.stdout.trim();
    expect((await app.served.pals(['note', id, '--text', HOSTILE_NOTE])).code).toBe(0);
  });

  /** Every request of the context, by page; non-loopback ones get a stub page (the machine is offline). */
  async function watched(): Promise<{ context: BrowserContext; page: Page; appRequests: string[]; external: Request[] }> {
    const { context, page } = await openApp(app.browser, app.served);
    const appRequests: string[] = [];
    const external: Request[] = [];
    page.on('request', (r) => appRequests.push(r.url()));
    await context.route(
      (url) => !isLoopback(url.href),
      (route) => {
        external.push(route.request());
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>remote stub</title><p>stub</p>' });
      },
    );
    return { context, page, appRequests, external };
  }

  async function openPreview(page: Page) {
    await page.getByRole('button', { name: 'Linky', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Linky' });
    await dialog.waitFor();
    await dialog.getByRole('tab', { name: /^Notes/ }).click();
    await dialog.getByRole('button', { name: /Links/ }).click();
    await dialog.getByRole('tab', { name: 'Preview' }).click();
    const preview = dialog.locator('.markdown');
    await preview.getByRole('link', { name: 'https link' }).waitFor();
    return { dialog, preview };
  }

  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

  /** Nothing ran, the app page stayed home, and nothing (page or popup) left the machine. */
  async function expectContained(page: Page, appRequests: string[], external: Request[]): Promise<void> {
    expect(await pwned(page)).toBeNull();
    expect(page.url()).toBe(`${app.served.origin}/`);
    expect(appRequests.filter((u) => !isLoopback(u))).toEqual([]);
    expect(external.map((r) => r.url())).toEqual([]);
  }

  it('renders hostile markdown without script, javascript:/data: links, remote loads, forms or frames', async () => {
    const { context, page, appRequests, external } = await watched();
    const { preview } = await openPreview(page);
    const hrefs = await preview
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    for (const [href, target, rel] of hrefs) {
      if (href === null) continue; // a link whose URL was refused stays as text
      expect(href).toMatch(/^https?:/);
      expect(target).toBe('_blank');
      expect(rel).toMatch(/noopener/);
    }
    expect(hrefs.some(([href]) => href === 'https://example.com/page')).toBe(true);
    expect(await preview.locator('script, iframe, form, meta, object, embed, [onerror], [onclick]').count()).toBe(0);
    expect(await preview.locator('img[src^="http"]').count()).toBe(0);
    await settled(page); // whatever the preview asked for has answered, and two frames painted it
    await expectContained(page, appRequests, external);
    await context.close();
  });

  it('opens clicked links (note preview and card fields) in a separate page with no opener; the app page stays', async () => {
    const { context, page, appRequests, external } = await watched();
    const { dialog, preview } = await openPreview(page);
    for (const link of [preview.getByRole('link', { name: 'https link' }), dialog.getByRole('link', { name: 'Repository' })]) {
      const popup = context.waitForEvent('page');
      await link.click();
      const opened = await popup;
      await opened.waitForLoadState('domcontentloaded').catch(() => undefined);
      expect(await opened.evaluate(() => window.opener as unknown)).toBeNull();
      await opened.close();
      expect(page.url()).toBe(`${app.served.origin}/`);
    }
    // The text-only links (javascript:, data:) do nothing when clicked.
    await preview.getByText('js link').click();
    await preview.getByText('raw anchor').click();
    await settled(page); // two frames after the clicks: a navigation they started would have begun
    expect(await pwned(page)).toBeNull();
    expect(page.url()).toBe(`${app.served.origin}/`);
    expect(
      appRequests.filter((u) => !isLoopback(u)),
      'the app page itself requests nothing off the machine',
    ).toEqual([]);
    // What left the app went through the popups only (answered here by the stub).
    expect(external.length, 'the clicked links were requested (by their popups)').toBeGreaterThan(0);
    for (const r of external) expect(r.frame().page()).not.toBe(page);
    await context.close();
  });

  it('keeps the app page when page script calls window.open, and severs the opener', async () => {
    const { context, page, appRequests } = await watched();
    await page.getByRole('button', { name: 'Linky', exact: true }).waitFor();
    const popup = context.waitForEvent('page', { timeout: 5_000 }).catch(() => null);
    await page.evaluate(() => {
      (window as unknown as { opened: Window | null }).opened = window.open('https://example.com/opened', '_blank');
    });
    const opened = await popup;
    if (opened) {
      await opened.waitForLoadState('domcontentloaded').catch(() => undefined);
      expect(await opened.evaluate(() => window.opener as unknown)).toBeNull();
    }
    const handle = await page.evaluate(() => {
      const w = (window as unknown as { opened: Window | null }).opened;
      let reachable = false;
      try {
        reachable = w !== null && !w.closed && w.document !== undefined;
      } catch {
        reachable = false;
      }
      return { reachable };
    });
    await opened?.close();
    expect(handle.reachable, 'the opened page is not scriptable from the app (COOP same-origin)').toBe(false);
    expect(page.url()).toBe(`${app.served.origin}/`);
    expect(appRequests.filter((u) => !isLoopback(u))).toEqual([]);
    await context.close();
  });

  it('blocks injected script by CSP: inline handlers, inline <script>, javascript: URLs, eval, forms and <base>', async () => {
    const { context, page, appRequests } = await watched();
    await page.getByRole('button', { name: 'Linky', exact: true }).waitFor();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const outcome = await page.evaluate(async () => {
      const hit = (window as unknown as { hit?: Record<string, boolean> }).hit;
      if (hit) throw new Error('stale state');
      // Each attack below is refused with a report; the page waits for those (a bound of 15 s, should
      // one not come: an attack that ran reports nothing, and the assertions below then fail).
      const expected = ['script-src-attr', 'script-src-elem', 'form-action', 'base-uri'];
      const reported: string[] = [];
      const allReported = new Promise<void>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          reported.push(e.effectiveDirective);
          if (expected.every((d) => reported.includes(d))) resolve();
        });
      });
      document.body.insertAdjacentHTML('beforeend', '<img src="/nothing.png" onerror="(window.hit ??= {}).onerror = true">');
      const script = document.createElement('script');
      script.textContent = '(window.hit ??= {}).inlineScript = true';
      document.body.append(script);
      const a = document.createElement('a');
      a.href = 'javascript:(window.hit ??= {}).javascriptUrl = true';
      document.body.append(a);
      a.click();
      const base = document.createElement('base');
      base.href = 'https://example.com/';
      document.head.append(base);
      const form = document.createElement('form');
      form.action = 'https://example.com/steal';
      form.method = 'post';
      document.body.append(form);
      try {
        form.submit();
      } catch {
        // refused
      }
      await Promise.race([allReported, new Promise((r) => setTimeout(r, 15_000))]);
      return {
        ran: (window as unknown as { hit?: Record<string, boolean> }).hit ?? {},
        baseURI: document.baseURI,
        reported: [...new Set(reported)].sort(),
      };
    });
    expect(outcome).toEqual({
      ran: {},
      baseURI: `${app.served.origin}/`,
      reported: ['base-uri', 'form-action', 'script-src-attr', 'script-src-elem'],
    });
    // eval is refused by the same policy (no 'unsafe-eval'); DevTools-driven evaluation bypasses
    // that check, so it is asserted on the policy the page was served with.
    const csp = (await context.request.get(`${app.served.origin}/`)).headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-(inline|eval)|strict-dynamic|\*/);
    expect(page.url()).toBe(`${app.served.origin}/`);
    expect(appRequests.filter((u) => !isLoopback(u))).toEqual([]);
    expect(violations.length, 'the CSP reported what it blocked').toBeGreaterThan(0);
    await context.close();
  });

  it('renders hostile names and learnings in the deck preview with no script, link or remote load', async (ctx) => {
    const edited = await app.served.pals([
      'edit',
      id,
      '--learning',
      '[timebox] [x](javascript:window.__pwned=20) <img src="https://example.com/t.png" onerror="window.__pwned=21"> ![i](https://example.com/i.png)',
      '--reaction',
      '<script>window.__pwned=22</script> [y](https://example.com/y)',
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    const { context, page, appRequests, external } = await watched();
    await page.getByRole('button', { name: 'Linky', exact: true }).waitFor();
    const deck = page.getByRole('tab', { name: 'Retrospective deck' });
    if ((await deck.count()) === 0) {
      await context.close();
      ctx.skip('SKIPPED: the UI has no Retrospective deck view yet');
    }
    await deck.click();
    await expectDeckPreview(page);
    await settled(page);
    // Locators pierce the slides' open shadow roots.
    const slides = page.locator('.slides');
    await expect
      .poll(() => slides.getByText(/__pwned=22/).count(), { message: 'the hostile reaction is on a slide, as text' })
      .toBeGreaterThan(0);
    expect(await slides.locator('script, iframe, object, embed, [onerror], [onclick], a[href^="javascript:"]').count()).toBe(0);
    expect(await slides.locator('img[src^="http"], image[href^="http"]').count()).toBe(0);
    await expectContained(page, appRequests, external);
    await context.close();
  });

  it('refuses javascript: and other non-http(s) URLs in card fields through the API', async () => {
    const { context, page } = await watched();
    await page.getByRole('button', { name: 'Linky', exact: true }).waitFor();
    const answers = await page.evaluate(async (engagementId) => {
      const post = async (call: string, body: unknown) =>
        (
          await fetch(`/api/${call}`, {
            method: 'POST',
            // The page's own session token, as the app sends it (pals serve reads no cookie).
            headers: { 'content-type': 'application/json', 'x-pals-token': localStorage.getItem('pals-serve-session') ?? '' },
            body: JSON.stringify(body),
          })
        ).json() as Promise<{
          ok: boolean;
          error?: { code: string; field?: string };
        }>;
      return Promise.all(
        ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x', ' javascript:alert(1)'].map((repo) =>
          post('editEngagement', { id: engagementId, patch: { repo } }),
        ),
      );
    }, id);
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'patch.repo' } });
    await context.close();
  });
});
