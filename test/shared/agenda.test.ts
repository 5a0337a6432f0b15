import { describe, expect, it } from 'vitest';
import { agendaFor, isAgenda, isAgendaLine } from '../../shared/agenda.js';
import { DEFAULT_WINDOWS } from '../../shared/phases.js';
import type { Windows } from '../../shared/schema.js';

const SHORT: Windows = {
  ...DEFAULT_WINDOWS,
  'meet-greet': { start: 1, end: 1 },
  'follow-up': { start: 3, end: 3 },
  draft: { start: 5, end: 6 },
  review: { start: 9, end: 12 },
};

describe('meeting agendas speak in the round’s own weeks', () => {
  it('names the default timebox for a default round', () => {
    expect(agendaFor('meet-greet')).toContain('draft by weeks 6–8, review by weeks 12–16');
    expect(agendaFor('follow-up')).toMatch(/^## Follow-up \(week 4\)/);
  });

  it('names a round’s own windows', () => {
    expect(agendaFor('meet-greet', SHORT)).toContain('draft by weeks 5–6, review by weeks 9–12');
    expect(agendaFor('meet-greet', SHORT)).not.toContain('12–16');
    expect(agendaFor('follow-up', SHORT)).toMatch(/^## Follow-up \(week 3\)/);
    expect(agendaFor('general', SHORT)).toBe('');
  });

  it('still knows an untouched agenda, and its lines, whatever the weeks', () => {
    expect(isAgenda(agendaFor('follow-up', SHORT), 'follow-up')).toBe(true);
    expect(isAgenda(`${agendaFor('follow-up', SHORT)}- asked about fuzzing\n`, 'follow-up')).toBe(false);
    expect(isAgendaLine('## Follow-up (week 3)', 'follow-up')).toBe(true);
    expect(isAgendaLine('Chased the week 3 draft', 'follow-up')).toBe(false);
  });
});
