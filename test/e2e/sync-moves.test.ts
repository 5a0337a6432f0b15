/**
 * The app shows every card a sync moved (issue 23, "silent moves"), in a real Chromium against
 * `pals serve` and a loopback fake GitHub: a label rule changed with `pals labels set`, then
 * "Sync" in the app moves three cards on 304s (one skipping two phases). The status counts them,
 * "Moved by sync" lists each by keyboard, an entry opens its card, every open page (dark too)
 * hears the sync's end, and axe finds nothing, light and dark.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { githubDesk, startGithubDesk, stopGithubDesk } from './github-desk.js';
import { hasChromium, openApp, SHOTS, stored, type Served } from './harness.js';

const TOKEN = 'ghp_e2eTOKEN0123456789abcdefghijklmnopqr';
const BECAUSE = 'label "sa-in-progress"';
/** Polls wait for a state, however loaded the machine (no tight deadline). */
const WAIT = { timeout: 60_000, interval: 100 };

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await audit(page);
  expect(blocking(violations), describeViolations(screen, blocking(violations))).toEqual([]);
}

async function shots(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
  }
}

describe.skipIf(!hasChromium)('moves after a sync, in the app', () => {
  let served: Served;
  let browser: Browser;
  const desk = githubDesk();

  beforeAll(async () => {
    ({ served, browser } = await startGithubDesk(desk, {
      name: 'moves',
      token: TOKEN,
      prepare: (f) => {
        const issues: [string, { labels?: string[]; state?: 'closed' }][] = [
          ['Alpha', { labels: ['triage-required', 'sa-in-progress'] }],
          ['Beta', { labels: ['sa-in-progress'] }],
          ['Gamma', { labels: ['need-self-assessment', 'sa-in-progress'] }],
          ['Delta', { labels: ['pals/meet-greet'] }],
          ['Epsilon', { state: 'closed' }],
          ['Zeta', { labels: ['pals/review'] }],
        ];
        const steps: string[][] = [['settings', '--api-url', f.url]];
        for (const [i, [name, issue]] of issues.entries()) {
          f.add({ owner: 'cncf', repo: 'tag-security', number: 200 + i, title: `[Security Pals] ${name}`, ...issue });
          steps.push(['add', '--name', name, '--issue', `cncf/tag-security#${200 + i}`]);
        }
        // Beta was moved along by hand; one sync under the built-in rules; then the rule changes.
        return [...steps, ['move', 'Beta', 'follow-up'], ['sync'], ['labels', 'set', 'draft', 'pals/draft,sa-in-progress']];
      },
    }));
  });

  afterAll(() => stopGithubDesk(desk));

  it('counts and lists the three moves after Sync, by keyboard, light and dark, with nothing for axe to find', async () => {
    const light = await openApp(browser, served);
    const dark = await openApp(browser, served, 'dark');
    const { page } = light;
    for (const p of [page, dark.page]) await p.getByRole('button', { name: 'Alpha', exact: true }).waitFor();

    const sync = page.getByRole('button', { name: 'Sync', exact: true });
    await expect.poll(() => sync.getAttribute('aria-disabled'), WAIT).toBeNull();
    await sync.focus();
    await page.keyboard.press('Enter');
    const summary = 'Synced 6: 3 updated (3 cards moved)';
    // Both pages hear how the sync ended: the one that asked, and the other one (the core's syncDone event).
    // (What the status region holds, the part only screen readers get included.)
    const statuses = (p: Page) => p.getByRole('status').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const p of [page, dark.page]) await expect.poll(() => statuses(p), WAIT).toContain(summary);
    for (const [name, phase] of [
      ['Alpha', 'draft'],
      ['Beta', 'draft'],
      ['Gamma', 'draft'],
    ] as const) {
      expect((await stored(served, name)).phase).toBe(phase);
    }

    for (const [p, scheme] of [
      [page, 'light'],
      [dark.page, 'dark'],
    ] as const) {
      const toggle = p.getByRole('button', { name: '3 moved by sync' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      // Reached by keyboard: one Shift+Tab back from Sync.
      await p.getByRole('button', { name: 'Sync', exact: true }).focus();
      await p.keyboard.press('Shift+Tab');
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
      await p.keyboard.press('Enter');
      const region = p.getByRole('region', { name: 'Moved by sync' });
      await region.waitFor();
      const entries = region.getByRole('list').getByRole('button');
      expect(await entries.allInnerTexts()).toHaveLength(3);
      await expect
        .poll(
          () => region.getByRole('button', { name: /^Alpha ?: Intake to Self-assessment draft \(label "sa-in-progress"\)$/ }).count(),
          WAIT,
        )
        .toBe(1);
      await expect
        .poll(
          () => region.getByRole('button', { name: /^Beta ?: Follow-up to Self-assessment draft \(label "sa-in-progress"\)$/ }).count(),
          WAIT,
        )
        .toBe(1);
      await expect
        .poll(
          () => region.getByRole('button', { name: /^Gamma ?: Intake to Self-assessment draft \(label "sa-in-progress"\)$/ }).count(),
          WAIT,
        )
        .toBe(1);
      expect(await region.textContent()).toContain(BECAUSE);
      await p.waitForTimeout(150);
      await expectAccessible(p, `moved by sync (${scheme})`);
      await shots(p, `sync-moves-${scheme}`);
      await p.setViewportSize({ width: 1440, height: 900 });
    }

    // An entry opens its card; Escape closes the card, then the list, and focus is back on its button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Alpha: Intake/);
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: 'Alpha' });
    await card.waitFor();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Moved by sync' })
      .getByRole('button', { name: /^Alpha/ })
      .focus();
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Moved by sync' }).waitFor({ state: 'hidden' });
    const toggle = page.getByRole('button', { name: '3 moved by sync' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await light.context.close();
    await dark.context.close();
    // Two pages, two axe runs and four screenshots: generous, for a loaded machine.
  }, 240_000);
});
