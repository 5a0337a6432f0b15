/**
 * The board by keyboard and at a laptop's size, in a real Chromium against `pals serve`: a card
 * within 5 Tab presses of a fresh page ("Skip to board"), arrow keys between cards with one card
 * in the tab order, a keyboard drag still working from there; at 1280×800 all six columns in
 * view, Needs attention one line and the toolbar one row; axe with no violations, light and dark;
 * screenshots at 1280×800 and 1440×900.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, describeViolations } from './axe-audit.js';
import { hasChromium, keyboardMoveRight, SHOTS, stored, useServedBrowser, type Served } from './harness.js';

const COLUMNS = ['Intake', 'Meet & greet', 'Follow-up', 'Self-assessment draft', 'In review', 'Done'];

async function openAt(browser: Browser, served: Served, width: number, height: number, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(await served.link());
  await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
  return { context, page };
}

/** The focused element: its accessible-ish name, and the column (region) and card it is in. */
function focused(page: Page): Promise<{ name: string; column: string | null; inCard: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const name = (el?.getAttribute('aria-label') ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const region = el?.closest('section[aria-labelledby]');
    const title = region ? document.getElementById(region.getAttribute('aria-labelledby')!)?.textContent : null;
    return { name, column: title ?? null, inCard: !!el?.closest('li') && !!el.closest('#board') };
  });
}

/** The controls inside the board's cards that Tab can reach. */
function tabbableInCards(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#board li button, #board li a')]
      .filter((el) => el.tabIndex >= 0)
      .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()),
  );
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const violations = await audit(page); // once nothing moves: contrast is measured on what is painted
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

