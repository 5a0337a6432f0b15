/**
 * The GitHub loop in a real Chromium against `pals serve`, whose API address (stored with
 * `pals settings --api-url`) is a loopback fake GitHub: Settings → GitHub (token test, write-back,
 * label rules), "Find engagements on GitHub", a conflict resolved in the card dialog, and the
 * self-assessment PR's progress on the card. Keyboard paths, names for screen readers, and axe.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledWith } from '../fixtures/self-assessment.js';
import type { FakeGithub } from '../support/github/fake-github.js';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { githubDesk, startGithubDesk, stopGithubDesk } from './github-desk.js';
import { hasChromium, openApp, SHOTS, stored, type Served } from './harness.js';

const TOKEN = 'ghp_e2eTOKEN0123456789abcdefghijklmnopqr';
const column = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** Screenshots of what `page` shows at 1440×900 and 1280×800 (looked at by people), back at 1440×900 after. */
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

describe.skipIf(!hasChromium)('GitHub in the app (pals serve + a fake GitHub)', () => {
  let fake: FakeGithub;
  let served: Served;
  let browser: Browser;
  const desk = githubDesk();

  const cli = async (args: string[]) => {
    const r = await served.pals(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    ({ fake, served, browser } = await startGithubDesk(desk, {
      name: 'gh',
      token: TOKEN,
      // The CLI steps run without a token; pals serve and the harness's CLI runs take it from the
      // environment, as the contract says.
      stepsWithToken: false,
      prepare: (f) => {
        f.add({ owner: 'o', repo: 'r', number: 1, title: 'Widget tracking', labels: ['pals/intake'], assignees: ['alice'] });
        f.add({
          owner: 'cncf',
          repo: 'tag-security',
          number: 10,
          title: '[Security Pals] Falco self-assessment',
          labels: ['security-pals'],
        });
        f.add({ owner: 'cncf', repo: 'tag-security', number: 11, title: '<b>Bold</b> [Security Pals]', labels: ['security-pals'] });
        f.add({
          owner: 'cncf',
          repo: 'tag-security',
          number: 30,
          kind: 'pull',
          title: 'Widget Project Security Self-Assessment - Security Pals',
          files: [
            {
              filename: 'community/assessments/projects/widget/self-assessment.md',
              status: 'added',
              content: filledWith(['Metadata', 'Overview', 'Appendix']),
            },
          ],
        });
        return [
          ['add', '--name', 'Widget', '--issue', 'o/r#1', '--pal', 'Alice'],
          ['settings', '--api-url', f.url, '--pal-login', 'Alice=alice'],
        ];
      },
    }));
  });

  afterAll(() => stopGithubDesk(desk));

  it('Settings → GitHub by keyboard: tests the token, turns write-back on, validates and saves label rules', async () => {
    const { page, context } = await openApp(browser, served);
    await page.getByRole('button', { name: 'Widget', exact: true }).waitFor();
    await page.getByRole('button', { name: 'GitHub settings' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'GitHub settings' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Test' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText('Signed in as pal-coordinator').count()).toBe(1);
    await expect.poll(() => dialog.getByText(/scopes: repo, read:org/).count()).toBe(1);

    const writeBack = dialog.getByRole('checkbox', { name: /Write phase labels back to GitHub/ });
    await writeBack.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (JSON.parse(await cli(['settings', '--json'])) as { writeBack: boolean }).writeBack).toBe(true);
    expect(await writeBack.isChecked()).toBe(true);

    const draft = dialog.getByRole('textbox', { name: 'Self-assessment draft' });
    await draft.fill('pals/draft, pals/review');
    await dialog.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/"pals\/review" would mean both/);
    expect(await draft.getAttribute('aria-invalid')).toBe('true');
    await draft.fill('pals/draft, sa-draft');
    await dialog.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => dialog.getByText('Label rules saved.').count()).toBe(1);
    const rules = JSON.parse(await cli(['labels', '--json'])) as { label: string; phase: string }[];
    expect(rules).toContainEqual(expect.objectContaining({ label: 'sa-draft', phase: 'draft' }));
    expect(await dialog.getByText(/Rate limit left/).count()).toBe(0); // no sync yet: "No sync yet."

    await expectAccessible(page, 'GitHub settings (light)');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'github-settings-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await context.close();

    const dark = await openApp(browser, served, 'dark');
    await dark.page.setViewportSize({ width: 1280, height: 800 });
    await dark.page.getByRole('button', { name: 'GitHub settings' }).click();
    await dark.page.getByRole('dialog', { name: 'GitHub settings' }).waitFor();
    await expectAccessible(dark.page, 'GitHub settings (dark)');
    await dark.page.screenshot({ path: join(SHOTS, 'github-settings-dark.png') });
    await dark.context.close();
  });

  it('finds engagements on GitHub, adds the chosen one to Intake, and marks it known the next time', async () => {
    const { page, context } = await openApp(browser, served);
    await page.getByRole('button', { name: 'Widget', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Find on GitHub' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find engagements on GitHub' });
    await dialog.getByRole('textbox', { name: 'Repository' }).waitFor();
    await dialog.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/Found 3 issues or PRs; 3 not on the board yet, 1 named like a card that is not linked yet/);
    // GitHub's titles are text, markup included.
    expect(await dialog.getByRole('checkbox', { name: '<b>Bold</b> [Security Pals]' }).count()).toBe(1);
    // Widget is on the board without a self-assessment PR: its PR is offered for that card.
    const widgetPr = dialog.getByRole('checkbox', { name: 'Widget Project Security Self-Assessment - Security Pals' });
    expect(await dialog.getByText(/PR cncf\/tag-security#30 · on the board as Widget, not linked yet: adding links it/).count()).toBe(1);
    await expectAccessible(page, 'Find engagements on GitHub (a match)');
    await shots(page, 'github-discover-match-light');
    const dark = await openApp(browser, served, 'dark');
    await dark.page.getByRole('button', { name: 'Find on GitHub' }).click();
    const darkDialog = dark.page.getByRole('dialog', { name: 'Find engagements on GitHub' });
    await darkDialog.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => darkDialog.getByRole('status').textContent()).toMatch(/1 named like a card/);
    await expectAccessible(dark.page, 'Find engagements on GitHub (a match, dark)');
    await shots(dark.page, 'github-discover-match-dark');
    await dark.context.close();
    await page.setViewportSize({ width: 1440, height: 900 });
    const falco = dialog.getByRole('checkbox', { name: '[Security Pals] Falco self-assessment' });
    await falco.focus();
    await page.keyboard.press('Space');
    await widgetPr.focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('button', { name: 'Add selected (2)' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe('Added 1 engagement to Intake. Linked Widget to cncf/tag-security#30.');
    expect(await falco.isDisabled()).toBe(true);
    expect(await widgetPr.isDisabled()).toBe(true);
    expect(await dialog.getByText(/PR cncf\/tag-security#30 · on the board as Widget$/).count()).toBe(1);
    await expectAccessible(page, 'Find engagements on GitHub');
    await shots(page, 'github-discover-light');
    await page.keyboard.press('Escape');
    await column(page, 'Intake').getByRole('button', { name: 'Falco', exact: true }).waitFor();
    expect(await stored(served, 'falco')).toMatchObject({ phase: 'intake', github: { issue: 'cncf/tag-security#10' } });
    expect(await stored(served, 'widget')).toMatchObject({ github: { issue: 'o/r#1' }, pr: { pr: 'cncf/tag-security#30' } });
    expect(await served.pals(['list', '--json']).then((r) => (JSON.parse(r.stdout) as unknown[]).length)).toBe(2);

    await page.getByRole('button', { name: 'Find on GitHub' }).click();
    await dialog.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/Found 3 issues or PRs; 1 not on the board yet\./);
    expect(await dialog.getByText(/on the board as Falco/).count()).toBe(1);
    await context.close();
  });

  it('marks a conflict on the card, resolves it in the dialog, and shows the self-assessment PR’s progress', async () => {
    await cli(['sync']);
    await cli(['move', 'widget', 'follow-up']);
    // Write-back is on (first test), but the sync must not write over GitHub's own change.
    fake.edit('o/r#1', { labels: ['pals/review'] });
    await cli(['edit', 'widget', '--pr', 'cncf/tag-security#30']);
    const sync = await served.pals(['sync']);
    expect(sync.stdout).toMatch(/1 card has a conflict with GitHub/);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/review']);
    // Moved on after the sync saw the conflict: the dialog speaks of where the card is now.
    await cli(['move', 'widget', 'draft']);

    const { page, context } = await openApp(browser, served);
    const card = column(page, 'Self-assessment draft').getByRole('listitem').filter({ hasText: 'Widget' });
    await card.getByText('Conflict').waitFor();
    expect(await card.getByRole('progressbar', { name: 'Self-assessment progress' }).getAttribute('aria-valuetext')).toBe(
      '3 of 8 sections',
    );
    expect(await card.getByText('alice').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'board with a conflict and PR progress');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'github-card-light.png') });

    await page.getByRole('button', { name: 'Widget', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Widget/ });
    await dialog.getByRole('button', { name: 'Keep mine' }).waitFor();
    expect(await dialog.getByText(/GitHub suggests/).textContent()).toBe(
      'GitHub suggests In review; the card is in Self-assessment draft.',
    );
    expect(await dialog.getByRole('list', { name: 'Self-assessment sections' }).getByRole('listitem').count()).toBe(8);
    await expectAccessible(page, 'card dialog with a conflict');
    await shots(page, 'github-conflict-light');
    const dark = await openApp(browser, served, 'dark');
    await dark.page.getByRole('button', { name: 'Widget', exact: true }).click();
    await dark.page
      .getByRole('dialog', { name: /Widget/ })
      .getByRole('button', { name: 'Keep mine' })
      .waitFor();
    await expectAccessible(dark.page, 'card dialog with a conflict (dark)');
    await shots(dark.page, 'github-conflict-dark');
    await dark.context.close();
    await dialog.getByRole('button', { name: 'Take GitHub' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('button', { name: 'Keep mine' }).count()).toBe(0);
    // Focus stays in the dialog, on what was done, so Escape still closes it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Moved to In review, as GitHub says.');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await expectAccessible(page, 'card dialog after Take GitHub');
    await shots(page, 'github-conflict-settled-light');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await column(page, 'In review').getByRole('button', { name: 'Widget', exact: true }).waitFor();
    expect(await stored(served, 'widget')).toMatchObject({ phase: 'review', github: { conflict: null }, pr: { filled: 3, total: 8 } });
    await cli(['sync']);
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await context.close();
  });
});
