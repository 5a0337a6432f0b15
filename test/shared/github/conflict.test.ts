import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../../shared/engagements.js';
import { conflictNow, conflictsOf } from '../../../shared/github/conflict.js';
import { resolveConflict } from '../../../shared/github/sync.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';
import { cardView, viewEngagement } from '../../../shared/view.js';
import { moveCard } from '../../../shared/move.js';

const T0 = '2026-11-01T10:00:00.000Z';
const SEEN = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-04T10:00:00.000Z';

/** Kyverno, linked, moved to Meet & greet here while GitHub said In review: the sync recorded a conflict. */
function inConflict(): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'Kyverno', issue: 'cncf/tag-security#1' }, { id: 'kyv', at: T0 }).doc;
  doc = moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'board', at: T0 }).doc;
  const e = doc.engagements[0]!;
  const github = {
    ...e.github!,
    suggestedPhase: 'review' as const,
    conflict: { local: 'meet-greet' as const, remote: 'review' as const, detectedAt: SEEN },
  };
  return { ...doc, engagements: [{ ...e, github }] };
}
const kyv = (doc: StoreDoc) => doc.engagements.find((e) => e.id === 'kyv')!;

describe('a conflict as it stands now', () => {
  it('takes the card’s current phase as the local side, and is gone once the card is where GitHub says', () => {
    const k = { local: 'meet-greet', remote: 'review', detectedAt: SEEN } as const;
    expect(conflictNow('meet-greet', k)).toBe(k);
    expect(conflictNow('draft', k)).toEqual({ local: 'draft', remote: 'review', detectedAt: SEEN });
    expect(conflictNow('review', k)).toBeNull();
    expect(conflictNow('draft', null)).toBeNull();
  });

  it('is what the dialog’s record, the board’s card and `pals conflicts` see after a later move', () => {
    const doc = moveCard(inConflict(), { ref: 'kyv', to: 'draft', reason: 'board', at: T3 }).doc;
    expect(viewEngagement(doc, kyv(doc), '2026-11-05').github!.conflict).toEqual({ local: 'draft', remote: 'review', detectedAt: SEEN });
    expect(cardView(doc, kyv(doc), '2026-11-05').github!.conflict).toMatchObject({ local: 'draft' });
    expect(conflictsOf([{ ...kyv(doc) }])).toEqual([{ ref: 'kyv', name: 'Kyverno', local: 'draft', remote: 'review', since: SEEN }]);
    const there = moveCard(doc, { ref: 'kyv', to: 'review', reason: 'board', at: T3 }).doc;
    expect(viewEngagement(there, kyv(there), '2026-11-05').github!.conflict).toBeNull();
    expect(conflictsOf([kyv(there)])).toEqual([]);
  });

  it('keeping mine keeps the phase the card is in now; one left over after a move to GitHub’s phase is only cleared', () => {
    const moved = moveCard(inConflict(), { ref: 'kyv', to: 'draft', reason: 'board', at: T3 }).doc;
    expect(resolveConflict(moved, 'kyv', 'keep-local', T3, 'wb-r').value).toMatchObject({ phase: 'draft', github: { conflict: null } });
    const taken = resolveConflict(moved, 'kyv', 'take-github', T3, 'wb-r').value;
    expect(taken).toMatchObject({ phase: 'review', github: { conflict: null } });
    expect(taken.history.at(-1)).toMatchObject({ from: 'draft', to: 'review', source: 'github' });

    const there = moveCard(inConflict(), { ref: 'kyv', to: 'review', reason: 'board', at: T3 }).doc;
    const cleared = resolveConflict(there, 'kyv', 'take-github', '2026-11-06T10:00:00.000Z', 'wb-r');
    expect(cleared.value).toMatchObject({ phase: 'review', github: { conflict: null } });
    expect(cleared.value.history).toEqual(kyv(there).history);
  });
});
