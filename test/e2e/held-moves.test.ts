/**
 * Moves made while write-back was off, in a real Chromium against `pals serve` and a loopback
 * fake GitHub (issue 23.3): switching write-back on in Settings → GitHub sends nothing and offers
 * the held moves ("Push these 2 moves" / "Only moves from now on"); the coordinator declines,
 * reviews them again later, and pushes them. By keyboard, by role and name, axe clean.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGithub } from '../support/github/fake-github.js';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { githubDesk, startGithubDesk, stopGithubDesk } from './github-desk.js';
import { hasChromium, openApp, SHOTS, type Served } from './harness.js';

const TOKEN = 'ghp_e2eTOKEN0123456789abcdefghijklmnopqr';

async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
  }
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await audit(page); // once nothing moves: contrast is measured on what is painted
  expect(blocking(violations), describeViolations(screen, blocking(violations))).toEqual([]);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.getAttribute('aria-labelledby') ? (document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent ?? '') : ((el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '')}`
      : '';
  });

describe.skipIf(!hasChromium)('moves made while write-back was off, in the app', () => {
  let fake: FakeGithub;
  let served: Served;
  let browser: Browser;
  const desk = githubDesk();
  const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

  beforeAll(async () => {
    ({ fake, served, browser } = await startGithubDesk(desk, {
      name: 'held',
      token: TOKEN,
      prepare: (f) => {
        f.add({ owner: 'o', repo: 'r', number: 1, title: 'Widget', labels: ['pals/intake', 'assessment'] });
        f.add({ owner: 'o', repo: 'r', number: 2, title: 'Gadget', labels: ['pals/follow-up'] });
        return [
          ['add', '--name', 'Widget', '--issue', 'o/r#1'],
          ['add', '--name', 'Gadget', '--issue', 'o/r#2'],
          ['settings', '--api-url', f.url],
          ['sync'],
          // Write-back is off: these two moves stay on the desk.
          ['move', 'widget', 'draft'],
          ['move', 'gadget', 'review'],
        ];
      },
    }));
  });

  afterAll(() => stopGithubDesk(desk));

  it('switching write-back on sends nothing and offers the held moves; declined, then reviewed and pushed', async () => {
    const { page, context } = await openApp(browser, served);
    await page.getByRole('button', { name: 'Widget', exact: true }).waitFor();
    await page.getByRole('button', { name: 'GitHub settings' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'GitHub settings' });
    const writeBack = dialog.getByRole('checkbox', { name: /Write phase labels back to GitHub/ });
    await writeBack.focus();
    await page.keyboard.press('Space');

    const offer = dialog.getByRole('group', { name: '2 cards were moved while write-back was off' });
    await offer.waitFor();
    // Focus moves to the offer, so a screen reader reads its name and what it is about.
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('group:2 cards were moved while write-back was off');
    expect(await offer.getByRole('listitem').allTextContents()).toEqual([
      'Widget: Self-assessment draft here; GitHub says Intake',
      'Gadget: In review here; GitHub says Follow-up',
    ]);
    expect(await offer.getAttribute('aria-describedby')).toBeTruthy();
    expect(writes()).toEqual([]);
    await expectAccessible(page, 'held moves offered (light)');
    await shots(page, 'held-moves-offer-light');

    // "Only moves from now on": nothing is sent, focus goes back to the switch, a line still says so.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('button:Only moves from now on');
    await page.keyboard.press('Enter');
    await expect.poll(() => offer.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatch(/^input:Write phase labels back to GitHub/);
    await dialog.getByText('2 moves made while write-back was off are not on GitHub.').waitFor();
    const sync = await served.pals(['sync', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    expect((JSON.parse(sync.stdout) as { held: { name: string }[] }).held.map((h) => h.name)).toEqual(['Widget', 'Gadget']);
    expect(writes()).toEqual([]);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/intake', 'assessment']);

    // Reviewed again later, and pushed: a sync sends both label changes.
    await dialog.getByRole('button', { name: 'Review held moves' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('group:2 cards were moved while write-back was off');
    await offer.getByRole('button', { name: 'Push these 2 moves' }).focus();
    await page.keyboard.press('Enter');
    // The push queues both and starts a sync (the token comes from GITHUB_TOKEN): it may take a while here.
    const sent = { timeout: 30_000 };
    await expect.poll(() => fake.issues.get('o/r#2')!.labels, sent).toEqual(['pals/review']);
    await expect.poll(() => [...fake.issues.get('o/r#1')!.labels].sort(), sent).toEqual(['assessment', 'pals/draft']);
    await expect.poll(() => dialog.getByText(/made while write-back was off/).count(), sent).toBe(0);
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatch(/^input:Write phase labels back to GitHub/);
    expect(writes().filter((w) => w.startsWith('DELETE'))).toEqual([
      'DELETE /repos/o/r/issues/1/labels/pals/intake',
      'DELETE /repos/o/r/issues/2/labels/pals/follow-up',
    ]);
    await context.close();
  });

  it('looks right in dark mode too (the offer reviewed from its line)', async () => {
    // Held again: moved while write-back is off, then switched on from the command line.
    for (const args of [
      ['settings', '--writeback', 'off'],
      ['move', 'widget', 'follow-up'],
      ['settings', '--writeback', 'on'],
    ]) {
      const r = await served.pals(args);
      expect(r.code, r.stderr).toBe(0);
    }
    const dark = await openApp(browser, served, 'dark');
    await dark.page.getByRole('button', { name: 'GitHub settings' }).click();
    const dialog = dark.page.getByRole('dialog', { name: 'GitHub settings' });
    await dialog.getByText('1 move made while write-back was off is not on GitHub.').waitFor();
    await expectAccessible(dark.page, 'held move line (dark)');
    await dialog.getByRole('button', { name: 'Review held moves' }).click();
    const offer = dialog.getByRole('group', { name: '1 card was moved while write-back was off' });
    expect(await offer.getByRole('listitem').allTextContents()).toEqual(['Widget: Follow-up here; GitHub says Self-assessment draft']);
    expect(await offer.getByRole('button', { name: 'Push this move' }).count()).toBe(1);
    await expectAccessible(dark.page, 'held moves offered (dark)');
    await shots(dark.page, 'held-moves-offer-dark');
    await dark.context.close();
  });
});
