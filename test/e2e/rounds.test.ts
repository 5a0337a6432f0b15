/**
 * Rounds and Insight (issue 13) in a real Chromium against the real `pals serve`: the Insight view
 * reached from the command palette (Ctrl+K → "Insight" → Enter) shows its heading and its charts
 * (SVG, role img, named; hostile names stay text), the round settings dialog checks windows with
 * the core's words and starts the next round, and axe finds nothing serious. Screenshots of both
 * screens at 1280×800, light and dark.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addEngagement, editEngagement } from '../../shared/engagements.js';

import type { Phase } from '../../shared/phases.js';
import { addRound, editRound } from '../../shared/rounds.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { hasChromium, SHOTS, stored, useServedBrowser } from './harness.js';
import { moveCard } from '../../shared/move.js';

const TODAY = '2026-11-27'; // the harness's PALS_NOW
const AT = `${TODAY}T09:00:00.000Z`;
const HOSTILE_PAL = '<img src=x onerror=alert(1)>';

/** Round 1 (the pilot, five projects with backdated histories) and Round 2, current, just begun. */
function twoRounds(): StoreDoc {
  let doc = editRound(emptyDoc(), 'default', { name: 'Pilot' }).doc;
  let n = 0;
  const add = (
    name: string,
    round: string,
    pals: string[],
    kickoff: string | null,
    moves: readonly (readonly [Phase, string])[],
    hours?: number,
  ) => {
    const id = `e2e-${String(++n)}`;
    doc = addEngagement(doc, { name, round, pals, kickoff }, { id, at: AT }).doc;
    for (const [phase, on] of moves)
      doc = moveCard(doc, { ref: id, to: phase, reason: 'backdated', at: AT, backdate: { on: on, today: TODAY } }).doc;
    if (hours !== undefined) doc = editEngagement(doc, id, { hours }, AT).doc;
  };
  const full = (start: string, ...days: number[]): (readonly [Phase, string])[] => {
    const phases: Phase[] = ['meet-greet', 'follow-up', 'draft', 'review', 'done'];
    const base = Date.parse(`${start}T00:00:00Z`);
    return days.map((d, i) => [phases[i]!, new Date(base + d * 86_400_000).toISOString().slice(0, 10)] as const);
  };
  add('Kyverno', 'default', ['Ana'], '2026-01-05', full('2026-01-05', 2, 9, 30, 60, 100), 14);
  add('Falco', 'default', ['Ana', HOSTILE_PAL], '2026-01-05', full('2026-01-05', 3, 12, 40, 80, 130), 20);
  add('Argo', 'default', ['Bo'], '2026-01-12', full('2026-01-12', 1, 8, 36, 70, 110), 9);
  add('Flux', 'default', ['Bo'], '2026-01-12', full('2026-01-12', 5, 20, 50));
  add('Cilium', 'default', ['Cy'], '2026-01-19', full('2026-01-19', 2, 10, 41, 90, 120), 11);
  doc = addRound(doc, { name: 'Round 2', like: 'default', use: true }, AT).doc;
  add('Linkerd', 'round-2', ['Cy'], '2026-10-05', full('2026-10-05', 2, 16));
  add('Dapr', 'round-2', ['Ana'], '2026-10-12', full('2026-10-12', 4));
  add('Keycloak', 'round-2', [], null, []);
  return doc;
}

/** Fails on serious or critical axe violations (and prints the rest). */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await audit(page); // once nothing moves: contrast is measured on what is painted
  console.log(describeViolations(screen, violations));
  expect(blocking(violations), describeViolations(screen, blocking(violations))).toEqual([]);
}

async function openPage(app: { served: { link(): Promise<string> }; browser: Browser }, scheme: 'light' | 'dark') {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(await app.served.link());
  await page.getByRole('button', { name: 'Keycloak', exact: true }).waitFor();
  return { context, page };
}

