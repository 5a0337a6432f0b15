import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../shared/engagements.js';

import { editHistory } from '../../shared/history.js';
import { daysInPhases } from '../../shared/deck/time-in-phase.js';
import { emptyDoc, StoreDocSchema, type StoreDoc } from '../../shared/schema.js';
import { moveCard } from '../../shared/move.js';

const created = '2026-05-01T09:00:00.000Z';
const now = '2026-05-10T15:00:00.000Z';
const today = '2026-05-10';

function seeded(): StoreDoc {
  return addEngagement(emptyDoc(), { name: 'Kyverno', kickoff: '2026-03-01' }, { id: 'kyv', at: created }).doc;
}

describe('backdated moves (move --on)', () => {
  it('dates the move at noon of that day; a move before creation pulls the creation entry back', () => {
    const value = moveCard(seeded(), { ref: 'kyv', to: 'meet-greet', reason: 'backdated', at: now, backdate: { on: '2026-03-05', today } })
      .value.engagement;
    expect(value.phase).toBe('meet-greet');
    expect(value.history).toEqual([
      { from: null, to: 'intake', at: '2026-03-05T12:00:00.000Z', source: 'local' },
      { from: 'intake', to: 'meet-greet', at: '2026-03-05T12:00:00.000Z', source: 'local', reason: 'backdated' },
    ]);
    expect(value.updatedAt).toBe(now);
  });

  it('gives true days in each phase', () => {
    let doc = seeded();
    doc = moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'backdated', at: now, backdate: { on: '2026-03-02', today } }).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'backdated', at: now, backdate: { on: '2026-03-09', today } }).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, backdate: { on: '2026-03-30', today } }).doc;
    expect(daysInPhases(doc.engagements[0]!)).toEqual({ intake: 0, 'meet-greet': 7, 'follow-up': 21 });
  });

  it('a move dated today takes the real time', () => {
    expect(
      moveCard(seeded(), {
        ref: 'kyv',
        to: 'draft',
        reason: 'backdated',
        at: now,
        backdate: { on: today, today },
      }).value.engagement.history.at(-1)!.at,
    ).toBe(now);
  });

  it('refuses a day after today, before the previous move, or not real, changing nothing', () => {
    const doc = moveCard(seeded(), {
      ref: 'kyv',
      to: 'meet-greet',
      reason: 'backdated',
      at: now,
      backdate: { on: '2026-03-05', today },
    }).doc;
    expect(() => moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, backdate: { on: '2026-05-11', today } })).toThrow(
      /^2026-05-11 is after today \(2026-05-10\)/,
    );
    expect(() => moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, backdate: { on: '2026-03-04', today } })).toThrow(
      /^2026-03-04 is before Kyverno's previous move \(to Meet & greet on 2026-03-05\)/,
    );
    expect(() => moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, backdate: { on: '2026-02-30', today } })).toThrow(
      /2026-02-30 is not a real date/,
    );
    expect(() => moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, backdate: { on: 'yesterday', today } })).toThrow(
      /not a real date/,
    );
    // The same day as the previous move is fine, and stays after it.
    const same = moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, backdate: { on: '2026-03-05', today } }).value
      .engagement.history;
    expect(Date.parse(same.at(-1)!.at)).toBeGreaterThan(Date.parse(same.at(-2)!.at));
  });

  it('creation is no move: a card never moved may be backdated to any past day', () => {
    const doc = moveCard(seeded(), { ref: 'kyv', to: 'intake', reason: 'board', at: now }).doc;
    expect(
      moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'backdated', at: now, backdate: { on: '2025-01-01', today } }).value.engagement
        .history[0]!.at,
    ).toBe('2025-01-01T12:00:00.000Z');
  });

  it('keeps write-back queuing: a backdated move in a write-back round queues the label change', () => {
    let doc = addEngagement(emptyDoc(), { name: 'Kyverno', issue: 'kyverno/kyverno#1' }, { id: 'kyv', at: created }).doc;
    doc = { ...doc, rounds: doc.rounds.map((r) => ({ ...r, writeBack: true })) };
    const moved = moveCard(doc, {
      ref: 'kyv',
      to: 'draft',
      reason: 'backdated',
      at: now,
      entryId: 'out1',
      backdate: { on: '2026-04-01', today },
    });
    expect(moved.value.engagement.history.at(-1)!.at).toBe('2026-04-01T12:00:00.000Z');
    expect(moved.doc.outbox).toHaveLength(1);
    expect(moved.doc.outbox[0]).toMatchObject({ engagementId: 'kyv', id: 'out1' });
    expect(() =>
      moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: now, entryId: 'out1', backdate: { on: '2026-06-01', today } }),
    ).toThrow(/after today/);
  });
});

describe('editing the whole history', () => {
  it('replaces the history; the phase becomes the last step’s; kept steps keep their time, source and reason', () => {
    let doc = seeded();
    doc = moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'sync', at: '2026-05-02T08:30:00.000Z' }).doc;
    const { value, doc: next } = editHistory(
      doc,
      'kyv',
      [
        { to: 'intake', on: '2026-05-01' },
        { to: 'meet-greet', on: '2026-05-02' },
        { to: 'follow-up', on: '2026-05-06' },
      ],
      today,
      now,
    );
    expect(value.phase).toBe('follow-up');
    expect(value.history).toEqual([
      { from: null, to: 'intake', at: created, source: 'local' },
      { from: 'intake', to: 'meet-greet', at: '2026-05-02T08:30:00.000Z', source: 'github', reason: 'sync' },
      { from: 'meet-greet', to: 'follow-up', at: '2026-05-06T12:00:00.000Z', source: 'local' },
    ]);
    expect(StoreDocSchema.safeParse(next).success).toBe(true);
    // Going back: a shorter history moves the card back.
    expect(editHistory(next, 'kyv', [{ to: 'intake', on: '2026-04-01' }], today, now).value.phase).toBe('intake');
  });

  it('refuses a future day, days out of order, a step that does not change the phase, a date that is not real and no steps', () => {
    const doc = seeded();
    const e = (steps: { to: 'intake' | 'draft' | 'review'; on: string }[]) => () => editHistory(doc, 'kyv', steps, today, now);
    expect(e([{ to: 'intake', on: '2026-05-11' }])).toThrow(/step 1 \(intake\): 2026-05-11 is after today/);
    expect(
      e([
        { to: 'intake', on: '2026-05-02' },
        { to: 'draft', on: '2026-05-01' },
      ]),
    ).toThrow(/step 2 \(draft\): 2026-05-01 is before the step above it \(2026-05-02\)/);
    expect(
      e([
        { to: 'draft', on: '2026-05-01' },
        { to: 'draft', on: '2026-05-02' },
      ]),
    ).toThrow(/already in draft/);
    expect(e([{ to: 'intake', on: '2026-04-31' }])).toThrow(/2026-04-31 is not a real date/);
    expect(e([])).toThrow(/at least the phase/);
  });
});
