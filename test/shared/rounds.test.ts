import { describe, expect, it } from 'vitest';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { addRound, editRound, findRound, moveToRound, removeRound, roundIdFor, useRound } from '../../shared/rounds.js';
import { emptyDoc, StoreDocSchema, type StoreDoc } from '../../shared/schema.js';
import { dueState } from '../../shared/due.js';
import { cardView, viewEngagement, windowsFor } from '../../shared/view.js';
import { checkWindows, mergeWindows, parseWeeks } from '../../shared/windows.js';
import { DEFAULT_WINDOWS } from '../../shared/phases.js';
import { moveCard } from '../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
const later = '2026-11-28T10:00:00.000Z';

function seeded(): StoreDoc {
  let doc = emptyDoc();
  for (const [id, name] of [
    ['kyv', 'Kyverno'],
    ['arg', 'Argo'],
    ['fal', 'Falco'],
  ] as const) {
    doc = addEngagement(doc, { name, kickoff: '2026-11-02' }, { id, at }).doc;
  }
  doc = moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'board', at: at }).doc;
  return moveCard(doc, { ref: 'fal', to: 'done', reason: 'board', at: at }).doc;
}

describe('--weeks', () => {
  it('parses single weeks and ranges, and merges them over a round’s windows', () => {
    const patch = parseWeeks('follow-up=3, draft=5-6,review=9-12');
    expect(patch).toEqual({ 'follow-up': { start: 3, end: 3 }, draft: { start: 5, end: 6 }, review: { start: 9, end: 12 } });
    expect(mergeWindows(DEFAULT_WINDOWS, patch)).toEqual({ ...DEFAULT_WINDOWS, ...patch });
  });

  it('refuses an unknown phase, done, a repeated phase, a window running backwards, junk and nothing', () => {
    expect(() => parseWeeks('foo=3')).toThrow(/"foo" is not a phase; phases with a window: intake, meet-greet/);
    expect(() => parseWeeks('done=3')).toThrow(/done has no window/);
    expect(() => parseWeeks('draft=3,draft=4')).toThrow(/draft is given twice/);
    expect(() => parseWeeks('review=9-7')).toThrow(/runs backwards \(week 7 is before week 9\)/);
    expect(() => parseWeeks('draft=three')).toThrow(/"draft=three" is not PHASE=N or PHASE=N-M/);
    expect(() => parseWeeks('draft=200')).toThrow(/weeks go from 0 to 104/);
    expect(() => parseWeeks(' , ')).toThrow(/--weeks needs PHASE=N/);
  });

  it('refuses windows that overlap the phase before, naming both', () => {
    expect(() => mergeWindows(DEFAULT_WINDOWS, parseWeeks('draft=3-5'))).toThrow(/draft \(weeks 3–5\) overlaps follow-up \(week 4\)/);
    expect(() => mergeWindows(DEFAULT_WINDOWS, parseWeeks('meet-greet=0'))).toThrow(/meet-greet \(week 0\) overlaps intake/);
    expect(() => {
      checkWindows({ ...DEFAULT_WINDOWS, review: { start: 8, end: 16 } });
    }).toThrow(/review .* overlaps draft/);
    expect(() => {
      checkWindows(DEFAULT_WINDOWS);
    }).not.toThrow();
  });
});

