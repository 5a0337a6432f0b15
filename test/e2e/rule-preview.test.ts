/**
 * The label rules table previews a pending edit before it is saved (issue 23.4, no silent
 * moves): "Saving this moves 3 cards on the next sync", card by card, read by a screen reader
 * from the Save button, nothing stored until Save; then a sync moves exactly those cards.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGithub } from '../support/github/fake-github.js';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { githubDesk, startGithubDesk, stopGithubDesk } from './github-desk.js';
import { hasChromium, openApp, SHOTS, type Served } from './harness.js';

const TOKEN = 'ghp_e2ePREVIEW0123456789abcdefghijklmno';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await audit(page);
  expect(blocking(violations), describeViolations(screen, blocking(violations))).toEqual([]);
}

describe.skipIf(!hasChromium)('label rules preview in the app (pals serve + a fake GitHub)', () => {
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
      name: 'preview',
      token: TOKEN,
      prepare: (f) => {
        const cards: [string, number, string[], string][] = [
          ['Alpha', 1, ['security-pals', 'ready-for-review'], 'meet-greet'],
          ['Beta', 2, ['ready-for-review'], 'draft'],
          ['Gamma', 3, ['ready-for-review'], 'follow-up'],
          ['Delta', 4, ['pals/draft'], 'draft'],
        ];
        const steps: string[][] = [];
        for (const [name, number, labels, phase] of cards) {
          f.add({ owner: 'cncf', repo: 'tag-security', number, title: `[Security Pals] ${name}`, labels });
          steps.push(['add', '--name', name, '--issue', `cncf/tag-security#${String(number)}`], ['move', name, phase]);
        }
        return [...steps, ['settings', '--api-url', f.url], ['sync']];
      },
    }));
  });

  afterAll(() => stopGithubDesk(desk));

  it('shows which cards a pending rule edit moves before Save, by keyboard, then Save and a sync do just that', async () => {
    const rulesBefore = await cli(['labels', '--json']);
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(browser, served, scheme);
      await page.getByRole('button', { name: 'Alpha', exact: true }).waitFor();
      await page.getByRole('button', { name: 'GitHub settings' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'GitHub settings' });
      await dialog.waitFor();
      const review = dialog.getByRole('textbox', { name: 'In review' });
      const save = dialog.getByRole('button', { name: 'Save rules' });
      // Nothing pending: no preview, and Save says nothing more.
      expect(await save.getAttribute('aria-describedby')).toBeNull();
      await review.focus();
      await page.keyboard.press('End');
      await page.keyboard.type(', ready-for-review');

      const moves = dialog.getByRole('list', { name: 'Cards saving would move' });
      await expect
        .poll(() => moves.getByRole('listitem').allTextContents())
        .toEqual([
          'Alpha: Meet & greet → In review (label "ready-for-review")',
          'Beta: Self-assessment draft → In review (label "ready-for-review")',
          'Gamma: Follow-up → In review (label "ready-for-review")',
        ]);
      const summary = 'Saving this moves 3 cards on the next sync.';
      expect(await dialog.getByRole('status').filter({ hasText: summary }).count()).toBe(1);
      // A screen reader hears the preview on the button that saves.
      const described = await save.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent);
      expect(described).toBe(summary);
      // Nothing is saved by looking.
      expect(await cli(['labels', '--json'])).toBe(rulesBefore);

      await expectAccessible(page, `label rules preview (${scheme})`);
      await dialog.getByRole('heading', { name: 'Label → phase rules' }).scrollIntoViewIfNeeded();
      for (const [width, height] of [
        [1280, 800],
        [1440, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: join(SHOTS, `rule-preview-${scheme}-${String(width)}.png`) });
      }

      // A refused edit says so in the preview, with the core's own words.
      await review.fill('pals/review, security-pals');
      await expect
        .poll(() => dialog.getByRole('status').filter({ hasText: 'This cannot be saved' }).textContent())
        .toMatch(/"security-pals" is the label the program finds its issues by/);
      // Back to what is stored: nothing pending, the preview goes away.
      await review.fill('pals/review');
      await expect.poll(() => save.getAttribute('aria-describedby')).toBeNull();
      expect(await dialog.getByRole('list', { name: 'Cards saving would move' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await context.close();
    }

    const { page, context } = await openApp(browser, served);
    await page.getByRole('button', { name: 'GitHub settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'GitHub settings' });
    await dialog.getByRole('textbox', { name: 'In review' }).fill('pals/review, ready-for-review');
    const items = dialog.getByRole('list', { name: 'Cards saving would move' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    // A sync while the edit is pending brings Delta the label too: the preview follows.
    fake.edit('cncf/tag-security#4', { labels: ['ready-for-review'] });
    await cli(['sync']);
    await expect.poll(() => items.allTextContents()).toContain('Delta: Self-assessment draft → In review (label "ready-for-review")');
    await dialog.getByRole('button', { name: 'Save rules' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText('Label rules saved.').count()).toBe(1);
    await context.close();
    await cli(['sync']);
    const phases = (JSON.parse(await cli(['list', '--json'])) as { name: string; phase: string }[]).map((e) => [e.name, e.phase]);
    expect(phases).toEqual([
      ['Alpha', 'review'],
      ['Beta', 'review'],
      ['Gamma', 'review'],
      ['Delta', 'review'],
    ]);
  }, 240_000);
});
