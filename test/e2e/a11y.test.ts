/**
 * Accessibility in a real Chromium against `pals serve`: axe-core on every screen (0 serious or
 * critical violations; the rest printed), and a keyboard-only journey (no mouse: add, move,
 * open, edit, note, export) whose card move is announced in the live region. Screens the UI does
 * not have yet are skipped by name, never passed.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations, type Violation } from './axe-audit.js';
import { expectDeckPreview, hasChromium, keyboardMoveRight, openApp, settled, stored, useServedBrowser } from './harness.js';

const summary: string[] = [];

/** Audits the page, prints every violation, and fails on serious or critical ones. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations: Violation[] = await audit(page); // once nothing moves: contrast is measured on what is painted
  console.log(describeViolations(screen, violations));
  summary.push(`${screen}: ${String(violations.length)} violations (${String(blocking(violations).length)} serious/critical)`);
  expect(blocking(violations), describeViolations(screen, blocking(violations))).toEqual([]);
}

/** The accessible name of the focused element, roughly as a screen reader would say it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const byId = labelled
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    return (el.getAttribute('aria-label') ?? byId ?? label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element is named `name`; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, { max = 60, back = false } = {}): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const current = await focusedName(page);
    if (matches(current)) return;
    seen.push(current);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (matches(await focusedName(page))) return;
  throw new Error(
    `keyboard: ${String(name)} not reached in ${String(max)} ${back ? 'Shift+Tab' : 'Tab'} presses; passed ${seen.slice(-12).join(' | ')}`,
  );
}

/** A control the UI may not have yet: the first button, link or tab whose name matches. */
async function optionalControl(page: Page, name: RegExp) {
  for (const role of ['button', 'link', 'tab', 'menuitem'] as const) {
    const found = page.getByRole(role, { name });
    if ((await found.count()) > 0) return found.first();
  }
  return null;
}

describe.skipIf(!hasChromium)('accessibility (axe-core) of every screen', () => {
  const app = useServedBrowser();
  afterAll(() => {
    console.log(`axe summary (WCAG 2.2 AA + best practices):\n  ${summary.join('\n  ')}`);
  });

  it("honours the system's reduced-motion setting: the columns' highlight changes at once", async () => {
    const { page, context } = await openApp(app.browser, app.served); // asks for reduced motion
    const transition = () =>
      page
        .locator('.column')
        .first()
        .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(await transition()).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await transition()).not.toBe('0s');
    await context.close();
  });

  it('the empty board, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(app.browser, app.served, scheme);
      await page.getByRole('button', { name: 'Load example round' }).waitFor();
      await expectAccessible(page, `empty board (${scheme})`);
      await context.close();
    }
  });

  it('the board with the example round, light and dark', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Load example round' }).click();
    await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
    await expectAccessible(page, 'board with example round (light)');
    await context.close();
    const dark = await openApp(app.browser, app.served, 'dark');
    await dark.page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
    await expectAccessible(dark.page, 'board with example round (dark)');
    await dark.context.close();
  });

  it('the New engagement dialog, empty and showing field errors', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'New engagement' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'New engagement dialog');
    await dialog.getByLabel('Repository URL').fill('not a url');
    await dialog.getByRole('button', { name: 'Add engagement' }).click();
    await expect.poll(() => dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'New engagement dialog with errors');
    await context.close();
  });

  it('the card dialog: details, notes (editor and preview) and retrospective', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Kyverno', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Kyverno' });
    await dialog.waitFor();
    await expectAccessible(page, 'card dialog (details)');
    const addNote = dialog.getByRole('button', { name: /^(Add|New) note$/ });
    expect(await addNote.count(), 'the UI contract names a button "Add note"').toBe(1);
    await addNote.click();
    const text = dialog.getByRole('textbox', { name: 'Note', exact: true });
    await text.waitFor();
    await text.fill('# Meet & greet\n\n- [x] threat model\n- a [link](https://example.com/)\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: /Saved/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'card dialog (notes editor)');
    const preview = dialog.getByRole('tab', { name: 'Preview' });
    if ((await preview.count()) > 0) {
      await preview.click();
      await dialog.getByRole('heading', { name: 'Meet & greet' }).waitFor();
      await expectAccessible(page, 'card dialog (note preview)');
    }
    const retro = dialog.getByRole('tab', { name: /Retrospective/ });
    if ((await retro.count()) > 0) {
      await retro.click();
      await expectAccessible(page, 'card dialog (retrospective)');
    }
    await context.close();
  });

  it('the Action items view', async (ctx) => {
    const { page, context } = await openApp(app.browser, app.served);
    const view = await optionalControl(page, /^Action items$/);
    if (!view) {
      await context.close();
      ctx.skip('SKIPPED: the UI has no "Action items" view yet');
    }
    await view!.click();
    await settled(page); // the view's items came back and are shown
    await expectAccessible(page, 'Action items view');
    await context.close();
  });

  it('the export preview (Retrospective deck)', async (ctx) => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
    const control = await optionalControl(page, /^(Retrospective deck|Export|Deck preview)$/i);
    if (!control) {
      await context.close();
      ctx.skip('SKIPPED: the UI has no export preview yet (no control named Retrospective deck / Export / Deck preview)');
    }
    await control!.click();
    await expectDeckPreview(page);
    await expectAccessible(page, 'export preview (Retrospective deck)');
    await context.close();
  });

  it('the settings screen (GitHub settings)', async (ctx) => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
    const control = await optionalControl(page, /^(GitHub settings|Settings)$/i);
    if (!control) {
      await context.close();
      ctx.skip('SKIPPED: the UI has no settings screen yet (no control named Settings / GitHub settings)');
    }
    await control!.click();
    await settled(page); // the settings' status came back and is shown
    await expectAccessible(page, 'settings (GitHub settings)');
    await context.close();
  });
});

