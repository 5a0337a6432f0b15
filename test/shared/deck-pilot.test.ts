/**
 * Done-when of issue 17: the pilot deck (../shared/reference/security-pals-retrospective.md, copied
 * into test/fixtures) is reproduced, slide by slide and in order, from the example round's data
 * and round text alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../shared/deck/build-deck.js';
import { pilotExample } from '../fixtures/pilot-round.js';

const fixture = fileURLToPath(new URL('../fixtures/security-pals-retrospective.md', import.meta.url));
const original = fileURLToPath(new URL('../../../shared/reference/security-pals-retrospective.md', import.meta.url));

interface Slide {
  readonly heading: string;
  readonly bullets: readonly string[];
  readonly image: boolean;
  readonly body: string;
}

/** Text as a reader sees it: escapes, emphasis, quotes, dashes and spacing aside. */
const plain = (text: string) =>
  text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)/g, '$1')
    .replace(/[*_]/g, '')
    .replace(/[“”"]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\bweeks\b/gi, 'week')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function slidesOf(markdown: string): Slide[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/^---$/m).map((raw) => {
    const lines = raw.split('\n');
    const heading = lines.find((l) => l.startsWith('# ')) ?? '';
    return {
      heading: plain(heading.slice(2)).replace(/ \(\d+\/\d+\)$/, ''),
      bullets: lines.filter((l) => /^\s*\* /.test(l)).map((l) => plain(l.replace(/^\s*\* /, ''))),
      image: /!\[[^\]]*\]\((?:\.\/|data:image\/)/.test(raw),
      body: plain(raw.replace(/\(data:image\/[^)]*\)/g, '')),
    };
  });
}

describe('the pilot deck, reproduced from the example round', () => {
  it('uses the project’s copy of the reference deck', () => {
    const text = readFileSync(fixture, 'utf8');
    if (existsSync(original)) expect(text).toBe(readFileSync(original, 'utf8'));
    expect(slidesOf(text)).toHaveLength(10);
  });

  it('has every reference slide, in order, with every line of it', () => {
    const reference = slidesOf(readFileSync(fixture, 'utf8'));
    const deck = buildDeck(pilotExample());
    const ours = slidesOf(deck.markdown);
    let at = -1;
    const matched: number[] = [];
    for (const [i, ref] of reference.entries()) {
      const found = ours.findIndex((s, j) => j > at && (ref.image ? s.image && !s.heading : s.heading === ref.heading));
      expect(found, `reference slide ${i + 1} (${ref.heading || 'image'}) has a slide after slide ${at + 1}`).toBeGreaterThan(at);
      // A long slide may continue on the next one ("(2/2)"): read them together.
      const text = ours
        .slice(found)
        .filter((s, k) => k === 0 || s.heading === ours[found]!.heading)
        .map((s) => s.body)
        .join(' ');
      for (const line of ref.bullets) expect(text, `slide ${i + 1}: "${line}"`).toContain(line);
      matched.push(found);
      at = found;
    }
    expect(matched).toHaveLength(reference.length);
    // The title slide first, the picture right after the concept, as in the pilot.
    expect(matched.slice(0, 4)).toEqual([0, 1, 2, 3]);
    // Only the retrospective answers are missing: the pilot deck had none either.
    // No round before the pilot, so no comparison either.
    expect(deck.omitted).toEqual(['retro', 'compare']);
  });
});
