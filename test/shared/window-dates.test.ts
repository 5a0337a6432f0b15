import { describe, expect, it } from 'vitest';
import { windowEnd } from '../../shared/due.js';
import { DEFAULT_WINDOWS } from '../../shared/phases.js';
import { weekStart, windowDates } from '../../shared/window-dates.js';

describe('a round’s windows as days for a sample kickoff', () => {
  it('starts week N on day (N−1)·7+1 after the kickoff and closes it on the day due dates use', () => {
    expect(weekStart('2026-03-02', 0)).toBe('2026-03-02');
    expect(weekStart('2026-03-02', 1)).toBe('2026-03-03');
    expect(weekStart('2026-03-02', 6)).toBe('2026-04-07');
    expect(windowDates('2026-03-02', DEFAULT_WINDOWS)).toEqual([
      { phase: 'intake', start: '2026-03-02', end: '2026-03-02' },
      { phase: 'meet-greet', start: '2026-03-03', end: '2026-03-09' },
      { phase: 'follow-up', start: '2026-03-24', end: '2026-03-30' },
      { phase: 'draft', start: '2026-04-07', end: '2026-04-27' },
      { phase: 'review', start: '2026-05-19', end: '2026-06-22' },
    ]);
  });

  it('agrees with windowEnd for every phase, across a leap day and a year end', () => {
    for (const kickoff of ['2028-02-20', '2026-12-28']) {
      for (const d of windowDates(kickoff, DEFAULT_WINDOWS)) {
        expect(d.end).toBe(windowEnd(kickoff, d.phase, DEFAULT_WINDOWS));
        expect(d.start <= d.end).toBe(true);
      }
    }
    expect(windowDates('2028-02-20', DEFAULT_WINDOWS)[1]).toEqual({ phase: 'meet-greet', start: '2028-02-21', end: '2028-02-27' });
    expect(windowDates('2026-12-28', DEFAULT_WINDOWS)[2]).toEqual({ phase: 'follow-up', start: '2027-01-19', end: '2027-01-25' });
  });
});
