/**
 * A board of 400 engagements in a real Chromium against the real `pals serve`: long columns
 * are virtualized (a bounded DOM), scroll on their own, and keep the keyboard paths whole.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../shared/engagements.js';
import type { Phase } from '../../shared/phases.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { audit } from './axe-audit.js';
import { hasChromium, keyboardMoveRight, openApp, stored, useServedBrowser } from './harness.js';

const AT = '2026-11-01T10:00:00.000Z';
/** 300 cards in Intake, 100 in Meet & greet (both virtualized), Kyverno alone in the draft column. */
const LAYOUT: readonly (readonly [Phase, number])[] = [
  ['intake', 300],
  ['meet-greet', 100],
];

function longBoard(): StoreDoc {
  let doc = emptyDoc();
  let n = 0;
  for (const [phase, count] of LAYOUT) {
    for (let i = 1; i <= count; i++) {
      n++;
      const name = phase === 'intake' ? `Project ${String(i)}` : `Meeting ${String(i)}`;
      doc = addEngagement(doc, { name, phase, pals: ['Ana'], kickoff: '2026-11-02' }, { id: `long-${String(n)}`, at: AT }).doc;
    }
  }
  return addEngagement(doc, { name: 'Kyverno', phase: 'draft' }, { id: 'long-kyverno', at: AT }).doc;
}

const column = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const list = (page: Page, title: string) => page.getByRole('list', { name: title, exact: true });
const card = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

const domSize = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** Wheel-scrolls the column under the pointer, as a person would. */
async function wheel(page: Page, title: string, dy: number): Promise<void> {
  const box = (await list(page, title).boundingBox())!;
  const view = (await column(page, title).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, Math.min(view.y + view.height - 40, view.y + 300));
  await page.mouse.wheel(0, dy);
}

/** The scroll offset of a column's card list. */
const scrollTop = (locator: Locator) => locator.evaluate((el) => el.closest('[data-column-scroll]')?.scrollTop ?? -1);

/** Whether the element is inside its column's visible scroll box. */
const inView = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.closest('[data-column-scroll]')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  });

describe.skipIf(!hasChromium)('a long board in Chromium', () => {
  const app = useServedBrowser(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pals-e2e-long-'));
    await writeFile(join(dir, 'pals.json'), JSON.stringify(longBoard()));
    return dir;
  });

  it('renders only the cards in view: a bounded DOM, and list positions for screen readers', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await expect.poll(() => card(page, 'Project 1').count()).toBe(1);
    expect(await column(page, 'Intake').textContent()).toContain('300');
    const items = list(page, 'Intake').getByRole('listitem');
    const shown = await items.count();
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(15);
    expect(await items.first().getAttribute('aria-posinset')).toBe('1');
    expect(await items.first().getAttribute('aria-setsize')).toBe('300');
    expect(await card(page, 'Project 300').count()).toBe(0);
    expect(await card(page, 'Kyverno').count()).toBe(1); // a short column keeps every card
    expect(await domSize(page)).toBeLessThan(1500);
    expect(await audit(page)).toEqual([]); // list semantics of the windowed lists included
    await context.close();
  });

  it('scrolls each column on its own, rendering the cards that come into view', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await expect.poll(() => card(page, 'Project 1').count()).toBe(1);
    await wheel(page, 'Intake', 200_000);
    await expect.poll(() => card(page, 'Project 300').count()).toBe(1);
    await expect.poll(() => inView(card(page, 'Project 300'))).toBe(true);
    // Project 1 stays rendered as the board's one card in the tab order (Tab must find it); its neighbours do not.
    expect(await card(page, 'Project 2').count()).toBe(0);
    expect(await card(page, 'Project 1').count()).toBe(1);
    expect(await inView(card(page, 'Project 1'))).toBe(false);
    expect(await list(page, 'Intake').getByRole('listitem').last().getAttribute('aria-posinset')).toBe('300');
    expect(await scrollTop(list(page, 'Meet & greet'))).toBe(0); // the neighbour did not move
    expect(await domSize(page)).toBeLessThan(1500);
    await context.close();
  });

  it('keeps the focused card when it scrolls out of view', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await card(page, 'Project 2').focus();
    await wheel(page, 'Intake', 20_000);
    const positions = () =>
      list(page, 'Intake')
        .locator('li[aria-posinset]')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-posinset'))));
    // Card 2 stays first in the DOM; the rest is the window far below it.
    await expect.poll(async () => (await positions()).slice(1).every((p) => p > 50)).toBe(true);
    expect((await positions())[0]).toBe(2);
    expect(await card(page, 'Project 2').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab'); // on to the card's drag handle, still there
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Drag Project 2');
    await context.close();
  });

  it('moves a card from the end of one long column to another with the keyboard, and shows it there', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await wheel(page, 'Intake', 200_000);
    const handle = page.getByRole('button', { name: 'Drag Project 300', exact: true });
    await expect.poll(() => handle.count()).toBe(1);
    await handle.focus();
    await keyboardMoveRight(page);
    await expect.poll(async () => (await stored(app.served, 'Project 300')).phase).toBe('meet-greet');
    // It lands last of 101 in Meet & greet: that column scrolled to it, and focus followed it.
    const moved = column(page, 'Meet & greet').getByRole('button', { name: 'Drag Project 300', exact: true });
    await expect.poll(() => moved.count()).toBe(1);
    await expect.poll(() => inView(moved)).toBe(true);
    await expect.poll(() => moved.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await list(page, 'Meet & greet').getByRole('listitem').last().getAttribute('aria-setsize')).toBe('101');
    const live = await page.locator('[aria-live]').allTextContents();
    expect(live.join(' ')).toMatch(/Project 300.*Meet & greet/);
    expect(await domSize(page)).toBeLessThan(1500);
    await context.close();
  });

  it('moves a card into a long column with "Move to…" and brings focus to it', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    const item = page.getByRole('listitem').filter({ has: card(page, 'Kyverno') });
    await item.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'Meet & greet' }).click();
    await expect.poll(async () => (await stored(app.served, 'Kyverno')).phase).toBe('meet-greet');
    const moved = column(page, 'Meet & greet').getByRole('button', { name: 'Kyverno', exact: true });
    await expect.poll(() => moved.evaluate((el) => el === document.activeElement).catch(() => false)).toBe(true);
    expect(await inView(moved)).toBe(true);
    await context.close();
  });

  it('searches every card of a long column, rendered or not', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await expect.poll(() => card(page, 'Project 1').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('project 250');
    await expect.poll(() => card(page, 'Project 250').count()).toBe(1);
    expect(await list(page, 'Intake').getByRole('listitem').count()).toBe(1);
    await context.close();
  });
});
