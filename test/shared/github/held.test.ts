/** Held moves (issue 23.3): a move made while write-back was off is never sent by switching it on, only when asked. */
import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../../shared/engagements.js';
import { heldMoves, isHeld, pushHeldMoves } from '../../../shared/github/held.js';
import type { IssueSnapshot } from '../../../shared/github/issue.js';
import { completeOutboxEntry, reconcileOutbox } from '../../../shared/github/outbox.js';
import { setGithubSettings } from '../../../shared/github/settings.js';
import { applySyncResult, resolveConflict } from '../../../shared/github/sync.js';
import { moveCard } from '../../../shared/move.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';

const T0 = '2026-11-01T10:00:00.000Z';
const T0S = '2026-11-01T12:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-03T10:00:00.000Z';
const T3 = '2026-11-04T10:00:00.000Z';

function snapshot(labels: string[], number = 12): IssueSnapshot {
  return {
    ref: { owner: 'o', repo: 'r', number, kind: 'issue' },
    state: 'open',
    title: 'An issue',
    labels,
    assignees: [],
    milestone: null,
    comments: 0,
    updatedAt: T0,
  };
}

const sync = (doc: StoreDoc, id: string, labels: string[], at: string, number = 12) =>
  applySyncResult(doc, id, `o/r#${number}`, { kind: 'fetched', snapshot: snapshot(labels, number), etag: null }, at).doc;

/** Kyverno linked to o/r#12 (GitHub: follow-up, plus `assessment`), synced once, write-back off. */
function board(): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'Kyverno', issue: 'o/r#12' }, { id: 'kyv', at: T0 }).doc;
  doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: T0 }).doc;
  return sync(doc, 'kyv', ['pals/follow-up', 'assessment'], T0S);
}

/** Moved to draft while write-back was off, then write-back switched on. */
function switchedOn(): StoreDoc {
  const moved = moveCard(board(), { ref: 'kyv', to: 'draft', reason: 'board', at: T1 }).doc;
  return setGithubSettings(moved, { writeBack: true }).doc;
}

