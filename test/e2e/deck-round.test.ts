/**
 * The retrospective deck in the round's own words (issue 17), in a real Chromium against
 * `pals serve`: the example round brings the pilot's words and picture; a markdown slide is
 * added from the UI; every new slide kind shows in the preview (screenshots at 1280×800, light
 * and dark); axe finds nothing serious; the PowerPoint export downloads a real .pptx.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { expectDeckPreview, hasChromium, SHOTS, useServedBrowser } from './harness.js';

/** Scrolls the preview to the slide whose text contains `text` and photographs the view. */
async function shoot(page: Page, text: string, file: string): Promise<void> {
  await page.evaluate(async (wanted) => {
    const hosts = Array.from(document.querySelectorAll('.slide-host'));
    const host = hosts.find(
      (h) =>
        (h.shadowRoot?.textContent ?? '').includes(wanted) ||
        (wanted === 'IMAGE' && h.shadowRoot?.querySelector('img[src^="data:image/png"]')),
    );
    host?.scrollIntoView({ block: 'start' });
    // Photographed once the slide's images are decoded and two frames have painted the scroll.
    await Promise.all([...(host?.shadowRoot?.querySelectorAll('img') ?? [])].map((img) => img.decode().catch(() => undefined)));
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, text);
  await page.screenshot({ path: join(SHOTS, file) });
}

describe.skipIf(!hasChromium)('the deck view in the round’s own words', () => {
  const app = useServedBrowser();

  it('shows every new slide kind, light and dark, and exports PowerPoint', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(await app.served.link());
      if (scheme === 'light') {
        await page.getByRole('button', { name: 'Load example round' }).click();
      }
      await page.getByRole('button', { name: 'Kyverno', exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Retrospective deck' }).click();
      await expectDeckPreview(page);
      if (scheme === 'light') {
        await page.getByRole('button', { name: 'Add markdown slide' }).click();
        await page.getByLabel('Slide title').fill('Thank you, pals');
        await page
          .getByLabel('Slide markdown')
          .fill('* Five projects, five pals\n* **Next round:** spring\n\n---\n<!-- _class: invert -->');
        await page.getByLabel('Speaker notes').fill('Thank everyone by name.');
        await expect.poll(() => page.getByRole('checkbox', { name: 'Slide: Thank you, pals' }).count(), { timeout: 10_000 }).toBe(1);
        expect(await page.getByRole('checkbox', { name: 'Pilot Concept' }).count()).toBe(1);
      }
      // Every slide kind is in the preview: the picture, the round's words, the weeks, the added slide.
      const texts = async () =>
        page.evaluate(() => Array.from(document.querySelectorAll('.slide-host')).map((h) => h.shadowRoot?.textContent ?? ''));
      await expect.poll(async () => (await texts()).some((t) => t.includes('Thank you, pals')), { timeout: 15_000 }).toBe(true);
      const all = (await texts()).join('\n');
      for (const expected of [
        'Pilot Concept',
        'Details for the nerds',
        'A lot came down to communication',
        'Biggest single takeaway: Projects loved the template security docs',
        'Week 1: Initial meet and greet',
        'Benefits to TAG members',
        'Both teams and technology',
        'Next Steps',
        '<!-- _class: invert -->',
      ]) {
        expect(all, expected).toContain(expected);
      }
      expect(await page.evaluate(() => document.querySelectorAll('.slide-host').length)).toBeGreaterThan(10);
      expect(
        await page.evaluate(() =>
          Array.from(document.querySelectorAll('.slide-host')).some((h) => h.shadowRoot?.querySelector('img[src^="data:image/png"]')),
        ),
      ).toBe(true);
      await page.screenshot({ path: join(SHOTS, `deck-round-${scheme}.png`) });
      await shoot(page, 'IMAGE', `deck-round-image-${scheme}.png`);
      await shoot(page, 'Week 1: Initial meet', `deck-round-timebox-${scheme}.png`);
      await shoot(page, 'Thank you, pals', `deck-round-custom-${scheme}.png`);
      await page.getByRole('heading', { name: 'Words on the slides' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `deck-round-words-${scheme}.png`) });
      const violations = await audit(page);
      console.log(describeViolations(`deck view with the round's words (${scheme})`, violations));
      expect(blocking(violations), describeViolations('deck view', blocking(violations))).toEqual([]);
      if (scheme === 'dark') {
        const download = page.waitForEvent('download', { timeout: 90_000 });
        await page.getByRole('button', { name: 'Export PowerPoint' }).click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/^security-pals-retrospective-.*\.pptx$/);
        const zip = await JSZip.loadAsync(await readFile(await file.path()));
        const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
        expect(slides.length).toBe(await page.evaluate(() => document.querySelectorAll('.slide-host').length));
        const notes = await Promise.all(
          Object.keys(zip.files)
            .filter((f) => f.startsWith('ppt/notesSlides/') && f.endsWith('.xml'))
            .map((f) => zip.file(f)!.async('string')),
        );
        expect(notes.join('')).toContain('Thank everyone by name.');
      }
      await context.close();
    }
  }, 240_000);
});
