import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, isIsoDate } from '../../shared/dates.js';

describe('calendar dates', () => {
  it('accepts real dates and refuses impossible or malformed ones', () => {
    expect(isIsoDate('2026-11-27')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      '27/11/2026',
      '',
      '2026-11-27T00:00',
      ' 2026-11-27',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2024-02-27', 2)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a calendar date/);
  });

  it('counts whole days either way, independent of DST', () => {
    expect(daysBetween('2026-03-28', '2026-04-04')).toBe(7);
    expect(daysBetween('2026-11-27', '2026-11-20')).toBe(-7);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});