describe.skipIf(!hasChromium)('a keyboard-only journey (no mouse)', () => {
  const app = useServedBrowser();

  it('adds, moves (announced), opens, edits and notes an engagement with the keyboard alone', async () => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'New engagement' }).waitFor();

    // Add: Tab to "New engagement", type the name, submit with Enter.
    await tabTo(page, 'New engagement');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await tabTo(page, 'Name');
    await page.keyboard.type('Keyboard Project');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.served.pals(['show', 'keyboard project', '--json'])).code).toBe(0);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Move: the drag handle, Space, ArrowRight, Space, with a person's pauses (dnd-kit measures).
    await tabTo(page, 'Drag Keyboard Project');
    await keyboardMoveRight(page);
    await expect.poll(async () => (await stored(app.served, 'Keyboard Project')).phase).toBe('meet-greet');
    const live = await page.locator('[aria-live]').allTextContents();
    expect(live.join(' '), 'the move is announced in a live region').toMatch(/Keyboard Project.*Meet & greet/);

    // Open with Enter, edit a field, save.
    await tabTo(page, 'Keyboard Project', { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Keyboard Project' });
    await dialog.waitFor();
    await tabTo(page, 'Selection criteria');
    await page.keyboard.type('Chosen by keyboard');
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored(app.served, 'Keyboard Project')).selection).toBe('Chosen by keyboard');

    // Add a note and type it; autosave puts it on disk.
    await tabTo(page, /^(Add|New) note$/);
    await page.keyboard.press('Enter');
    await tabTo(page, 'Note');
    await page.keyboard.type('Typed without a mouse');
    await expect
      .poll(async () => (await stored(app.served, 'Keyboard Project')).notes.map((n) => n.text).join('\n'))
      .toContain('Typed without a mouse');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });

  it('exports the retrospective deck with the keyboard alone', async (ctx) => {
    const { page, context } = await openApp(app.browser, app.served);
    await page.getByRole('button', { name: 'Keyboard Project', exact: true }).waitFor();
    if ((await optionalControl(page, /^Retrospective deck$/)) === null) {
      await context.close();
      ctx.skip('SKIPPED: the UI has no Retrospective deck view yet');
    }
    // The view tabs use a roving tabindex: Tab reaches the selected one, End moves to the last
    // (Insight), the left arrow to the one before it.
    await tabTo(page, 'Board');
    await page.keyboard.press('End');
    expect(await focusedName(page)).toBe('Insight');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName(page)).toBe('Retrospective deck');
    await expectDeckPreview(page);
    await tabTo(page, 'Export Markdown');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.md$/);
    await context.close();
  });
});
