/** The board in a real Chromium against the real `pals serve`: the UI contract, end to end. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keyboardMoveRight, openApp, SHOTS, stored, useServedBrowser } from './harness.js';

const COLUMNS = ['Intake', 'Meet & greet', 'Follow-up', 'Self-assessment draft', 'In review', 'Done'];

/** The text of the elements that describe a field (where its error message sits). */
async function description(locator: ReturnType<Page['getByLabel']>): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

const column = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const card = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe.skipIf(!hasChromium)('the board in Chromium', () => {
  const app = useServedBrowser();
  beforeAll(() => mkdir(SHOTS, { recursive: true }));

  it('shows six named columns, an empty state, and loads and removes the example round', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    for (const title of COLUMNS) await expect.poll(() => column(page, title).count()).toBe(1);
    await page.getByRole('button', { name: 'Load example round' }).click();
    await expect.poll(() => card(page, 'Kyverno').count()).toBe(1);
    expect(await column(page, 'Self-assessment draft').getByRole('button', { name: 'Kyverno', exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'e2e-board-example-light.png') });
    await page.getByRole('button', { name: 'Remove example round' }).click();
    await expect.poll(() => card(page, 'Kyverno').count()).toBe(0);
    await context.close();
  });

  it('adds an engagement through the form, refusing invalid fields beside them first', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'New engagement' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kickoff date').fill('2026-11-02');
    await dialog.getByLabel('Repository URL').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add engagement' }).click();
    await expect.poll(() => dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await description(dialog.getByLabel('Name'))).toMatch(/must not be empty/);
    expect(await description(dialog.getByLabel('Repository URL'))).toMatch(/http\(s\) URL/);
    expect(JSON.parse((await app.served.pals(['list', '--json'])).stdout)).toEqual([]);
    await dialog.getByLabel('Name').fill('Kyverno <img src=x onerror=alert(1)>');
    await dialog.getByLabel('Repository URL').fill('https://github.com/kyverno/kyverno');
    await dialog.getByLabel('Pals').fill('Ann, Bo');
    await dialog.getByRole('button', { name: 'Add engagement' }).click();
    await expect
      .poll(() => column(page, 'Intake').getByRole('button', { name: 'Kyverno <img src=x onerror=alert(1)>', exact: true }).count())
      .toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const saved = await stored(app.served, 'Kyverno <img src=x onerror=alert(1)>');
    expect(saved).toMatchObject({ kickoff: '2026-11-02', pals: ['Ann', 'Bo'], phase: 'intake' });
    await app.served.pals(['edit', saved.id, '--name', 'Kyverno']);
    await context.close();
  });

  it('moves a card with the mouse, and the move survives a reload', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    const handle = page.getByRole('button', { name: 'Drag Kyverno' });
    await expect.poll(() => handle.count()).toBe(1);
    const from = (await handle.boundingBox())!;
    const target = (await column(page, 'Follow-up').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 10, { steps: 5 });
    await page.mouse.move(target.x + target.width / 2, target.y + 120, { steps: 15 });
    await page.mouse.up();
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).phase).toBe('follow-up');
    await page.reload();
    await expect.poll(() => column(page, 'Follow-up').getByRole('button', { name: 'Kyverno', exact: true }).count()).toBe(1);
    await context.close();
  });

  it('moves a card with the keyboard alone, announced to screen readers', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Drag Kyverno' }).focus();
    await keyboardMoveRight(page);
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).phase).toBe('draft');
    const live = await page.locator('[aria-live]').allTextContents();
    expect(live.join(' ')).toMatch(/Kyverno.*Self-assessment draft/);
    await context.close();
  });

  it('moves a card with the "Move to…" menu', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    const item = page.getByRole('listitem').filter({ has: card(page, 'Kyverno') });
    await item.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'In review' }).click();
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).phase).toBe('review');
    expect((await stored(app.served, 'Kyverno')).history.map((h) => h.to)).toEqual(['intake', 'follow-up', 'draft', 'review']);
    await context.close();
  });

  it('filters by maturity and searches by name', async () => {
    await app.served.pals(['add', '--name', 'Argo', '--maturity', 'graduated']);
    const { page, context } = await openApp(app.browser, app.served);
    await expect.poll(() => card(page, 'Argo').count()).toBe(1);
    await page.getByLabel('Maturity').selectOption('graduated');
    await expect.poll(() => card(page, 'Kyverno').count()).toBe(0);
    expect(await card(page, 'Argo').count()).toBe(1);
    await page.getByLabel('Maturity').selectOption({ index: 0 });
    await page.getByRole('searchbox', { name: 'Search' }).fill('kyv');
    await expect.poll(() => card(page, 'Argo').count()).toBe(0);
    expect(await card(page, 'Kyverno').count()).toBe(1);
    await context.close();
  });

  it('opens a card as a dialog, edits a field, and shows the phase history', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await card(page, 'Kyverno').click();
    const dialog = page.getByRole('dialog', { name: 'Kyverno' });
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('tab', { name: 'Details' }).waitFor(); // the whole record is fetched when the dialog opens
    expect(await dialog.textContent()).toMatch(/Follow-up/);
    await dialog.getByLabel('Pals').fill('Ann, Bo, Cy');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).pals).toEqual(['Ann', 'Bo', 'Cy']);
    await dialog.getByRole('tab', { name: 'Retrospective' }).click();
    await dialog.getByLabel('Hours spent').fill('12');
    await dialog.getByLabel('Initial reaction').fill('"Where do we start?"');
    await expect
      .poll(() =>
        dialog
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .count(),
      )
      .toBeGreaterThan(0);
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).hours).toBe(12);
    expect((await stored(app.served, 'Kyverno')).reaction).toBe('"Where do we start?"');
    await page.screenshot({ path: join(SHOTS, 'e2e-card-dialog-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });

  it('shows changes made by the CLI without a reload', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await expect.poll(() => card(page, 'Argo').count()).toBe(1);
    expect((await app.served.pals(['move', 'argo', 'done'])).code).toBe(0);
    await expect.poll(() => column(page, 'Done').getByRole('button', { name: 'Argo', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });

  it('renders in dark mode at 1440×900', async () => {
    const { page, context } = await openApp(app.browser, app.served, 'dark');
    await expect.poll(() => card(page, 'Kyverno').count()).toBe(1);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200);
    await page.screenshot({ path: join(SHOTS, 'e2e-board-dark.png') });
    await context.close();
  });
});