describe.skipIf(!hasChromium)('the board by keyboard, at a laptop size', () => {
  const app = useServedBrowser();
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(await app.served.link());
    await page.getByRole('button', { name: 'Load example round' }).click();
    await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
    await context.close();
  });

  it('reaches a card in 1 Tab press ("Skip to board", Enter) and opens it with one more key', async () => {
    const { page, context } = await openAt(app.browser, app.served, 1280, 800);
    let tabs = 0;
    await page.keyboard.press('Tab');
    tabs++;
    expect((await focused(page)).name).toBe('Skip to board');
    expect(await page.getByRole('link', { name: 'Skip to board' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'board-1280x800-skip-link.png') });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).inCard).toBe(true);
    expect(await focused(page)).toEqual({ name: 'Argo', column: 'Intake', inCard: true });
    expect(tabs).toBeLessThanOrEqual(5);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Argo' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await focused(page)).name).toBe('Argo'); // back on the card that opened it
    await context.close();
  });

  it('without the skip link, Tab reaches one card only: the board is one stop in the tab order', async () => {
    const { page, context } = await openAt(app.browser, app.served, 1280, 800);
    // Argo is in Intake: its controls include "Check security status".
    const argo = ['Argo', 'Drag Argo', 'Check security status', 'Move to…'];
    expect(await tabbableInCards(page)).toEqual(argo);
    // Tab past everything before the board lands on Argo, then its own controls, then leaves the board.
    const names: string[] = [];
    for (let i = 0; i < 40 && !(await focused(page)).inCard; i++) await page.keyboard.press('Tab');
    for (let i = 0; i < 5; i++) {
      names.push((await focused(page)).name);
      await page.keyboard.press('Tab');
    }
    expect(names.slice(0, 4)).toEqual(argo);
    expect(names[4]).not.toMatch(/^(Artifact Hub|Crossplane|Kyverno|Tinkerbell)$/);
    await context.close();
  });

  it('moves between cards with the arrow keys, the tab stop following, and drags from there by keyboard', async () => {
    const { page, context } = await openAt(app.browser, app.served, 1280, 800);
    await page.getByRole('button', { name: 'Argo', exact: true }).focus();
    const walked: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      walked.push((await focused(page)).column);
    }
    expect(walked).toEqual(['Meet & greet', 'Follow-up', 'Self-assessment draft', 'In review']);
    expect((await focused(page)).name).toBe('Tinkerbell');
    await page.keyboard.press('ArrowRight'); // Done is empty: stay
    expect((await focused(page)).name).toBe('Tinkerbell');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Home');
    expect((await focused(page)).name).toBe('Argo');
    await page.keyboard.press('Control+End');
    expect((await focused(page)).name).toBe('Tinkerbell');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).name).toBe('Kyverno');
    expect(await tabbableInCards(page)).toEqual(['Kyverno', 'Drag Kyverno', 'Move to…']);

    // A keyboard drag from the card reached by arrows: Tab to its handle, Space, right, Space.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Drag Kyverno');
    await keyboardMoveRight(page);
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).phase).toBe('review');
    // The arrows were the drag's, not the board's: Kyverno moved, and focus stayed with it.
    await expect.poll(async () => (await focused(page)).column).toBe('In review');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).column).toBe('In review');
    await context.close();
    await app.served.pals(['move', 'Kyverno', 'draft']);
  });

  it('walks swimlanes too: down a phase from one lane into the next, and back up', async () => {
    await app.served.pals(['move', 'Crossplane', 'review']); // In review: Tinkerbell (pal A) and Crossplane (pal C)
    const { page, context } = await openAt(app.browser, app.served, 1280, 800);
    await page.getByLabel('Swimlanes').selectOption('pal');
    await expect.poll(() => page.getByRole('region', { name: /^Example pal/ }).count()).toBe(5);
    await page.getByRole('link', { name: 'Skip to board' }).focus();
    await page.keyboard.press('Enter');
    // Lanes by pal name: pal A's only card, Tinkerbell, is the board's first.
    await expect.poll(() => focused(page)).toEqual({ name: 'Tinkerbell', column: 'Example pal A', inCard: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toEqual({ name: 'Crossplane', column: 'Example pal C', inCard: true });
    await page.keyboard.press('ArrowDown'); // no lane below has a card In review
    expect((await focused(page)).name).toBe('Crossplane');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focused(page)).name).toBe('Tinkerbell');
    await page.getByLabel('Swimlanes').selectOption('none');
    await context.close();
    await app.served.pals(['move', 'Crossplane', 'follow-up']);
  });

  for (const [width, height] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    it(`fits ${String(width)}×${String(height)}: six columns in view, Needs attention one line, the toolbar one row (axe clean, light and dark)`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, context } = await openAt(app.browser, app.served, width, height, scheme);
        for (const title of COLUMNS) {
          const box = await page.getByRole('region', { name: title, exact: true }).boundingBox();
          expect(box, title).not.toBeNull();
          expect(box!.x, title).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, `${title} is not clipped`).toBeLessThanOrEqual(width);
        }
        expect(
          await page.evaluate(() => document.getElementById('board')!.scrollWidth <= document.getElementById('board')!.clientWidth),
        ).toBe(true);
        const digest = page.getByRole('region', { name: 'Needs attention' });
        expect((await digest.boundingBox())!.height).toBeLessThan(60);
        expect(await digest.getByRole('button', { name: /Due soon|Overdue/ }).count()).toBe(1); // the most urgent item
        const tops = await Promise.all(
          [
            page.getByLabel('Round', { exact: true }),
            page.getByLabel('Swimlanes'),
            page.getByRole('searchbox'),
            page.getByLabel('Pal', { exact: true }),
            page.getByLabel('Maturity'),
            page.getByLabel('Due', { exact: true }),
            page.getByRole('button', { name: 'Views' }),
            page.getByRole('button', { name: 'New engagement' }),
          ].map(async (control) => Math.round((await control.boundingBox())!.y)),
        );
        expect(Math.max(...tops) - Math.min(...tops), `toolbar tops ${tops.join(', ')}`).toBeLessThanOrEqual(4);
        await page.screenshot({ path: join(SHOTS, `board-${String(width)}x${String(height)}-${scheme}.png`) });
        await expectNoViolations(page, `board ${String(width)}×${String(height)} (${scheme})`);
        await digest.getByRole('button', { name: 'Show all that needs attention' }).click();
        await expect.poll(() => digest.getByRole('listitem').count()).toBe(3);
        await expectNoViolations(page, `board, Needs attention open ${String(width)}×${String(height)} (${scheme})`);
        await page.screenshot({ path: join(SHOTS, `board-${String(width)}x${String(height)}-${scheme}-opened.png`) });
        await context.close();
      }
    });
  }
});
