import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../shared/deck/build-deck.js';
import { compareSlides, lastRecordedDay, previousRound } from '../../shared/deck/compare-section.js';
import { addEngagement, editEngagement } from '../../shared/engagements.js';

import { addRound, findRound } from '../../shared/rounds.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { parseWeeks } from '../../shared/windows.js';
import { HOSTILE } from '../helpers.js';
import { moveCard } from '../../shared/move.js';

const at = '2026-01-01T09:00:00.000Z';
const today = '2026-09-01';
const images: { name: string; alt: string; svg: string }[] = [];
const image = (name: string, alt: string, svg: string) => {
  images.push({ name, alt, svg });
  return `![${alt}](${name})`;
};

function seeded(secondName = 'Round 2'): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'A', kickoff: '2026-02-01' }, { id: 'aaa', at }).doc;
  doc = editEngagement(doc, 'aaa', { hours: 10 }, at).doc;
  for (const [phase, on] of [
    ['meet-greet', '2026-02-02'],
    ['follow-up', '2026-02-09'],
    ['done', '2026-04-01'],
  ] as const)
    doc = moveCard(doc, { ref: 'aaa', to: phase, reason: 'backdated', at: `${today}T10:00:00.000Z`, backdate: { on, today } }).doc;
  doc = addRound(doc, { name: secondName, windows: parseWeeks('meet-greet=2'), use: true }, at).doc;
  doc = addEngagement(doc, { name: 'B', kickoff: '2026-06-01' }, { id: 'bbb', at }).doc;
  doc = moveCard(doc, {
    ref: 'bbb',
    to: 'meet-greet',
    reason: 'backdated',
    at: `${today}T10:00:00.000Z`,
    backdate: { on: '2026-06-03', today: today },
  }).doc;
  return moveCard(doc, {
    ref: 'bbb',
    to: 'follow-up',
    reason: 'backdated',
    at: `${today}T10:00:00.000Z`,
    backdate: { on: '2026-06-13', today: today },
  }).doc;
}

describe('the deck’s "compared with the previous round" section', () => {
  it('has no slide for the first round, or without a round', () => {
    const doc = seeded();
    expect(previousRound(doc, findRound(doc, 'default'))).toBeUndefined();
    expect(compareSlides(doc, findRound(doc, 'default'), image)).toEqual([]);
    expect(compareSlides(doc, undefined, image)).toEqual([]);
  });

  it('sets the round beside the one before it: a table and a chart with its own background', () => {
    const doc = seeded();
    images.length = 0;
    const slides = compareSlides(doc, findRound(doc, 'round-2'), image, today);
    expect(slides).toHaveLength(2);
    expect(slides[0]).toContain('# Compared with the previous round');
    expect(slides[0]).toContain('| | Round 1 | Round 2 |');
    expect(slides[0]).toContain('| Engagements | 1 | 1 |');
    expect(slides[0]).toContain('| Done | 1 | 0 |');
    expect(slides[0]).toContain('| Finished on time | 100% (1 of 1) | — |');
    expect(slides[0]).toContain('| Hours per engagement (median) | 10 | — |');
    expect(slides[0]).toContain('| Meet & greet: median days (plan) | 7 d (7 d) | 10 d (14 d) |');
    expect(slides[1]).toContain('![Median days per phase: Round 1 and Round 2](compare-rounds.svg)');
    expect(images[0]!.svg).toContain('<rect width="1000"');
    expect(images[0]!.svg).toMatch(/role="img" aria-label="Median days per phase against the planned window: Round 1 and Round 2"/);
  });

  it('keeps hostile round names literal, and dates "today" from the data when not given', () => {
    const doc = seeded(HOSTILE);
    expect(lastRecordedDay(doc)).toBe('2026-09-01');
    const [table, chart] = compareSlides(doc, doc.rounds[1], image);
    expect(table!.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(1);
    expect(table).not.toContain('<script>');
    expect(chart).not.toContain('<script>');
    expect(chart!.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(1);
  });

  it("is part of a round's deck: after the retrospective for Round 2, absent for Round 1", () => {
    const doc = seeded();
    const second = buildDeck(doc, { round: 'round-2' }).markdown;
    expect(second).toContain('# Compared with the previous round\n');
    expect(second).toContain('# Compared with the previous round: time in phase');
    expect(buildDeck(doc, { round: 'default' }).markdown).not.toContain('Compared with the previous round');
    expect(buildDeck(doc, { round: 'round-2', order: ['projects'] }).markdown).not.toContain('Compared with');
  });
});
