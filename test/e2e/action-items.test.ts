/**
 * The Action items view in a real Chromium against `pals serve`: items added with `pals action`
 * show their due date and state in words and mark an owner who is no pal; "Export calendar…"
 * downloads an .ics that a real RFC 5545 parser reads back; axe finds nothing serious.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { audit, blocking } from './axe-audit.js';
import { hasChromium, openApp, SHOTS, useServedBrowser, type Served } from './harness.js';

describe.skipIf(!hasChromium)('the Action items view and the calendar export (Chromium)', () => {
  const app = useServedBrowser();

  async function seed(served: Served): Promise<void> {
    const run = async (args: string[]) => {
      const r = await served.pals(args);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    await run(['add', '--name', 'Kyverno, Inc.; 🛡️', '--pal', 'Ana', '--kickoff', '2026-11-16']);
    await run(['move', 'kyverno, inc.; 🛡️', 'meet-greet']);
    await run(['add', '--name', 'Argo', '--pal', 'Ben', '--kickoff', '2026-11-02']);
    await run(['action', 'argo', '--text', 'Share the threat model draft', '--owner', 'Priya (Argo maintainer)', '--due', '2026-11-20']);
    await run(['action', 'kyverno, inc.; 🛡️', '--text', 'Send the self-assessment template', '--owner', 'Ana', '--due', '2026-11-30']);
    await run(['action', 'argo', '--text', 'Ask TOC for a reviewer']);
  }

  it('lists items by due date with their state in words, is axe clean, and exports the calendar', async () => {
    await seed(app.served);
    for (const scheme of ['light', 'dark'] as const) {
      const { context, page } = await openApp(app.browser, app.served, scheme);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('tab', { name: 'Action items' }).click();
      const table = page.getByRole('table');
      await table.waitFor();
      const rows = table.getByRole('row');
      await expect.poll(() => rows.count()).toBe(4);
      expect(await rows.nth(1).textContent()).toMatch(/Share the threat model draft.*Priya \(Argo maintainer\)not a pal.*Overdue/);
      expect(await rows.nth(2).textContent()).toMatch(/Send the self-assessment template.*Ana.*Due soon/);
      expect(await rows.nth(3).textContent()).toMatch(/Ask TOC for a reviewer.*No owner.*No date/);
      expect(blocking(await audit(page))).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `action-items-${scheme}.png`) });

      await page.getByRole('button', { name: 'Export calendar…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export calendar' });
      await dialog.waitFor();
      expect(blocking(await audit(page))).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `export-calendar-${scheme}.png`) });
      if (scheme === 'light') {
        await dialog.getByLabel('Calendar for').selectOption('Ben');
        const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
        expect(download.suggestedFilename()).toBe('security-pals-ben.ics');
        const text = await readFile(await download.path(), 'utf8');
        const events = ICAL.Component.fromString(text)
          .getAllSubcomponents('vevent')
          .map((v) => new ICAL.Event(v));
        // Argo's windows still ahead (from intake on) and the item on Argo; nothing of Kyverno's.
        expect(events.map((e) => e.summary)).toContain('Argo: Share the threat model draft');
        expect(events.filter((e) => e.uid.startsWith('phase-'))).toHaveLength(5);
        expect(events.every((e) => !e.summary.startsWith('Kyverno'))).toBe(true);
        await expect.poll(() => dialog.count()).toBe(0);
      }
      await context.close();
    }
  });
});
