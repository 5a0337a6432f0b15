/**
 * The UI contract (../shared/design/ARCHITECTURE.md, "The UI contract") in one place, checked the
 * way a test outside the project would: by role, label and exact name, in a real Chromium against
 * the real `pals serve`. Other suites go deeper; this one keeps every contracted name honest.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, startServe, stored, useServedBrowser, type Served } from './harness.js';

const COLUMNS = ['Intake', 'Meet & greet', 'Follow-up', 'Self-assessment draft', 'In review', 'Done'];

// PALS_NOW is 2026-11-27 (harness.ts).
async function seed(served: Served): Promise<void> {
  const ok = async (args: string[]) => {
    const r = await served.pals(args);
    expect(r.code, `pals ${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  await ok(['add', '--name', 'Kyverno', '--kickoff', '2026-11-16', '--pal', 'Ann', '--maturity', 'incubating']); // intake, overdue
  await ok(['add', '--name', 'Argo', '--kickoff', '2026-11-24', '--pal', 'Bo']);
  await ok(['move', 'Argo', 'meet-greet']); // window closes 2026-12-01: due soon
  await ok(['round', 'add', 'Round 2']);
  await ok(['add', '--name', 'Falco', '--round', 'Round 2', '--pal', 'Cy']);
}

async function board(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('button', { name: 'Kyverno', exact: true }).count()).toBe(1);
}

const card = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe.skipIf(!hasChromium)('the UI contract, by role, label and exact name', () => {
  const app = useServedBrowser();
  beforeAll(() => seed(app.served));

  it('shows each phase column as a region named by its title, cards by name, a searchbox and "Needs attention"', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    for (const title of COLUMNS) expect(await page.getByRole('region', { name: title, exact: true }).count(), title).toBe(1);
    expect(
      await page.getByRole('region', { name: 'Intake', exact: true }).getByRole('button', { name: 'Kyverno', exact: true }).count(),
    ).toBe(1);
    expect(
      await page.getByRole('region', { name: 'Meet & greet', exact: true }).getByRole('button', { name: 'Argo', exact: true }).count(),
    ).toBe(1);
    const digest = page.getByRole('region', { name: 'Needs attention', exact: true });
    expect(await digest.count()).toBe(1);
    expect(await digest.textContent()).toContain('Kyverno');
    // The search field is a searchbox, and it narrows the board.
    const search = page.getByRole('searchbox');
    expect(await search.count()).toBe(1);
    await search.fill('kyv');
    await expect.poll(() => card(page, 'Argo').count()).toBe(0);
    expect(await card(page, 'Kyverno').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => card(page, 'Argo').count()).toBe(1);
    await context.close();
  });

  it('opens a card’s record in a dialog (also from the keyboard), adds a note with "Add note", and says "Saved"', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    await card(page, 'Kyverno').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Kyverno', exact: true });
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Add note', exact: true }).click();
    const editor = dialog.getByRole('region', { name: 'Note editor' });
    const text = editor.getByLabel('Note', { exact: true });
    const status = editor.getByRole('status');
    // Every text the save state shows while typing, caught as the page changes it.
    await status.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { seenStates: string[] }).seenStates = seen;
      new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await text.pressSequentially('- asked about SBOMs', { delay: 5 });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');
    const seen = await page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
    expect(seen).toContain('Saved');
    expect(seen.filter((t) => t !== '' && t !== 'Saved' && t !== 'Saving…' && !t.startsWith('Not saved: '))).toEqual([]);
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).notes.map((n) => n.text)).toEqual(['- asked about SBOMs']);
    await context.close();
  });

  it('has a "Round" select that switches the round shown', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    const round = page.getByRole('combobox', { name: 'Round', exact: true });
    expect(await round.count()).toBe(1);
    expect(await page.getByLabel('Round', { exact: true }).evaluate((el) => el.tagName)).toBe('SELECT');
    await round.selectOption({ label: 'Round 2' });
    await expect.poll(() => card(page, 'Falco').count()).toBe(1);
    expect(await card(page, 'Kyverno').count()).toBe(0);
    await round.selectOption({ label: 'Round 1' });
    await board(page);
    await context.close();
  });

  it('splits the board by pal with the "Swimlanes" select: each lane a region named by the pal', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    const lanes = page.getByRole('combobox', { name: 'Swimlanes', exact: true });
    expect(await lanes.locator('option', { hasText: /^Pal$/ }).count()).toBe(1);
    await lanes.selectOption({ label: 'Pal' });
    const ann = page.getByRole('region', { name: 'Ann', exact: true });
    await expect.poll(() => ann.count()).toBe(1);
    expect(await ann.getByRole('button', { name: 'Kyverno', exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Bo', exact: true }).getByRole('button', { name: 'Argo', exact: true }).count()).toBe(1);
    await lanes.selectOption({ label: 'None' });
    await expect.poll(() => page.getByRole('region', { name: 'Ann', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('keeps the "Pal", "Maturity" and "Due" filters across a reload', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    const filters = { Pal: 'Ann', Maturity: 'incubating', Due: 'overdue' } as const;
    for (const [label, value] of Object.entries(filters)) {
      const select = page.getByLabel(label, { exact: true });
      expect(await select.evaluate((el) => el.tagName), label).toBe('SELECT');
      await select.selectOption(value);
    }
    await expect.poll(() => card(page, 'Argo').count()).toBe(0);
    // The view is kept with the data; give the write a moment to be asked for before reloading.
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByLabel('Due', { exact: true }).waitFor();
        return Promise.all(Object.keys(filters).map((label) => page.getByLabel(label, { exact: true }).inputValue()));
      })
      .toEqual(Object.values(filters));
    await expect.poll(() => card(page, 'Kyverno').count()).toBe(1);
    expect(await card(page, 'Argo').count()).toBe(0);
    for (const label of Object.keys(filters)) await page.getByLabel(label, { exact: true }).selectOption('');
    await expect.poll(() => card(page, 'Argo').count()).toBe(1);
    await context.close();
  });

  it('opens the "Command palette" with Ctrl+K (a combobox and options; Enter runs the selected) and reaches Insight: a heading and named SVG charts', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette', exact: true });
    await expect.poll(() => palette.count()).toBe(1);
    const box = palette.getByRole('combobox');
    expect(await box.count()).toBe(1);
    expect(await palette.getByRole('option').count()).toBeGreaterThan(5);
    await box.fill('Insight');
    await expect.poll(() => palette.getByRole('option', { selected: true }).textContent()).toMatch(/^Insight/);
    await page.keyboard.press('Enter');
    await expect.poll(() => palette.count()).toBe(0);
    await page.getByRole('heading', { name: 'Insight', exact: true }).waitFor();
    const charts = page.getByRole('img');
    await expect.poll(() => charts.count()).toBeGreaterThan(0);
    const seen = await charts.evaluateAll((els) =>
      els.map((el) => ({ tag: el.tagName.toLowerCase(), name: el.getAttribute('aria-label') ?? '' })),
    );
    for (const chart of seen) {
      expect(chart.tag).toBe('svg');
      expect(chart.name.trim()).not.toBe('');
      expect(await page.getByRole('img', { name: chart.name, exact: true }).count()).toBeGreaterThan(0);
    }
    await context.close();
  });

  it('says "Not saved: <why>" when a note cannot be saved (the server is gone)', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await board(page);
    await card(page, 'Argo').click();
    const dialog = page.getByRole('dialog', { name: 'Argo', exact: true });
    await dialog.getByRole('button', { name: 'Add note', exact: true }).click();
    const editor = dialog.getByRole('region', { name: 'Note editor' });
    const text = editor.getByLabel('Note', { exact: true });
    await text.pressSequentially('First part.', { delay: 5 });
    const status = editor.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');
    await app.served.stop('SIGKILL');
    await text.pressSequentially(' Typed after the server died.', { delay: 5 });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Not saved: \S/);
    await context.close();
    app.served = await startServe(app.served.dataDir); // so the suite's cleanup has a server to stop
  });
});

describe.skipIf(!hasChromium)('the UI contract on an empty data folder', () => {
  const app = useServedBrowser();

  it('still shows the six columns, the searchbox, the selects and "Needs attention"', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await expect.poll(() => page.getByRole('region', { name: 'Intake', exact: true }).count()).toBe(1);
    for (const title of COLUMNS) expect(await page.getByRole('region', { name: title, exact: true }).count(), title).toBe(1);
    expect(await page.getByRole('searchbox').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Needs attention', exact: true }).count()).toBe(1);
    for (const label of ['Round', 'Swimlanes', 'Pal', 'Maturity', 'Due'])
      expect(await page.getByRole('combobox', { name: label, exact: true }).count(), label).toBe(1);
    await context.close();
  });
});
