/**
 * One rule for dates: the coordinator's local calendar day, for "today" and for every day read
 * off a stored timestamp. Run in New York, where 21:30 on 31 December is already 1 January in UTC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, localIsoDate, localNoon } from '../../shared/dates.js';
import { addEngagement } from '../../shared/engagements.js';
import { editHistory } from '../../shared/history.js';
import { moveCard } from '../../shared/move.js';
import { emptyDoc } from '../../shared/schema.js';
import { clock } from '../../electron/core/today.js';

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

// 21:30 on 31 December 2025 in New York (UTC−5) is 02:30 on 1 January 2026 in UTC.
const EVENING = '2026-01-01T02:30:00.000Z';

describe('dates are the local calendar day', () => {
  it('reads a stamp as the day the wall clock showed', () => {
    expect(localIsoDate(new Date(EVENING))).toBe('2025-12-31');
    expect(dayOf(EVENING)).toBe('2025-12-31');
    expect(dayOf(localNoon('2025-12-31'))).toBe('2025-12-31');
  });

  it('accepts move --on today for a move made this evening, and the dialog’s unchanged history', () => {
    let doc = addEngagement(emptyDoc(), { name: 'Argo' }, { id: 'argo', at: '2025-12-01T15:00:00.000Z' }).doc;
    doc = moveCard(doc, { ref: 'argo', to: 'meet-greet', reason: 'board', at: EVENING }).doc;
    const today = '2025-12-31';
    // The same day as the previous move: in order, accepted.
    const moved = moveCard(doc, { ref: 'argo', to: 'follow-up', reason: 'backdated', at: EVENING, backdate: { on: today, today } });
    expect(moved.value.engagement.phase).toBe('follow-up');
    // The dialog sends the history back as it shows it: every day the local one, nothing changes.
    const shown = doc.engagements[0]!.history.map((h) => ({ to: h.to, on: dayOf(h.at) }));
    expect(shown).toEqual([
      { to: 'intake', on: '2025-12-01' },
      { to: 'meet-greet', on: '2025-12-31' },
    ]);
    expect(editHistory(doc, 'argo', shown, today, EVENING).doc.engagements[0]!.history).toEqual(doc.engagements[0]!.history);
  });

  it('never writes a move before the last one, whatever the clock says (a PALS_NOW before it)', () => {
    let doc = addEngagement(emptyDoc(), { name: 'Argo' }, { id: 'argo', at: '2026-03-01T15:00:00.000Z' }).doc;
    doc = moveCard(doc, { ref: 'argo', to: 'meet-greet', reason: 'board', at: '2026-03-10T15:00:00.000Z' }).doc;
    const earlier = clock({ PALS_NOW: '2026-03-05' }, () => new Date('2026-03-10T20:00:00.000Z'))();
    expect(localIsoDate(earlier)).toBe('2026-03-05');
    const history = moveCard(doc, { ref: 'argo', to: 'follow-up', reason: 'cli', at: earlier.toISOString() }).doc.engagements[0]!.history;
    const times = history.map((h) => Date.parse(h.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(history.at(-1)!.at).toBe('2026-03-10T15:00:00.001Z');
  });
});
