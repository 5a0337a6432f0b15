import { describe, expect, it } from 'vitest';
import { addEngagement, editEngagement } from '../../shared/engagements.js';

import { insight, plannedDays } from '../../shared/insight.js';
import { onTimeChart, palsChart, phaseDaysChart, roundsChart } from '../../shared/insight-charts.js';
import { DEFAULT_WINDOWS, type Phase } from '../../shared/phases.js';
import { addRound } from '../../shared/rounds.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { parseWeeks } from '../../shared/windows.js';
import { moveCard } from '../../shared/move.js';

const at = '2026-01-01T09:00:00.000Z';
const today = '2026-09-01';

/** Round 1 (default windows): A done in time, B done late, C still in draft past its deadline, D without kickoff. */
function seeded(): StoreDoc {
  let doc = emptyDoc();
  const add = (id: string, name: string, kickoff: string | null, pals: string[], hours: number | null, round?: string) => {
    doc = addEngagement(doc, { name, kickoff, pals, ...(round ? { round } : {}) }, { id, at }).doc;
    if (hours !== null) doc = editEngagement(doc, id, { hours }, at).doc;
  };
  const walk = (id: string, steps: [Phase, string][]) => {
    for (const [phase, on] of steps)
      doc = moveCard(doc, { ref: id, to: phase, reason: 'backdated', at: `${today}T10:00:00.000Z`, backdate: { on, today } }).doc;
  };
  add('aaa', 'A', '2026-02-01', ['Ana'], 10);
  add('bbb', 'B', '2026-02-01', ['Ana', 'Bo'], 20);
  add('ccc', 'C', '2026-02-01', ['Bo'], null);
  add('ddd', 'D', null, [], 30);
  walk('aaa', [
    ['meet-greet', '2026-02-02'],
    ['follow-up', '2026-02-09'],
    ['draft', '2026-03-01'],
    ['review', '2026-03-20'],
    ['done', '2026-04-20'],
  ]);
  walk('bbb', [
    ['meet-greet', '2026-02-04'],
    ['follow-up', '2026-02-15'],
    ['draft', '2026-03-10'],
    ['review', '2026-04-20'],
    ['done', '2026-07-01'],
  ]);
  walk('ccc', [
    ['meet-greet', '2026-02-03'],
    ['follow-up', '2026-02-12'],
    ['draft', '2026-03-05'],
  ]);
  doc = addRound(doc, { name: 'Round 2', windows: parseWeeks('review=10-12') }, at).doc;
  add('eee', 'E', '2026-08-01', ['Ana'], 5, 'round-2');
  return doc;
}

describe('insight', () => {
  it('gives per round engagements, done, on-time share, hours and median days per phase against the plan', () => {
    const data = insight(seeded(), today);
    expect(data.rounds.map((r) => r.id)).toEqual(['default', 'round-2']);
    const r1 = data.rounds[0]!;
    expect(r1).toMatchObject({ name: 'Round 1', current: true, engagements: 4, done: 2, onHold: 0, hoursMedian: 20, hoursTotal: 60 });
    // Deadline kickoff + 16 weeks = 2026-05-24: A on time, B late, C overdue and unfinished; D has no kickoff.
    expect(r1).toMatchObject({ onTime: 0.333, onTimeCount: 1, dueCount: 3 });
    // Meet & greet: 7, 11 and 9 days.
    expect(r1.phases['meet-greet']).toEqual({ medianDays: 9, plannedDays: 7, count: 3 });
    expect(r1.phases.draft).toEqual({ medianDays: 30, plannedDays: 28, count: 2 });
    // Review: 31 and 72 days.
    expect(r1.phases.review).toEqual({ medianDays: 51.5, plannedDays: 56, count: 2 });
    expect(r1.phases.intake.plannedDays).toBeNull();
    const r2 = data.rounds[1]!;
    expect(r2).toMatchObject({ engagements: 1, done: 0, onTime: null, dueCount: 0, hoursMedian: 5 });
    expect(r2.phases.review.plannedDays).toBe((10 - 8) * 7 + 14);
  });

  it('counts engagements per pal per round, and narrows to one round', () => {
    expect(insight(seeded(), today).pals).toEqual([
      { pal: 'Ana', rounds: { default: 2, 'round-2': 1 }, total: 3 },
      { pal: 'Bo', rounds: { default: 2 }, total: 2 },
    ]);
    const one = insight(seeded(), today, 'round-2');
    expect(one.rounds.map((r) => r.id)).toEqual(['round-2']);
    expect(one.pals).toEqual([{ pal: 'Ana', rounds: { 'round-2': 1 }, total: 1 }]);
  });

  it('planned days run from the previous window’s end', () => {
    expect(plannedDays(DEFAULT_WINDOWS, 'follow-up')).toBe(21);
    expect(plannedDays(DEFAULT_WINDOWS, 'intake')).toBeNull();
  });

  it('leaves example cards out of a round with real ones', () => {
    let doc = seeded();
    doc = { ...doc, engagements: [...doc.engagements, { ...doc.engagements[0]!, id: 'exa', name: 'Example', example: true }] };
    expect(insight(doc, today).rounds[0]!.engagements).toBe(4);
  });
});

describe('insight charts', () => {
  const data = insight(seeded(), today);
  const charts = {
    rounds: roundsChart(data),
    phases: phaseDaysChart(data.rounds),
    pals: palsChart(data),
    onTime: onTimeChart(data),
  };

  it('are SVG images with a title and an accessible name, themed by currentColor and CSS variables, without a background', () => {
    for (const svg of Object.values(charts)) {
      expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="[^"]+"/);
      expect(svg).toMatch(/<title>[^<]+<\/title>/);
      expect(svg).toContain('fill="currentColor"');
      expect(svg).toContain('var(--chart-series-');
      // Well-formed: no attribute given twice on one element.
      for (const tag of svg.match(/<[a-z]+ [^>]*>/g)!) {
        const names = [...tag.matchAll(/ ([a-z-]+)="/g)].map((m) => m[1]);
        expect(new Set(names).size, tag).toBe(names.length);
      }
      expect(svg).not.toMatch(/#fff|#ffffff|white/i);
    }
    expect(charts.phases).toContain('aria-label="Median days per phase against the planned window: Round 1 and Round 2"');
  });

  it('show the figures', () => {
    expect(charts.rounds).toContain('4 engagements');
    expect(charts.rounds).toContain('2 done · 33% on time');
    expect(charts.phases).toContain('9 d (plan 7 d, n=3)');
    expect(charts.phases).toContain('Round 2: none has left it (plan 28 d)');
    expect(charts.pals).toMatch(/>Ana<.*>3</);
    expect(charts.onTime).toContain('33% (1 of 3)');
    expect(charts.onTime).toContain('nothing due yet');
  });

  it('escape names and say so when there is nothing to draw', () => {
    let doc = seeded();
    doc = addRound(doc, { name: '<script>alert(1)</script> & "x"' }, at).doc;
    const svg = roundsChart(insight(doc, today)) + phaseDaysChart(insight(doc, today).rounds);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
    expect(palsChart(insight(emptyDoc(), today))).toContain('No pal is named');
    expect(phaseDaysChart([])).toContain('No round chosen');
  });
});
