import { describe, expect, it } from 'vitest';
import { addEngagement, addNote, editEngagement } from '../../shared/engagements.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { boardDelta, cardOf, cardView, viewEngagement } from '../../shared/view.js';
import { moveCard } from '../../shared/move.js';

const AT = '2026-11-01T10:00:00.000Z';
const TODAY = '2026-11-27';

function doc(count: number): StoreDoc {
  let d = emptyDoc();
  for (let i = 0; i < count; i++) d = addEngagement(d, { name: `Project ${i}`, kickoff: '2026-10-01' }, { id: `eng-${i}`, at: AT }).doc;
  return d;
}

describe('cards', () => {
  it('carry what a card shows and a note count, never note text; a record projects to the same card', () => {
    const d = addNote(doc(1), 'eng-0', { kind: 'general', text: 'private words' }, { id: 'note-1', at: AT }).doc;
    const e = d.engagements[0]!;
    const card = cardView(d, e, TODAY);
    expect(card).toMatchObject({ id: 'eng-0', noteCount: 1, due: { phase: 'intake', state: 'overdue' } });
    expect(JSON.stringify(card)).not.toContain('private words');
    expect(cardOf(viewEngagement(d, e, TODAY))).toEqual(card);
  });

  it('change by identity: a delta lists changed, added and removed cards, or asks for a reload', () => {
    const before = doc(3);
    let after = moveCard(before, { ref: 'eng-1', to: 'draft', reason: 'board', at: AT }).doc;
    after = addEngagement(after, { name: 'New one' }, { id: 'eng-9', at: AT }).doc;
    after = { ...after, engagements: after.engagements.filter((e) => e.id !== 'eng-0') };
    const delta = boardDelta(before, after, TODAY)!;
    expect(delta.cards.map((c) => c.id)).toEqual(['eng-1', 'eng-9']);
    expect(delta.removed).toEqual(['eng-0']);
    expect(delta.settings).toBeUndefined();
    expect(boardDelta(before, before, TODAY)).toEqual({ cards: [], removed: [] });
    // Too many cards, or a new timebox (every due state may move): reload instead.
    expect(boardDelta(before, after, TODAY, 2)).toBeNull();
    expect(boardDelta(before, { ...before, rounds: [...before.rounds] }, TODAY)).toBeNull();
    const settings = { ...before.settings, currentRound: 'default' };
    expect(boardDelta(before, { ...before, settings }, TODAY)).toEqual({ cards: [], removed: [], settings });
    expect(boardDelta(before, editEngagement(before, 'eng-2', { onHold: true }, AT).doc, TODAY)?.cards).toEqual([
      expect.objectContaining({ id: 'eng-2', onHold: true }),
    ]);
  });
});
