import { describe, expect, it } from 'vitest';
import { addEngagement, findEngagement } from '../../shared/engagements.js';
import { setGithubSettings } from '../../shared/github/settings.js';
import { applySyncResult, resolveConflict } from '../../shared/github/sync.js';
import { moveCard } from '../../shared/move.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-03T10:00:00.000Z';

function linked(writeBack: boolean, labels: string[] = ['pals/intake']): StoreDoc {
  let doc = setGithubSettings(emptyDoc(), { writeBack }).doc;
  doc = addEngagement(doc, { name: 'Kyverno', issue: 'kyverno/kyverno#12' }, { id: 'kyv', at: T0 }).doc;
  const snapshot = {
    ref: { owner: 'kyverno', repo: 'kyverno', number: 12, kind: 'issue' as const },
    state: 'open' as const,
    title: 'Kyverno',
    labels,
    assignees: [],
    milestone: null,
    comments: 0,
    updatedAt: T0,
  };
  return applySyncResult(doc, 'kyv', 'kyverno/kyverno#12', { kind: 'fetched', snapshot, etag: null }, T0).doc;
}

describe('the one move (moveCard)', () => {
  it('records who asked: board and cli moves are local; the history entry names the reason', () => {
    let doc = moveCard(linked(false), { ref: 'kyv', to: 'meet-greet', reason: 'board', at: T1 }).doc;
    doc = moveCard(doc, { ref: 'Kyverno', to: 'draft', reason: 'cli', at: T2 }).doc;
    expect(findEngagement(doc, 'kyv').history.slice(1)).toEqual([
      { from: 'intake', to: 'meet-greet', at: T1, source: 'local', reason: 'board' },
      { from: 'meet-greet', to: 'draft', at: T2, source: 'local', reason: 'cli' },
    ]);
    expect(findEngagement(doc, 'kyv').updatedAt).toBe(T2);
  });

  it('computes write-back as an effect of the move: queued for a coordinator’s move, never for a sync', () => {
    const board = moveCard(linked(true), { ref: 'kyv', to: 'review', reason: 'board', at: T1, entryId: 'wb1' });
    expect(board.value.writeBack).toBe('queue');
    expect(board.doc.outbox).toMatchObject([{ id: 'wb1', engagementId: 'kyv' }]);
    const sync = moveCard(linked(true), { ref: 'kyv', to: 'review', reason: 'sync', because: 'label "pals/review"', at: T1 });
    expect(sync.value.writeBack).toBeNull();
    expect(sync.doc.outbox).toEqual([]);
    expect(sync.value.change).toMatchObject({ source: 'github', reason: 'sync', because: 'label "pals/review"' });
    const off = moveCard(linked(false), { ref: 'kyv', to: 'review', reason: 'cli', at: T1, entryId: 'wb1' });
    expect([off.value.writeBack, off.doc.outbox]).toEqual([null, []]);
  });

  it('a move to the phase the card is in records nothing and queues nothing', () => {
    const doc = linked(true);
    const same = moveCard(doc, { ref: 'kyv', to: 'intake', reason: 'board', at: T1, entryId: 'wb1' });
    expect(same.doc).toBe(doc);
    expect(same.value).toMatchObject({ change: null, writeBack: null });
  });

  it('settles conflicts through the same move: keeping mine queues my phase, taking GitHub’s drops the queue', () => {
    let doc = moveCard(linked(true), { ref: 'kyv', to: 'follow-up', reason: 'board', at: T1, entryId: 'wb1' }).doc;
    const snapshot = {
      ...findEngagement(doc, 'kyv').github!,
      ref: { owner: 'kyverno', repo: 'kyverno', number: 12, kind: 'issue' as const },
    };
    const fetched = {
      kind: 'fetched' as const,
      etag: null,
      snapshot: { ...snapshot, state: 'open' as const, title: 'K', comments: 0, updatedAt: T2, labels: ['pals/draft'] },
    };
    doc = applySyncResult(doc, 'kyv', 'kyverno/kyverno#12', fetched, T2).doc;
    expect(findEngagement(doc, 'kyv').github!.conflict).toMatchObject({ local: 'follow-up', remote: 'draft' });

    const taken = resolveConflict(doc, 'kyv', 'take-github', T2, 'wb2');
    expect(taken.value.history.at(-1)).toMatchObject({ from: 'follow-up', to: 'draft', source: 'github', reason: 'conflict-take-github' });
    expect(taken.doc.outbox).toEqual([]);

    const kept = resolveConflict(doc, 'kyv', 'keep-local', T2, 'wb3');
    expect(kept.value.phase).toBe('follow-up');
    expect(kept.value.history).toEqual(findEngagement(doc, 'kyv').history);
    expect(kept.doc.outbox).toMatchObject([{ id: 'wb3', engagementId: 'kyv' }]);
  });

  it('refuses a backdated day in words that name no command-line flag (the CLI adds its own)', () => {
    const doc = moveCard(linked(false), {
      ref: 'kyv',
      to: 'meet-greet',
      reason: 'backdated',
      at: T2,
      backdate: { on: '2026-11-02', today: '2026-11-03' },
    }).doc;
    for (const on of ['2026-11-04', '2026-11-01', '2026-02-30']) {
      let message = '';
      try {
        moveCard(doc, { ref: 'kyv', to: 'draft', reason: 'backdated', at: T2, backdate: { on, today: '2026-11-03' } });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(new RegExp(`^${on} is `));
      expect(message).not.toMatch(/--/);
    }
  });
});
