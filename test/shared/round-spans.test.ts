import { describe, expect, it } from 'vitest';
import { daysInPhases } from '../../shared/deck/time-in-phase.js';
import { addEngagement } from '../../shared/engagements.js';
import { insight } from '../../shared/insight.js';
import { roundSpans } from '../../shared/round-spans.js';
import { addRound } from '../../shared/rounds.js';
import { emptyDoc, type Engagement, type StoreDoc } from '../../shared/schema.js';

const at = '2026-01-01T09:00:00.000Z';
const day = (d: string) => `${d}T12:00:00.000Z`;

/** One engagement, in draft from 1 March, carried over to round 2 on 31 March, in review from 30 April. */
function carried(): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'Argo', kickoff: '2026-02-01' }, { id: 'argo', at }).doc;
  const history: Engagement['history'] = [
    { from: null, to: 'intake', at, source: 'local' },
    { from: 'intake', to: 'meet-greet', at: day('2026-02-01'), source: 'local' },
    { from: 'meet-greet', to: 'follow-up', at: day('2026-02-11'), source: 'local' },
    { from: 'follow-up', to: 'draft', at: day('2026-03-01'), source: 'local' },
  ];
  doc = { ...doc, engagements: doc.engagements.map((e) => ({ ...e, phase: 'draft' as const, history })) };
  doc = addRound(doc, { name: 'Round 2', carryOver: true }, day('2026-03-31')).doc;
  return {
    ...doc,
    engagements: doc.engagements.map((e) => ({
      ...e,
      phase: 'review' as const,
      history: [...e.history, { from: 'draft' as const, to: 'review' as const, at: day('2026-04-30'), source: 'local' as const }],
    })),
  };
}

describe('each round counts its own part of a carried-over engagement', () => {
  it('splits the engagement’s life at the carry-over', () => {
    const e = carried().engagements[0]!;
    expect(e.round).toBe('round-2');
    expect(roundSpans(e)).toEqual([
      { round: 'default', start: -Infinity, end: Date.parse(day('2026-03-31')) },
      { round: 'round-2', start: Date.parse(day('2026-03-31')), end: Infinity },
    ]);
  });

  it('gives the earlier round the days before the carry-over and the new round those after', () => {
    const e = carried().engagements[0]!;
    expect(daysInPhases(e).draft).toBe(60);
    expect(daysInPhases(e, 'default')).toMatchObject({ 'meet-greet': 10, 'follow-up': 18, draft: 30 });
    expect(daysInPhases(e, 'round-2')).toEqual({ draft: 30 });
  });

  it('counts a stay of no length (two moves at one instant) in the round where that instant falls', () => {
    const e = carried().engagements[0]!;
    const instant = day('2026-03-15');
    const quick = {
      ...e,
      history: [
        ...e.history.slice(0, 3),
        { from: 'follow-up' as const, to: 'draft' as const, at: instant, source: 'local' as const },
        { from: 'draft' as const, to: 'review' as const, at: instant, source: 'local' as const },
      ],
    };
    expect(daysInPhases(quick, 'default').draft).toBe(0);
    expect(daysInPhases(quick, 'round-2').draft).toBeUndefined();
  });

  it('shows in insight: the earlier round keeps its medians, the new one is not charged for them', () => {
    const data = insight(carried(), '2026-06-01');
    const [r1, r2] = data.rounds;
    expect(r1!.engagements).toBe(0);
    expect(r1!.phases['meet-greet'].medianDays).toBe(10);
    expect(r1!.phases.draft.medianDays).toBe(30);
    expect(r2!.engagements).toBe(1);
    expect(r2!.phases['meet-greet'].medianDays).toBeNull();
    expect(r2!.phases.draft.medianDays).toBe(30);
  });
});
