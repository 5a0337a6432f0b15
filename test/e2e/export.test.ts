/** The exported HTML deck opens in Chromium with no network at all. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SHOTS, useServedBrowser } from './harness.js';

describe.skipIf(!hasChromium)('exported deck in Chromium', () => {
  const app = useServedBrowser();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pals-deck-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens offline, makes no network request, and shows every slide', async () => {
    for (const name of ['Tinkerbell', 'Kyverno <script>alert(1)</script>', 'Crossplane']) {
      expect((await app.served.pals(['add', '--name', name, '--kickoff', '2026-09-01', '--pal', 'Ann'])).code).toBe(0);
    }
    const out = join(dir, 'retro.html');
    const r = await app.served.pals(['export', 'deck', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const slides = Number(/\((\d+) slides/.exec(r.stderr)?.[1]);
    const context = await app.browser.newContext({ offline: true, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(out).href);
    await page.waitForLoadState('load');
    expect(requests).toEqual([pathToFileURL(out).href]);
    expect(await page.locator('section').count()).toBe(slides);
    expect(await page.locator('section h1').first().textContent()).toContain('Security Pals Retrospective');
    expect(await page.locator('body').textContent()).toContain('Kyverno <script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'e2e-exported-deck.png') });
    await context.close();
  });
});
