/**
 * No dialog drops focus: every dialog is opened by keyboard, each of its buttons and tabs is
 * pressed by keyboard in turn, and after each press focus is inside the dialog, or back on the
 * control that opened it when the action closed the dialog; Escape still closes it (focus back on
 * the opener). Actions that destroy data, pick files or leave the page are left out by name.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, settled, useServedBrowser } from './harness.js';

/** Never pressed: they delete or replace data, open a file picker, download, or reach the network. */
const LEAVE_OUT = /^(Delete|Remove|Restore|Replace|Export|Download|Sync|Merge|Choose|Open on GitHub|Check security status|Create|Copy)/i;
const MARK = 'data-focus-test-opener';

/** Where focus is: in a dialog, on the marked opener, or elsewhere (with its name, to say where). */
function focusPlace(page: Page): Promise<{ where: 'dialog' | 'opener' | 'elsewhere'; name: string }> {
  return page.evaluate((mark) => {
    const el = document.activeElement as HTMLElement | null;
    const name = `${el?.tagName ?? 'none'} "${(el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 40)}"`;
    if (el?.closest('[role="dialog"], [role="alertdialog"]')) return { where: 'dialog', name };
    if (el?.hasAttribute(mark)) return { where: 'opener', name };
    return { where: 'elsewhere', name };
  }, MARK);
}

const openDialogs = (page: Page) => page.getByRole('dialog').count();

/** Opens the dialog with the keyboard from `opener` (marked, so focus can be checked against it). */
async function openWith(page: Page, opener: Locator): Promise<void> {
  await opener.evaluate((el, mark) => {
    el.setAttribute(mark, '');
  }, MARK);
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => openDialogs(page)).toBeGreaterThan(0);
}

/** The names of the dialog's buttons and tabs that may be pressed, in order. */
async function actions(dialog: Locator): Promise<{ role: 'button' | 'tab'; name: string }[]> {
  const found: { role: 'button' | 'tab'; name: string }[] = [];
  for (const role of ['tab', 'button'] as const) {
    for (const control of await dialog.getByRole(role).all()) {
      if (!(await control.isVisible()) || (await control.isDisabled())) continue;
      const name = ((await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      if (name && !LEAVE_OUT.test(name) && !found.some((f) => f.name === name && f.role === role)) found.push({ role, name });
    }
  }
  return found;
}

/**
 * Walks one dialog: presses each action by keyboard, checks where focus went, reopens the dialog
 * if the action closed it; then Escape closes it and focus is on the opener. Returns what was pressed.
 */
async function walk(page: Page, opener: Locator, dialogName: string | RegExp): Promise<string[]> {
  await openWith(page, opener);
  const dialog = () => page.getByRole('dialog', { name: dialogName }).first();
  const pressed: string[] = [];
  for (const action of await actions(dialog())) {
    if ((await openDialogs(page)) === 0) await openWith(page, opener);
    const control = dialog().getByRole(action.role, { name: action.name, exact: true }).first();
    if ((await control.count()) === 0 || !(await control.isVisible()) || (await control.isDisabled())) continue;
    await control.focus();
    await page.keyboard.press(action.role === 'tab' ? 'Space' : 'Enter');
    pressed.push(action.name);
    await settled(page); // the action's save answered and the screen re-rendered
    await expect
      .poll(async () => {
        const place = await focusPlace(page);
        const open = (await openDialogs(page)) > 0;
        const after = pressed.join(' → ');
        return open
          ? place.where === 'dialog' || `in no dialog after ${after}: ${place.name}`
          : place.where === 'opener' || `not back on the opener after ${after} closed it: ${place.name}`;
      })
      .toBe(true);
    // A confirmation or a nested dialog opened by the action: leave it with Escape first, one at a time.
    for (let open = await openDialogs(page); open > 1; open = await openDialogs(page)) {
      await page.keyboard.press('Escape');
      await expect
        .poll(() => openDialogs(page), { message: `Escape closes the dialog on top after ${pressed.join(' → ')}` })
        .toBeLessThan(open);
    }
  }
  if ((await openDialogs(page)) === 0) await openWith(page, opener);
  await page.keyboard.press('Escape');
  await expect.poll(() => openDialogs(page)).toBe(0);
  expect((await focusPlace(page)).where).toBe('opener');
  return pressed;
}

describe.skipIf(!hasChromium)('no dialog drops focus (keyboard)', () => {
  const app = useServedBrowser();
  beforeAll(async () => {
    expect((await app.served.pals(['add', '--name', 'Kyverno', '--kickoff', '2026-11-02', '--pal', 'Ann'])).code).toBe(0);
    expect((await app.served.pals(['note', 'kyverno', '--text', 'Met the maintainers', '--action', 'Send the template'])).code).toBe(0);
  });

  const dialogs: [string, (page: Page) => Locator, string | RegExp][] = [
    ['New engagement', (page) => page.getByRole('button', { name: 'New engagement' }), /New engagement/],
    ['a card', (page) => page.getByRole('button', { name: 'Kyverno', exact: true }), 'Kyverno'],
    ['Backup and restore', (page) => page.getByRole('button', { name: 'Backup and restore' }), /Backup/],
    ['Another window', (page) => page.getByRole('button', { name: 'Another window' }), /window/i],
    ['GitHub settings', (page) => page.getByRole('button', { name: 'GitHub settings' }), /GitHub/],
    ['Find on GitHub', (page) => page.getByRole('button', { name: 'Find on GitHub' }), /GitHub/],
    ['Round settings', (page) => page.getByRole('button', { name: 'Round settings' }), /Round/],
  ];

  for (const [title, opener, name] of dialogs) {
    it(`${title}: every action keeps focus in the dialog or on its opener, and Escape closes it`, async () => {
      const { page, context } = await openApp(app.browser, app.served);
      await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
      const pressed = await walk(page, opener(page), name);
      expect(pressed.length, `pressed: ${pressed.join(', ')}`).toBeGreaterThan(0);
      await context.close();
    });
  }
});
