import { describe, expect, it } from 'vitest';
import { addEngagement, removeEngagement } from '../../../shared/engagements.js';
import { completeOutboxEntry, dropOutboxFor, failOutboxEntry, mayWriteBack, reconcileOutbox } from '../../../shared/github/outbox.js';
import { setGithubSettings } from '../../../shared/github/settings.js';
import { applySyncResult } from '../../../shared/github/sync.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';
import { moveCard } from '../../../shared/move.js';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-03T10:00:00.000Z';

function board(writeBack: boolean): StoreDoc {
  let doc = setGithubSettings(emptyDoc(), { writeBack }).doc;
  doc = addEngagement(doc, { name: 'Kyverno', issue: 'kyverno/kyverno#12' }, { id: 'kyv', at: T0 }).doc;
  doc = addEngagement(doc, { name: 'Argo' }, { id: 'arg', at: T0 }).doc;
  const snapshot = {
    ref: { owner: 'kyverno', repo: 'kyverno', number: 12, kind: 'issue' as const },
    state: 'open' as const,
    title: 'Kyverno',
    labels: ['pals/intake', 'security'],
    assignees: [],
    milestone: null,
    comments: 0,
    updatedAt: T0,
  };
  return applySyncResult(doc, 'kyv', 'kyverno/kyverno#12', { kind: 'fetched', snapshot, etag: 'W/"a"' }, T0).doc;
}

describe('write-back outbox', () => {
  it('queues a local move in a write-back round, one entry per card (the newest phase wins)', () => {
    let doc = moveCard(board(true), { ref: 'kyv', to: 'meet-greet', reason: 'board', at: T1, entryId: 'wb1' }).doc;
    expect(doc.outbox).toEqual([
      {
        id: 'wb1',
        engagementId: 'kyv',
        issue: 'kyverno/kyverno#12',
        phase: 'meet-greet',
        createdAt: T1,
        attempts: 0,
        lastError: null,
      },
    ]);
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: T2, entryId: 'wb2' }).doc;
    expect(doc.outbox.map((o) => [o.id, o.phase])).toEqual([['wb2', 'follow-up']]);
  });

  it('queues nothing without write-back, without a link, or for a move to the same phase', () => {
    expect(moveCard(board(false), { ref: 'kyv', to: 'draft', reason: 'board', at: T1, entryId: 'wb1' }).doc.outbox).toEqual([]);
    expect(moveCard(board(true), { ref: 'arg', to: 'draft', reason: 'board', at: T1, entryId: 'wb1' }).doc.outbox).toEqual([]);
    const same = board(true);
    expect(moveCard(same, { ref: 'kyv', to: 'intake', reason: 'board', at: T1, entryId: 'wb1' }).doc).toBe(same);
  });

  it('reconciles before a sync: drops stale entries and queues nothing old (issue 23.3)', () => {
    // A move made while write-back was off, then write-back switched on: held, not queued.
    const off = setGithubSettings(moveCard(board(false), { ref: 'kyv', to: 'draft', reason: 'board', at: T1 }).doc, {
      writeBack: true,
    }).doc;
    expect(reconcileOutbox(off)).toEqual({ doc: off, value: 0 });
    const queued = moveCard(board(true), { ref: 'kyv', to: 'draft', reason: 'board', at: T1, entryId: 'wb9' }).doc;
    expect(reconcileOutbox(queued).doc).toBe(queued);
    const switchedOff = setGithubSettings(queued, { writeBack: false }).doc;
    expect(reconcileOutbox(switchedOff)).toMatchObject({ value: 1, doc: { outbox: [] } });
    expect(reconcileOutbox(removeEngagement(queued, 'kyv').doc).doc.outbox).toEqual([]);
  });

  it('may send only while GitHub’s own phase has not moved since the last sync', () => {
    const doc = moveCard(board(true), { ref: 'kyv', to: 'draft', reason: 'board', at: T1, entryId: 'wb1' }).doc;
    expect(mayWriteBack(doc, 'kyv', { state: 'open', labels: ['pals/intake'], kind: 'issue' })).toBe(true);
    expect(mayWriteBack(doc, 'kyv', { state: 'open', labels: ['pals/draft'], kind: 'issue' })).toBe(true);
    expect(mayWriteBack(doc, 'kyv', { state: 'open', labels: ['pals/review'], kind: 'issue' })).toBe(false);
    expect(mayWriteBack(doc, 'kyv', { state: 'closed', labels: ['pals/intake'], kind: 'issue' })).toBe(false);
  });

  it('removes an entry only by its own id and counts failed attempts', () => {
    let doc = moveCard(board(true), { ref: 'kyv', to: 'draft', reason: 'board', at: T1, entryId: 'wb1' }).doc;
    doc = failOutboxEntry(doc, 'wb1', 'GitHub had a server error (502); try again later').doc;
    expect(doc.outbox[0]).toMatchObject({ attempts: 1, lastError: 'GitHub had a server error (502); try again later' });
    const newer = moveCard(doc, { ref: 'kyv', to: 'review', reason: 'board', at: T2, entryId: 'wb2' }).doc;
    expect(completeOutboxEntry(newer, 'wb1').doc.outbox.map((o) => o.id)).toEqual(['wb2']);
    expect(completeOutboxEntry(doc, 'wb1').doc.outbox).toEqual([]);
    expect(dropOutboxFor(newer, 'kyv').doc.outbox).toEqual([]);
  });
});
