/**
 * A note typed while `pals serve` dies, recovered after it restarts: the browser's draft journal
 * (per origin, and the origin stays because the port does) brings back the unsaved part, and
 * the old page says why it cannot save instead of blaming the network.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServedBrowser, hasChromium, notesOf, openApp, openServedBrowser, type Served, startServe } from './harness.js';

async function notesTab(page: Page, project: string) {
  await page.getByRole('button', { name: project, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: project });
  await dialog.getByRole('tab', { name: /^Notes/ }).click();
  return dialog;
}

describe.skipIf(!hasChromium)('a note across a pals serve restart', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    ({ served, browser } = await openServedBrowser());
    expect((await served.pals(['add', '--name', 'Kyverno', '--kickoff', '2026-11-02'])).code).toBe(0);
  });
  afterAll(() => closeServedBrowser({ served, browser }));

  it('recovers the unsaved part from the draft journal once the page is opened again', async () => {
    const { page, context } = await openApp(browser, served);
    const dialog = await notesTab(page, 'Kyverno');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    const editor = dialog.getByRole('region', { name: 'Note editor' });
    const text = editor.getByLabel('Note', { exact: true });
    const status = editor.getByRole('status');
    await text.fill('');
    await text.pressSequentially('First part, saved.', { delay: 5 });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');
    await text.pressSequentially(' Second part typed as the server dies.', { delay: 5 });
    await served.stop('SIGKILL');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Not saved: /);
    const full = 'First part, saved. Second part typed as the server dies.';

    served = await startServe(served.dataDir, Number(new URL(served.origin).port));
    expect(await notesOf(served, 'kyverno')).toEqual(['First part, saved.']);
    // The old page's cookie belongs to the dead server: Retry says what to do.
    await editor.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/^Not saved: `pals serve` was restarted: open the address it printed/);

    // Opening the new address (same origin) restores the draft from this browser's journal, and saves it.
    await page.goto(served.url);
    const again = await notesTab(page, 'Kyverno');
    const reopened = again.getByRole('region', { name: 'Note editor' });
    if ((await reopened.count()) === 0) await again.getByRole('button', { name: /First part, saved/ }).click();
    const restored = reopened.getByLabel('Note', { exact: true });
    await expect.poll(() => restored.inputValue(), { timeout: 10_000 }).toBe(full);
    await expect.poll(() => reopened.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Saved');
    expect(await notesOf(served, 'kyverno')).toEqual([full]);
    await context.close();
  });
});
