import { describe, expect, it } from 'vitest';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { isActive, palLoad } from '../../shared/load.js';
import type { Phase } from '../../shared/phases.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';

const at = '2026-11-27T10:00:00.000Z';
const today = '2026-11-27';

function withCards(
  cards: readonly { name: string; pals: string[]; phase?: Phase; onHold?: boolean; kickoff?: string }[],
  limit = 2,
): StoreDoc {
  let doc: StoreDoc = { ...emptyDoc(), settings: { ...emptyDoc().settings, palLimit: limit } };
  cards.forEach((c, i) => {
    doc = addEngagement(
      doc,
      { name: c.name, pals: c.pals, phase: c.phase, onHold: c.onHold, kickoff: c.kickoff },
      { id: `eng-${i}`, at },
    ).doc;
  });
  return doc;
}

describe('pal load', () => {
  it('counts engagements in progress: neither intake nor done nor on hold', () => {
    expect(isActive({ phase: 'intake', onHold: false })).toBe(false);
    expect(isActive({ phase: 'done', onHold: false })).toBe(false);
    expect(isActive({ phase: 'draft', onHold: true })).toBe(false);
    expect(isActive({ phase: 'meet-greet', onHold: false })).toBe(true);
    const doc = withCards([
      { name: 'A', pals: ['Ana'], phase: 'intake' },
      { name: 'B', pals: ['Ana'], phase: 'done' },
      { name: 'C', pals: ['Ana'], phase: 'draft', onHold: true },
      { name: 'D', pals: ['Ana'], phase: 'review' },
    ]);
    expect(palLoad(doc, today)).toEqual([{ pal: 'Ana', active: 1, limit: 2, over: false, overdue: 0 }]);
  });

  it('counts an engagement with two pals for both, marks who is over the limit, busiest first', () => {
    const doc = withCards(
      [
        { name: 'A', pals: ['Ana', 'Ben'], phase: 'meet-greet' },
        { name: 'B', pals: ['ana'], phase: 'follow-up' },
        { name: 'C', pals: [' ANA '], phase: 'draft' },
        { name: 'D', pals: ['Ben'], phase: 'review' },
        { name: 'E', pals: ['Zoë'], phase: 'intake' },
        { name: 'F', pals: [], phase: 'draft' },
      ],
      2,
    );
    expect(palLoad(doc, today)).toEqual([
      { pal: 'Ana', active: 3, limit: 2, over: true, overdue: 0 },
      { pal: 'Ben', active: 2, limit: 2, over: false, overdue: 0 }, // at the limit is not over it
      { pal: 'Zoë', active: 0, limit: 2, over: false, overdue: 0 }, // free, and shown as such
    ]);
  });

  it('reads the limit from the settings, and counts the overdue among the active', () => {
    let doc = withCards(
      [
        { name: 'A', pals: ['Ana'], phase: 'meet-greet', kickoff: '2026-10-01' }, // window closed 2026-10-08
        { name: 'B', pals: ['Ana'], phase: 'review', kickoff: '2026-11-20' },
      ],
      1,
    );
    expect(palLoad(doc, today)).toEqual([{ pal: 'Ana', active: 2, limit: 1, over: true, overdue: 1 }]);
    doc = editEngagement(doc, 'eng-0', { onHold: true }, at).doc;
    expect(palLoad(doc, today)).toEqual([{ pal: 'Ana', active: 1, limit: 1, over: false, overdue: 0 }]);
  });

  it('is empty when nobody is named', () => {
    expect(palLoad(withCards([{ name: 'A', pals: [], phase: 'draft' }]), today)).toEqual([]);
  });
});
