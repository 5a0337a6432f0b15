/**
 * Issue 17 in a real Chromium: the card dialog's "Self-assessment PR…" opens by keyboard, shows the
 * ready pull request, copies its description to the clipboard, and passes axe in light and dark.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { hasChromium, openApp, SHOTS, useServedBrowser } from './harness.js';

describe.skipIf(!hasChromium)('the self-assessment PR in the card dialog', () => {
  const app = useServedBrowser();

  it('opens by keyboard, copies the description, and is accessible in light and dark', async () => {
    const added = await app.served.pals([
      'add',
      '--name',
      'Kyverno',
      '--maturity',
      'incubating',
      '--repo',
      'https://github.com/kyverno/kyverno',
    ]);
    expect(added.code).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(app.browser, app.served, scheme);
      await page.setViewportSize({ width: 1280, height: 800 });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.served.origin });
      await page.getByRole('button', { name: 'Kyverno', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Kyverno' });
      await dialog.waitFor();
      const toggle = dialog.getByRole('button', { name: 'Self-assessment PR…' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      const panel = dialog.getByRole('region', { name: 'Self-assessment pull request' });
      const body = panel.getByRole('textbox', { name: 'Description' });
      await body.waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await panel.getByRole('textbox', { name: 'Path' }).inputValue()).toBe('docs/security/self-assessment.md');
      await panel.getByRole('button', { name: 'Copy description' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('status').filter({ hasText: 'Copied the description.' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await body.inputValue());
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `assessment-pr-${scheme}.png`) });
      const violations = await audit(page);
      expect(blocking(violations), describeViolations(`self-assessment PR (${scheme})`, blocking(violations))).toEqual([]);
      await context.close();
    }
  });
});