describe.skipIf(!hasChromium)('rounds and insight in Chromium', () => {
  const app = useServedBrowser(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pals-e2e-rounds-'));
    await writeFile(join(dir, 'pals.json'), JSON.stringify(twoRounds()));
    return dir;
  });

  it('opens Insight from the command palette: its heading, named SVG charts, data tables, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await openPage(app, scheme);
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await palette.getByRole('combobox').fill('Insight');
      await expect.poll(() => palette.getByRole('option').first().textContent()).toContain('Insight');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Insight', level: 2 }).waitFor();
      const charts = page.getByRole('img');
      await expect.poll(() => charts.count()).toBe(4);
      const names = await charts.evaluateAll((els) => els.map((el) => [el.tagName.toLowerCase(), el.getAttribute('aria-label')]));
      expect(names).toEqual([
        ['svg', 'Engagements and done per round'],
        ['svg', 'Share finished on time per round'],
        ['svg', 'Median days per phase against the planned window: Pilot and Round 2'],
        ['svg', 'Engagements per pal and round'],
      ]);
      // The bars take their colour through CSSOM (the CSP blocks style attributes): not the default black.
      const fill = await page
        .locator('svg[role="img"] rect')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
      expect(fill).not.toBe('rgb(0, 0, 0)');
      // The hostile pal name is text in the chart, and no image element appeared.
      const pals = page.getByRole('img', { name: 'Engagements per pal and round' });
      expect(await pals.locator('text').allTextContents()).toContain('<img src=x onerror=al…');
      expect(await page.locator('.insight-view img').count()).toBe(0);
      const glance = page.getByRole('table', { name: 'Every round at a glance' });
      expect(await glance.getByRole('row').nth(1).textContent()).toContain('Pilot');
      await page.getByText('Show data').first().click();
      await page.getByRole('table', { name: 'Engagements and done per round' }).waitFor();
      await expectAccessible(page, `insight (${scheme})`);
      await page.screenshot({ path: join(SHOTS, `insight-${scheme}.png`) });
      await page.getByRole('region', { name: 'Compare two rounds' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `insight-compare-${scheme}.png`) });
      await context.close();
    }
  });

  it('checks round windows with the core’s words, shows the dates for a sample kickoff, and is axe clean, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await openPage(app, scheme);
      await page.getByRole('button', { name: 'Round settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Round settings' });
      expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Round 2');
      await dialog.getByLabel('Sample kickoff').fill('2027-01-04');
      await expect
        .poll(() =>
          dialog
            .getByRole('row', { name: /Self-assessment draft/ })
            .locator('time')
            .first()
            .getAttribute('datetime'),
        )
        .toBe('2027-02-09');
      await dialog.getByRole('spinbutton', { name: 'Follow-up end week' }).fill('7');
      const error = dialog.getByText('draft (weeks 6–8) overlaps follow-up (weeks 4–7); each phase must start after the previous one ends');
      await error.waitFor();
      await expectAccessible(page, `round settings with an error (${scheme})`);
      await page.screenshot({ path: join(SHOTS, `round-settings-${scheme}.png`) });
      await dialog.getByRole('button', { name: 'Delete round…' }).click();
      await dialog.getByLabel('Move its engagements to').waitFor();
      await dialog.getByRole('button', { name: 'Keep it' }).scrollIntoViewIfNeeded();
      await expectAccessible(page, `round settings, deleting (${scheme})`);
      await page.screenshot({ path: join(SHOTS, `round-settings-bottom-${scheme}.png`) });
      await dialog.getByRole('button', { name: 'Keep it' }).click();
      await dialog.getByRole('spinbutton', { name: 'Follow-up end week' }).fill('5');
      await dialog.getByRole('button', { name: 'Start next round…' }).click();
      const next = page.getByRole('dialog', { name: 'Start next round' });
      expect(await next.getByLabel('Name', { exact: true }).inputValue()).toBe('Round 3');
      await expectAccessible(page, `start next round (${scheme})`);
      await page.screenshot({ path: join(SHOTS, `round-next-${scheme}.png`) });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await context.close();
    }
  });

  it('starts the next round from the keyboard, carrying the unfinished engagements over', async () => {
    const { context, page } = await openPage(app, 'light');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('Start next round');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Start next round' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Carry over the 3 unfinished engagements of Round 2').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Start round' }).press('Enter');
    await page.getByRole('dialog', { name: 'Round settings' }).waitFor();
    await expect.poll(async () => (await stored(app.served, 'Linkerd')).round).toBe('round-3');
    expect((await stored(app.served, 'Kyverno')).round).toBe('default');
    expect((await stored(app.served, 'Flux')).round).toBe('default');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByLabel('Round', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent))
      .toBe('Round 3');
    await context.close();
  });

  it('edits intake criteria and the phase history in the card dialog, with the core’s refusal beside the step, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await openPage(app, scheme);
      await page.getByRole('button', { name: 'Keycloak', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Keycloak' });
      const criteria = dialog.getByRole('group', { name: 'Intake criteria' });
      await criteria.waitFor();
      if (scheme === 'light') {
        await criteria.getByLabel('Security status').selectOption('none');
        await criteria.getByLabel('TOC or TAG sponsor').fill('TAG Security');
        await criteria.getByLabel('Priority').selectOption('5');
        await dialog.getByRole('button', { name: 'Save', exact: true }).click();
        await dialog.getByText('Changes saved').waitFor();
        expect((await stored(app.served, 'Keycloak')).criteria).toMatchObject({ security: 'none', sponsor: 'TAG Security', priority: 5 });
      }
      await expect.poll(() => criteria.getByText(/^Selection score/).textContent()).toBe('Selection score 100 of 100');
      const history = dialog.getByRole('region', { name: 'Phase history' });
      await history.getByRole('button', { name: 'Edit history' }).click();
      await history.getByRole('button', { name: 'Add move' }).click();
      await history.getByLabel('Date of step 2').fill('2026-12-01');
      await history.getByRole('button', { name: 'Save history' }).click();
      await history
        .getByText('step 2 (meet-greet): 2026-12-01 is after today (2026-11-27); a move cannot be in the future', { exact: true })
        .waitFor();
      expect(await history.getByLabel('Date of step 2').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, `card dialog: criteria and history (${scheme})`);
      await page.screenshot({ path: join(SHOTS, `card-criteria-history-${scheme}.png`) });
      await context.close();
    }
  });
});
