import { describe, expect, it } from 'vitest';
import { dueState, windowEnd } from '../../shared/due.js';
import { DEFAULT_WINDOWS } from '../../shared/phases.js';

const kickoff = '2026-11-02';

describe('due state', () => {
  it('closes each window at kickoff + last week × 7 days', () => {
    expect(windowEnd(kickoff, 'intake', DEFAULT_WINDOWS)).toBe('2026-11-02');
    expect(windowEnd(kickoff, 'meet-greet', DEFAULT_WINDOWS)).toBe('2026-11-09');
    expect(windowEnd(kickoff, 'follow-up', DEFAULT_WINDOWS)).toBe('2026-11-30');
    expect(windowEnd(kickoff, 'draft', DEFAULT_WINDOWS)).toBe('2026-12-28');
    expect(windowEnd(kickoff, 'review', DEFAULT_WINDOWS)).toBe('2027-02-22');
  });

  it('is on track, then due soon in the last 7 days (end day included), then overdue', () => {
    const at = (today: string) => dueState({ phase: 'follow-up', kickoff }, DEFAULT_WINDOWS, today).state;
    expect(at('2026-11-22')).toBe('on-track');
    expect(at('2026-11-23')).toBe('due-soon');
    expect(at('2026-11-30')).toBe('due-soon');
    expect(at('2026-12-01')).toBe('overdue');
  });

  it('has no deadline without a kickoff or once done', () => {
    expect(dueState({ phase: 'draft', kickoff: null }, DEFAULT_WINDOWS, '2026-11-27')).toEqual({
      phase: 'draft',
      windowEnd: null,
      state: 'none',
    });
    expect(dueState({ phase: 'done', kickoff }, DEFAULT_WINDOWS, '2030-01-01').state).toBe('none');
  });

  it('follows a round whose week numbers were changed', () => {
    const windows = { ...DEFAULT_WINDOWS, draft: { start: 6, end: 10 } };
    const due = dueState({ phase: 'draft', kickoff }, windows, '2026-12-30');
    expect(due).toEqual({ phase: 'draft', windowEnd: '2027-01-11', state: 'on-track' });
  });

  it('treats an intake card whose kickoff has passed as overdue', () => {
    expect(dueState({ phase: 'intake', kickoff }, DEFAULT_WINDOWS, '2026-11-03').state).toBe('overdue');
    expect(dueState({ phase: 'intake', kickoff }, DEFAULT_WINDOWS, '2026-10-01').state).toBe('on-track');
  });

  it('honours a custom due-soon horizon', () => {
    expect(dueState({ phase: 'follow-up', kickoff }, DEFAULT_WINDOWS, '2026-11-25', 3).state).toBe('on-track');
    expect(dueState({ phase: 'follow-up', kickoff }, DEFAULT_WINDOWS, '2026-11-27', 3).state).toBe('due-soon');
  });
});