describe('held moves', () => {
  it('holds a move made while write-back was off: switching on queues nothing and lists it', () => {
    const doc = switchedOn();
    expect(reconcileOutbox(doc).doc.outbox).toEqual([]);
    expect(heldMoves(doc)).toEqual([
      { ref: 'kyv', name: 'Kyverno', issue: 'o/r#12', round: doc.settings.currentRound, local: 'draft', remote: 'follow-up' },
    ]);
    expect(heldMoves(doc, 'no-such-round')).toEqual([]);
  });

  it('a sync keeps the held card where it is, records no conflict, and it stays held', () => {
    const doc = sync(switchedOn(), 'kyv', ['pals/follow-up', 'assessment'], T2);
    const card = doc.engagements[0]!;
    expect(card.phase).toBe('draft');
    expect(card.github).toMatchObject({ suggestedPhase: 'follow-up', conflict: null, syncedAt: T2 });
    expect(doc.outbox).toEqual([]);
    expect(heldMoves(doc).map((h) => h.ref)).toEqual(['kyv']);
    // And the one after that too: not moved back, not turned into a conflict.
    const again = sync(doc, 'kyv', ['pals/follow-up', 'assessment'], T3);
    expect(again.engagements[0]!.phase).toBe('draft');
    expect(again.engagements[0]!.github!.conflict).toBeNull();
    expect(isHeld(again, again.engagements[0]!)).toBe(true);
  });

  it('is no longer held once GitHub agrees (someone set the label there)', () => {
    const doc = sync(switchedOn(), 'kyv', ['pals/draft', 'assessment'], T2);
    expect(doc.engagements[0]!.phase).toBe('draft');
    expect(heldMoves(doc)).toEqual([]);
  });

  it('pushes on request: queues the held card’s phase, only for the cards named, once', () => {
    let doc = addEngagement(switchedOn(), { name: 'Argo', issue: 'o/r#13' }, { id: 'arg', at: T0 }).doc;
    doc = sync(doc, 'arg', ['pals/intake'], T0S, 13);
    doc = setGithubSettings(doc, { writeBack: false }).doc;
    doc = setGithubSettings(moveCard(doc, { ref: 'arg', to: 'review', reason: 'cli', at: T1 }).doc, { writeBack: true }).doc;
    expect(heldMoves(doc).map((h) => [h.ref, h.local, h.remote])).toEqual([
      ['kyv', 'draft', 'follow-up'],
      ['arg', 'review', 'intake'],
    ]);
    const one = pushHeldMoves(doc, ['arg', 'nobody'], { kyv: 'wb-k', arg: 'wb-a' }, T2);
    expect(one.value.map((h) => h.ref)).toEqual(['arg']);
    expect(one.doc.outbox).toMatchObject([{ id: 'wb-a', engagementId: 'arg', issue: 'o/r#13', phase: 'review', createdAt: T2 }]);
    expect(heldMoves(one.doc).map((h) => h.ref)).toEqual(['kyv']);
    const all = pushHeldMoves(one.doc, null, { kyv: 'wb-k', arg: 'wb-x' }, T2);
    expect(all.value.map((h) => h.ref)).toEqual(['kyv']);
    expect(all.doc.outbox.map((o) => o.id)).toEqual(['wb-a', 'wb-k']);
    expect(pushHeldMoves(all.doc, null, { kyv: 'wb-y', arg: 'wb-z' }, T3)).toEqual({ doc: all.doc, value: [] });
  });

  it('a move made with write-back on is queued when made, never held; nor is it once sent', () => {
    let doc = setGithubSettings(board(), { writeBack: true }).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'review', reason: 'board', at: T1, entryId: 'wb1' }).doc;
    expect(doc.outbox).toHaveLength(1);
    expect(heldMoves(doc)).toEqual([]);
    doc = sync(completeOutboxEntry(doc, 'wb1').doc, 'kyv', ['pals/review', 'assessment'], T2);
    expect(heldMoves(doc)).toEqual([]);
  });

  it('a queued change switched off is held when switched back on (it was never sent)', () => {
    let doc = setGithubSettings(board(), { writeBack: true }).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'review', reason: 'board', at: T1, entryId: 'wb1' }).doc;
    doc = reconcileOutbox(setGithubSettings(doc, { writeBack: false }).doc).doc;
    doc = setGithubSettings(doc, { writeBack: true }).doc;
    expect(reconcileOutbox(doc).doc.outbox).toEqual([]);
    expect(heldMoves(doc).map((h) => h.local)).toEqual(['review']);
  });

  it('holds only a coordinator’s move GitHub can be told: not a phase that followed GitHub, not before a first sync, not without a rule', () => {
    // Followed GitHub (a sync's move), then GitHub's label went: GitHub's doing, not held.
    let followed = setGithubSettings(board(), { writeBack: true }).doc;
    followed = sync(followed, 'kyv', ['pals/review'], T1);
    expect(followed.engagements[0]!.phase).toBe('review');
    followed = sync(followed, 'kyv', ['assessment'], T2);
    expect(heldMoves(followed)).toEqual([]);
    // Never synced: what GitHub says is not known yet (the first sync decides, conflict or not).
    let fresh = addEngagement(emptyDoc(), { name: 'Falco', issue: 'o/r#14' }, { id: 'fal', at: T0 }).doc;
    fresh = setGithubSettings(moveCard(fresh, { ref: 'fal', to: 'draft', reason: 'board', at: T1 }).doc, { writeBack: true }).doc;
    expect(heldMoves(fresh)).toEqual([]);
    // No rule can express the phase: nothing could be sent.
    const noRule = setGithubSettings(switchedOn(), {
      labelRules: [{ label: 'pals/follow-up', phase: 'follow-up', family: 'pals', requires: [] }],
    }).doc;
    expect(heldMoves(noRule)).toEqual([]);
    // Write-back still off: nothing is held (nothing would be sent anyway).
    expect(heldMoves(moveCard(board(), { ref: 'kyv', to: 'draft', reason: 'board', at: T1 }).doc)).toEqual([]);
  });

  it('a conflict is not held; keeping mine in it queues the card’s phase (write-back on)', () => {
    let doc = sync(switchedOn(), 'kyv', ['pals/review'], T2);
    expect(doc.engagements[0]!.github!.conflict).toMatchObject({ local: 'draft', remote: 'review' });
    expect(heldMoves(doc)).toEqual([]);
    doc = resolveConflict(doc, 'kyv', 'keep-local', T3, 'wb-keep').doc;
    expect(doc.outbox).toMatchObject([{ id: 'wb-keep', phase: 'draft' }]);
    expect(heldMoves(doc)).toEqual([]);
  });

  it('a pushed move whose issue GitHub moved meanwhile becomes a conflict: the old phase is never sent over it', () => {
    let doc = sync(switchedOn(), 'kyv', ['pals/follow-up', 'assessment'], T2);
    doc = pushHeldMoves(doc, null, { kyv: 'wb-p' }, T2).doc;
    doc = sync(doc, 'kyv', ['pals/review', 'assessment'], T3);
    const card = doc.engagements[0]!;
    expect(card.phase).toBe('draft');
    expect(card.github!.conflict).toMatchObject({ local: 'draft', remote: 'review' });
    expect(doc.outbox).toHaveLength(1);
  });
});
