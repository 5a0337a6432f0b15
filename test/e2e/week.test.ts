/**
 * The coordinator's week in a real Chromium against the real `pals serve`: the "Needs attention"
 * digest, swimlanes by pal (keyboard moves inside a lane), a filter kept across a reload, and the
 * command palette reaching a view; axe on each screen; screenshots at 1280×800, light and dark.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEngagement } from '../../shared/engagements.js';
import { emptyDoc } from '../../shared/schema.js';
import { DEFAULT_VIEW, saveViewState } from '../../shared/views.js';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { hasChromium, keyboardMoveRight, SHOTS, stored, untilStill, useServedBrowser, type Served } from './harness.js';

// PALS_NOW is 2026-11-27 (harness.ts). A meet & greet window closes a week after kickoff.
async function seed(served: Served): Promise<void> {
  const add = async (args: string[]) => {
    const r = await served.pals(['add', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  await add(['--name', 'Kyverno', '--kickoff', '2026-11-16', '--pal', 'Ann']); // intake: kicked off, overdue
  const argo = await add(['--name', 'Argo', '--kickoff', '2026-11-24', '--pal', 'Ann']);
  await served.pals(['move', argo, 'meet-greet']); // window closes 2026-12-01: due soon
  const falco = await add(['--name', 'Falco', '--kickoff', '2026-10-01', '--pal', 'Ann', '--pal', 'Bo']);
  await served.pals(['move', falco, 'draft']);
  const crossplane = await add(['--name', 'Crossplane', '--kickoff', '2026-11-02', '--pal', 'Ann']);
  await served.pals(['move', crossplane, 'follow-up']);
  await add(['--name', 'Unassigned']);
  const r = await served.pals(['action', 'Argo', '--text', 'Send the template <b>now</b>', '--owner', 'Ann', '--due', '2026-11-30']);
  expect(r.code, r.stderr).toBe(0);
}

async function openPage(browser: Browser, served: Served, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(await served.link());
  await expect.poll(() => page.getByRole('region', { name: 'Needs attention' }).count()).toBe(1);
  return { context, page };
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await audit(page); // once nothing moves: contrast is measured on what is painted
  console.log(describeViolations(screen, violations));
  expect(blocking(violations), describeViolations(screen, blocking(violations))).toEqual([]);
}

/** The view the store keeps for the next load, read from a backup of the data folder (what is on disk). */
async function keptView(served: Served): Promise<{ pal: string; swimlanes: string }> {
  const file = join(served.dataDir, 'view-check.json');
  const r = await served.pals(['backup', '--out', file]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(await readFile(file, 'utf8')) as { settings: { views: { current: { pal: string; swimlanes: string } } } }).settings
    .views.current;
}

