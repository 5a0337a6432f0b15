/**
 * The Pals dialog in a real Chromium against `pals serve`: reached from the header, the registry
 * listed and changed by keyboard, axe clean light and dark, at a laptop's size and a desktop's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { hasChromium, openApp, SHOTS, useServedBrowser } from './harness.js';

describe.skipIf(!hasChromium)('the Pals dialog', () => {
  const app = useServedBrowser();

  it('lists pals with their limit and GitHub login, adds one by keyboard, and passes axe light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(app.browser, app.served, scheme);
      if (scheme === 'light') {
        await page.getByRole('button', { name: 'Load example round' }).click();
      }
      await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Pals', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Pals' });
      await dialog.waitFor();
      if (scheme === 'light') {
        const form = dialog.getByRole('form', { name: 'Add a pal' });
        await form.getByLabel('Name').fill('Priya Raman');
        await form.getByLabel('GitHub login').fill('priya-r');
        await form.getByLabel('Limit').fill('3');
        await form.getByLabel('Name').press('Enter');
        await dialog.getByRole('rowheader', { name: 'Priya Raman' }).waitFor();
      }
      const row = dialog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Priya Raman' }) });
      await expect.poll(() => row.textContent()).toContain('@priya-r');
      expect(await row.textContent()).toContain('3');
      for (const [width, height] of [
        [1280, 800],
        [1440, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: join(SHOTS, `pals-dialog-${scheme}-${String(width)}.png`) });
      }
      const violations = await audit(page);
      expect(blocking(violations), describeViolations(`Pals dialog (${scheme})`, blocking(violations))).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await context.close();
    }
  });
});