describe('round operations', () => {
  it('adds a round with a readable, unique id and the default timebox; the document stays valid', () => {
    const { doc, value } = addRound(seeded(), { name: 'Round 2' }, at);
    expect(value).toMatchObject({ id: 'round-2', name: 'Round 2', windows: DEFAULT_WINDOWS, benefits: [], nextSteps: [], takeaways: [] });
    expect(doc.settings.currentRound).toBe('default');
    expect(StoreDocSchema.safeParse(doc).success).toBe(true);
    expect(roundIdFor(doc, 'Round 2!')).toBe('round-2-2');
    expect(roundIdFor(doc, '🙂')).toBe('round');
    expect(roundIdFor(doc, 'Q1')).toBe('round-q1');
  });

  it('copies windows, label rules, write-back and weights from --like, then applies --weeks', () => {
    let doc = editRound(seeded(), 'default', { windows: parseWeeks('follow-up=3'), criteriaWeights: { sponsor: 9 } }).doc;
    doc = {
      ...doc,
      rounds: doc.rounds.map((r) => ({
        ...r,
        writeBack: true,
        labelRules: [{ label: 'x', phase: 'draft', family: 'pals', requires: [] }],
      })),
    };
    const { value } = addRound(doc, { name: 'Round 2', like: 'round 1', windows: parseWeeks('review=13-15') }, at);
    expect(value.windows['follow-up']).toEqual({ start: 3, end: 3 });
    expect(value.windows.review).toEqual({ start: 13, end: 15 });
    expect(value.writeBack).toBe(true);
    expect(value.labelRules).toHaveLength(1);
    expect(value.criteriaWeights.sponsor).toBe(9);
    expect(value.benefits).toEqual([]);
  });

  it('refuses an empty or taken name (any case, or another round’s id) and an unknown --like, changing nothing', () => {
    const doc = addRound(seeded(), { name: 'Round 2' }, at).doc;
    expect(() => addRound(doc, { name: '  ' }, at)).toThrow(/a round needs a name/);
    expect(() => addRound(doc, { name: ' ROUND   2 ' }, at)).toThrow(/a round called "Round 2" already exists \(id round-2\)/);
    expect(() => addRound(doc, { name: 'default' }, at)).toThrow(/already exists/);
    expect(() => addRound(doc, { name: 'R3', like: 'nope' }, at)).toThrow(/no round is called "nope"; rounds: "Round 1", "Round 2"/);
    expect(() => addRound(doc, { name: 'R3', windows: parseWeeks('draft=3-5') }, at)).toThrow(/overlaps/);
    expect(() => editRound(doc, 'round-2', { name: 'round 1' })).toThrow(/already exists/);
    expect(doc.rounds).toHaveLength(2);
  });

  it('carries the current round’s unfinished engagements over, each keeping its history and recording the move', () => {
    const before = seeded();
    const { doc } = addRound(before, { name: 'Round 2', use: true, carryOver: true }, later);
    expect(doc.settings.currentRound).toBe('round-2');
    const byId = new Map(doc.engagements.map((e) => [e.id, e]));
    expect(byId.get('kyv')!.round).toBe('round-2');
    expect(byId.get('arg')!.round).toBe('round-2');
    expect(byId.get('fal')!.round).toBe('default');
    expect(byId.get('kyv')!.history).toEqual(before.engagements.find((e) => e.id === 'kyv')!.history);
    expect(byId.get('kyv')!.roundMoves).toEqual([{ from: 'default', to: 'round-2', at: later }]);
    expect(byId.get('fal')!.roundMoves).toEqual([]);
    // A new engagement joins the current round.
    expect(addEngagement(doc, { name: 'Dapr' }, { id: 'dap', at }).value.round).toBe('round-2');
  });

  it('edits name, windows, weights and the retrospective lists; fields left out stay', () => {
    const { value } = editRound(seeded(), 'Round 1', {
      name: 'Pilot',
      windows: parseWeeks('draft=5-9'),
      criteriaWeights: { priority: 0 },
      benefits: ['Exposure to other projects'],
      takeaways: ['Timebox works'],
    });
    expect(value).toMatchObject({
      id: 'default',
      name: 'Pilot',
      benefits: ['Exposure to other projects'],
      nextSteps: [],
      takeaways: ['Timebox works'],
    });
    expect(value.windows.draft).toEqual({ start: 5, end: 9 });
    expect(value.criteriaWeights).toEqual({ security: 3, sponsor: 2, maturity: 2, priority: 0 });
  });

  it('uses a round by id or name; an unknown one is refused', () => {
    const doc = addRound(seeded(), { name: 'Round 2' }, at).doc;
    expect(useRound(doc, 'ROUND 2').doc.settings.currentRound).toBe('round-2');
    expect(useRound(doc, 'default').doc).toBe(doc);
    expect(() => useRound(doc, 'Round 9')).toThrow(/no round is called "Round 9"/);
    expect(findRound(doc, 'round-2').name).toBe('Round 2');
  });

  it('removes a round only when empty or its engagements move elsewhere; never the last; fixes the current round', () => {
    let doc = addRound(seeded(), { name: 'Round 2', use: true }, at).doc;
    expect(() => removeRound(doc, 'default', undefined, at)).toThrow(/"Round 1" holds 3 engagements; say which round they move to/);
    expect(() => removeRound(doc, 'default', 'default', at)).toThrow(/into itself/);
    const emptied = removeRound(doc, 'round-2', undefined, at).doc;
    expect(emptied.rounds.map((r) => r.id)).toEqual(['default']);
    expect(emptied.settings.currentRound).toBe('default');
    expect(() => removeRound(emptied, 'default', undefined, at)).toThrow(/the only round/);
    doc = useRound(doc, 'default').doc;
    const moved = removeRound(doc, 'default', 'round 2', later).doc;
    expect(moved.rounds.map((r) => r.id)).toEqual(['round-2']);
    expect(moved.settings.currentRound).toBe('round-2');
    expect(moved.engagements.every((e) => e.round === 'round-2' && e.roundMoves.length === 1)).toBe(true);
    expect(StoreDocSchema.safeParse(moved).success).toBe(true);
  });

  it('moves one engagement to another round through edit, recording it; the same round records nothing', () => {
    const doc = addRound(seeded(), { name: 'Round 2' }, at).doc;
    const moved = editEngagement(doc, 'arg', { round: 'Round 2' }, later).value;
    expect(moved.round).toBe('round-2');
    expect(moved.roundMoves).toEqual([{ from: 'default', to: 'round-2', at: later }]);
    expect(editEngagement(doc, 'arg', { round: 'default', hours: 3 }, later).value.roundMoves).toEqual([]);
    expect(() => editEngagement(doc, 'arg', { round: 'nope' }, later)).toThrow(/no round is called "nope"/);
    expect(moveToRound(doc, 'kyv', 'round-2', later).value.round).toBe('round-2');
    expect(addEngagement(doc, { name: 'Dapr', round: 'round 2' }, { id: 'dap', at }).value.round).toBe('round-2');
  });
});

describe('due dates follow the engagement’s own round', () => {
  it('uses the windows of its round, not the current round’s', () => {
    let doc = addRound(seeded(), { name: 'Round 2', windows: parseWeeks('meet-greet=2'), use: true }, at).doc;
    doc = editEngagement(doc, 'kyv', { round: 'round-2' }, at).doc;
    const kyv = doc.engagements.find((e) => e.id === 'kyv')!;
    expect(windowsFor(doc, kyv)['meet-greet']).toEqual({ start: 2, end: 2 });
    expect(viewEngagement(doc, kyv, '2026-11-10').due).toEqual(dueState(kyv, doc.rounds[1]!.windows, '2026-11-10'));
    expect(viewEngagement(doc, kyv, '2026-11-10').due.windowEnd).toBe('2026-11-16');
    // Making Round 1 current again does not change Kyverno's deadline.
    doc = useRound(doc, 'default').doc;
    expect(
      cardView(
        doc,
        doc.engagements.find((e) => e.id === 'kyv')!,
        '2026-11-10',
      ).due.windowEnd,
    ).toBe('2026-11-16');
  });
});