describe.skipIf(!hasChromium)("the coordinator's week in Chromium", () => {
  const app = useServedBrowser();
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    await seed(app.served);
  });

  it('lists what needs attention at the top of the board, each item opening its card', async () => {
    const { page, context } = await openPage(app.browser, app.served);
    const digest = page.getByRole('region', { name: 'Needs attention' });
    await expect.poll(() => digest.getByRole('button', { name: /Kyverno/ }).count()).toBe(1);
    // One line until opened (the count and the most urgent item), then the whole list.
    expect(await digest.getByRole('listitem').count()).toBe(0);
    await digest.getByRole('button', { name: 'Show all that needs attention' }).click();
    const items = await digest.getByRole('listitem').allTextContents();
    // Overdue first, the oldest first; then the soonest; a phase before an action item on one day.
    expect(items).toEqual([
      expect.stringMatching(/^Overdue\s*Kyverno\s*Intake window closes/),
      expect.stringMatching(/^Overdue\s*Falco\s*Self-assessment draft window closes/),
      expect.stringMatching(/^Due soon\s*Crossplane\s*Follow-up window closes/),
      expect.stringMatching(/^Due soon\s*Argo\s*Action: Send the template <b>now<\/b> \(Ann\)/),
      expect.stringMatching(/^Due soon\s*Argo\s*Meet & greet window closes/),
    ]);
    expect(await page.locator('b').count()).toBe(0); // the action's text stays text
    await expectAccessible(page, 'board with Needs attention');
    await digest.getByRole('button', { name: /Argo.*Action/ }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Argo' }).count()).toBe(1);
    await context.close();
  });

  it('splits the board into swimlanes by pal, with each pal’s load, and moves a card inside its lane by keyboard', async () => {
    const { page, context } = await openPage(app.browser, app.served);
    await page.getByLabel('Swimlanes').selectOption('pal');
    const ann = page.getByRole('region', { name: 'Ann', exact: true });
    await expect.poll(() => ann.count()).toBe(1);
    // Active: Argo, Falco and Crossplane (Kyverno waits in intake) against the default limit of 2.
    expect(await ann.textContent()).toContain('3 active of 2 — over the limit');
    const bo = page.getByRole('region', { name: 'Bo', exact: true });
    expect(await bo.textContent()).toContain('1 active of 2');
    expect(await bo.getByRole('list', { name: 'Self-assessment draft' }).getByRole('button', { name: 'Falco', exact: true }).count()).toBe(
      1,
    );
    expect(await ann.getByRole('button', { name: 'Falco', exact: true }).count()).toBe(1);
    const none = page.getByRole('region', { name: 'No pal', exact: true });
    expect(await none.getByRole('button', { name: 'Unassigned', exact: true }).count()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await untilStill(page); // the cells' colours, as the new scheme paints them
      await page.screenshot({ path: join(SHOTS, `e2e-week-swimlanes-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAccessible(page, 'swimlanes');
    // Keyboard: pick Falco up in Bo's lane and drop it one phase to the right (In review).
    await bo.getByRole('button', { name: 'Drag Falco' }).focus();
    await keyboardMoveRight(page);
    await expect.poll(async () => (await stored(app.served, 'Falco')).phase).toBe('review');
    await expect
      .poll(() => bo.getByRole('list', { name: 'In review' }).getByRole('button', { name: 'Falco', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => ann.getByRole('list', { name: 'In review' }).getByRole('button', { name: 'Falco', exact: true }).count())
      .toBe(1);
    await context.close();
  });

  it('keeps a filter (and the lanes) across a reload', async () => {
    const { page, context } = await openPage(app.browser, app.served);
    // The last test left the lanes on: the board opens that way.
    await expect.poll(() => page.getByLabel('Swimlanes').inputValue()).toBe('pal');
    await page.getByLabel('Pal', { exact: true }).selectOption('Bo');
    await expect.poll(async () => (await keptView(app.served)).pal).toBe('Bo');
    await page.reload();
    await expect.poll(() => page.getByLabel('Pal', { exact: true }).inputValue()).toBe('Bo');
    expect(await page.getByLabel('Swimlanes').inputValue()).toBe('pal');
    await expect.poll(() => page.getByRole('region', { name: 'Bo', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Kyverno', exact: true }).count()).toBe(0);
    // Back to the plain board for the next test.
    await page.getByLabel('Pal', { exact: true }).selectOption('');
    await page.getByLabel('Swimlanes').selectOption('none');
    await expect.poll(async () => (await keptView(app.served)).swimlanes).toBe('none');
    await context.close();
  });

  it('reaches a view from the command palette (Ctrl+K), every command with its shortcut', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(app.browser, app.served, scheme);
      await expect.poll(() => page.getByRole('button', { name: 'Kyverno', exact: true }).count()).toBe(1);
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await expect.poll(() => palette.count()).toBe(1);
      const box = palette.getByRole('combobox');
      await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await palette.getByRole('option', { name: /Action items\s*Ctrl\+2/ }).count()).toBe(1);
      await page.screenshot({ path: join(SHOTS, `e2e-week-palette-${scheme}.png`) });
      if (scheme === 'light') await expectAccessible(page, 'command palette');
      await page.keyboard.type('action it');
      await expect.poll(() => palette.getByRole('option').first().textContent()).toMatch(/^Action items/);
      await page.keyboard.press('Enter');
      await expect.poll(() => palette.count()).toBe(0);
      await expect.poll(() => page.getByRole('tab', { name: 'Action items' }).getAttribute('aria-selected')).toBe('true');
      await context.close();
    }
  });
});

/** A data folder with 24 pals (more lanes than a board renders at once), each with an active engagement and one more in intake. */
async function manyPals(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pals-e2e-lanes-'));
  const pals = Array.from({ length: 24 }, (_, i) => `Pal ${String.fromCharCode(65 + i)}`);
  let doc = emptyDoc();
  pals.forEach((pal, i) => {
    const at = '2026-11-01T10:00:00.000Z';
    doc = addEngagement(
      doc,
      { name: `Project ${pal}`, pals: [pal], phase: 'follow-up', kickoff: '2026-11-02' },
      { id: `eng-a${String(i + 100)}`, at },
    ).doc;
    doc = addEngagement(doc, { name: `Waiting ${pal}`, pals: [pal] }, { id: `eng-b${String(i + 100)}`, at }).doc;
  });
  doc = saveViewState(doc, { ...DEFAULT_VIEW, swimlanes: 'pal' }).doc;
  await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
  return dir;
}

describe.skipIf(!hasChromium)('swimlanes on a board of many pals, in Chromium', () => {
  const app = useServedBrowser(manyPals);

  it('renders the lanes in view only, brings others in on scroll, and keeps the keyboard move within a lane', async () => {
    const { page, context } = await openPage(app.browser, app.served);
    await expect.poll(() => page.getByRole('region', { name: 'Pal A', exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Pal X', exact: true }).count()).toBe(0); // far below: not in the DOM
    expect(await page.getByRole('region', { name: /^Pal / }).count()).toBeLessThan(8);
    // Scrolling the board brings the last lanes in.
    await page.locator('#board').evaluate((board) => {
      board.scrollTop = board.scrollHeight;
    });
    await expect.poll(() => page.getByRole('region', { name: 'Pal X', exact: true }).count()).toBe(1);
    const lane = page.getByRole('region', { name: 'Pal W', exact: true });
    await expect.poll(() => lane.getByRole('button', { name: 'Drag Project Pal W' }).count()).toBe(1);
    await lane.getByRole('button', { name: 'Drag Project Pal W' }).focus();
    await keyboardMoveRight(page);
    await expect.poll(async () => (await stored(app.served, 'Project Pal W')).phase).toBe('draft');
    await expect
      .poll(() =>
        lane.getByRole('list', { name: 'Self-assessment draft' }).getByRole('button', { name: 'Project Pal W', exact: true }).count(),
      )
      .toBe(1);
    await expectAccessible(page, 'swimlanes, many pals');
    await context.close();
  });
});
