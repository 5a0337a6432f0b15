/**
 * No slide's content crosses its edge at 1280×720 (issue 24): the HTML export of a round full of
 * long names, two pals per project, every outcome and a self-assessment PR column, rendered in
 * Chromium in each theme; each slide's content box (every element it holds) is measured against
 * the slide.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckHtmlDocument, renderDeck } from '../../../../electron/core/export/render-deck.js';
import { findChromium } from '../../../../electron/core/export/pdf.js';
import { buildDeck } from '../../../../shared/deck/build-deck.js';
import { DECK_THEMES } from '../../../../shared/deck/sections.js';
import { longRound } from '../../../fixtures/long-round.js';
import { pilotRoundWithText } from '../../../fixtures/pilot-round.js';

interface Overflow {
  readonly slide: number;
  readonly heading: string;
  /** How far (px) the content crosses each edge; positive is outside. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the deck at 1280×720 in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser.close();
  });

  /** Every slide whose content crosses the slide's edge, and how far. */
  async function overflowing(markdown: string): Promise<{ slides: number; over: Overflow[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.setContent(deckHtmlDocument(renderDeck(markdown), 'deck'));
      const all = await page.evaluate(() =>
        [...document.querySelectorAll('div.marpit > svg')].map((svg, slide) => {
          const edge = svg.getBoundingClientRect();
          const scale = edge.width / 1280;
          const section = svg.querySelector('section')!;
          const box = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
          for (const el of section.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            box.top = Math.min(box.top, r.top);
            box.bottom = Math.max(box.bottom, r.bottom);
            box.left = Math.min(box.left, r.left);
            box.right = Math.max(box.right, r.right);
          }
          return {
            slide: slide + 1,
            heading: section.querySelector('h1')?.textContent ?? '',
            top: Math.round((edge.top - box.top) / scale),
            bottom: Math.round((box.bottom - edge.bottom) / scale),
            left: Math.round((edge.left - box.left) / scale),
            right: Math.round((box.right - edge.right) / scale),
          };
        }),
      );
      return { slides: all.length, over: all.filter((o) => o.top > 0 || o.bottom > 0 || o.left > 0 || o.right > 0) };
    } finally {
      await page.close();
    }
  }

  it.each(DECK_THEMES.map((t) => [t]))(
    'keeps every slide of a long round inside its edges (%s)',
    async (theme) => {
      const deck = buildDeck(longRound(), { theme });
      const { slides, over } = await overflowing(deck.markdown);
      expect(slides).toBe(deck.slideCount);
      expect(over).toEqual([]);
      // The round is long enough to need continuation slides.
      expect(deck.markdown).toMatch(/# Projects \(2\/\d+\)/);
      expect(deck.markdown).toContain('| Self-assessment |');
    },
    120_000,
  );

  it('keeps the pilot round’s slides inside their edges', async () => {
    const deck = buildDeck(pilotRoundWithText());
    expect((await overflowing(deck.markdown)).over).toEqual([]);
  }, 120_000);
});
