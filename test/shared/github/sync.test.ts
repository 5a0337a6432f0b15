import { describe, expect, it } from 'vitest';
import { addEngagement, addNote, editEngagement } from '../../../shared/engagements.js';
import type { IssueSnapshot } from '../../../shared/github/issue.js';
import { applySyncResult, recordSync, resolveConflict, type SyncResult } from '../../../shared/github/sync.js';
import type { Phase } from '../../../shared/phases.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';
import { moveCard } from '../../../shared/move.js';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-03T10:00:00.000Z';
const T3 = '2026-11-04T10:00:00.000Z';
const ISSUE = 'cncf/tag-security#1200';

function linked(): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'Kyverno', issue: ISSUE }, { id: 'kyv', at: T0 }).doc;
  doc = addNote(doc, 'kyv', { kind: 'meet-greet', text: 'kept word for word' }, { id: 'n01', at: T0 }).doc;
  return doc;
}

function fetched(labels: string[], extra: Partial<IssueSnapshot> = {}): SyncResult {
  const snapshot: IssueSnapshot = {
    ref: { owner: 'cncf', repo: 'tag-security', number: 1200, kind: 'issue' },
    state: 'open',
    title: '[Security Pals] Kyverno',
    labels,
    assignees: ['pal-a'],
    milestone: null,
    comments: 3,
    updatedAt: T0,
    ...extra,
  };
  return { kind: 'fetched', snapshot, etag: 'W/"e1"' };
}

const card = (doc: StoreDoc) => doc.engagements.find((e) => e.id === 'kyv')!;
const sync = (doc: StoreDoc, result: SyncResult, at: string) => applySyncResult(doc, 'kyv', card(doc).github!.issue, result, at);
const label = (phase: Phase) => [`pals/${phase}`];

describe('applying a sync', () => {
  it('follows GitHub when the card was not moved here since the last sync (source github)', () => {
    let doc = sync(linked(), fetched(label('meet-greet')), T1).doc;
    expect(card(doc).phase).toBe('meet-greet');
    const applied = sync(doc, fetched(label('draft')), T2);
    doc = applied.doc;
    expect(applied.value).toEqual({
      outcome: 'followed',
      moved: { ref: 'kyv', name: 'Kyverno', from: 'meet-greet', to: 'draft', because: 'label "pals/draft"' },
    });
    expect(card(doc)).toMatchObject({ phase: 'draft', github: { suggestedPhase: 'draft', conflict: null, syncedAt: T2, etag: 'W/"e1"' } });
    // The one move (shared/move.ts) records why, and dates the card's change like any other move.
    expect(card(doc).history.at(-1)).toEqual({
      from: 'meet-greet',
      to: 'draft',
      at: T2,
      source: 'github',
      reason: 'sync',
      because: 'label "pals/draft"',
    });
    expect(card(doc).updatedAt).toBe(T2);
  });

  it('records a conflict when both sides moved, and moves nothing', () => {
    let doc = sync(linked(), fetched(label('meet-greet')), T1).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: '2026-11-02T12:00:00.000Z' }).doc;
    const applied = sync(doc, fetched(label('draft')), T2);
    expect(applied.value).toEqual({ outcome: 'conflict', moved: null });
    expect(card(applied.doc).phase).toBe('follow-up');
    expect(card(applied.doc).github!.conflict).toEqual({ local: 'follow-up', remote: 'draft', detectedAt: T2 });
    expect(card(applied.doc).history.filter((h) => h.source === 'github')).toHaveLength(1);
  });

  it('lets a local move stand while GitHub says what it said before (no conflict, no overwrite)', () => {
    let doc = sync(linked(), fetched(label('meet-greet')), T1).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: '2026-11-02T12:00:00.000Z' }).doc;
    doc = sync(doc, fetched(label('meet-greet')), T2).doc;
    expect(card(doc).phase).toBe('follow-up');
    expect(card(doc).github!.conflict).toBeNull();
    doc = sync(doc, { kind: 'unchanged' }, T3).doc;
    expect(card(doc)).toMatchObject({ phase: 'follow-up', github: { conflict: null, syncedAt: T3 } });
  });

  it('on the first sync, follows an untouched card but never one the coordinator moved', () => {
    expect(card(sync(linked(), fetched(label('draft')), T1).doc).phase).toBe('draft');
    const moved = moveCard(linked(), { ref: 'kyv', to: 'meet-greet', reason: 'board', at: T0 }).doc;
    const applied = sync(moved, fetched(label('draft')), T1);
    expect(card(applied.doc).phase).toBe('meet-greet');
    expect(card(applied.doc).github!.conflict).toMatchObject({ local: 'meet-greet', remote: 'draft' });
  });

  it('keeps a pending conflict pending when GitHub moves again, until it agrees', () => {
    let doc = sync(linked(), fetched(label('meet-greet')), T1).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: '2026-11-02T12:00:00.000Z' }).doc;
    doc = sync(doc, fetched(label('draft')), T2).doc;
    doc = sync(doc, fetched([], { state: 'closed' }), T3).doc;
    expect(card(doc).phase).toBe('follow-up');
    expect(card(doc).github!.conflict).toEqual({ local: 'follow-up', remote: 'done', detectedAt: T3 });
    doc = sync(doc, fetched(label('follow-up')), '2026-11-05T10:00:00.000Z').doc;
    expect(card(doc).github!.conflict).toBeNull();
  });

  it('resolves a conflict either way, and a second click changes nothing', () => {
    let doc = sync(linked(), fetched(label('meet-greet')), T1).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: '2026-11-02T12:00:00.000Z' }).doc;
    doc = sync(doc, fetched(label('draft')), T2).doc;

    const taken = resolveConflict(doc, 'kyv', 'take-github', T3, 'wb-r');
    expect(taken.value).toMatchObject({ phase: 'draft', github: { conflict: null } });
    expect(taken.value.history.at(-1)).toMatchObject({ from: 'follow-up', to: 'draft', source: 'github' });
    expect(resolveConflict(taken.doc, 'kyv', 'take-github', T3, 'wb-r').doc).toBe(taken.doc);

    const kept = resolveConflict(doc, 'kyv', 'keep-local', T3, 'wb-r');
    expect(kept.value).toMatchObject({ phase: 'follow-up', github: { conflict: null } });
    // GitHub still says draft: that was settled, so the next sync leaves the card alone.
    const after = sync(kept.doc, fetched(label('draft')), '2026-11-05T10:00:00.000Z').doc;
    expect(card(after)).toMatchObject({ phase: 'follow-up', github: { conflict: null } });
  });

  it('stores what GitHub says, follows a transferred issue, and touches nothing else', () => {
    const before = linked();
    const moved = fetched(['pals/intake', 'good first issue'], {
      ref: { owner: 'kyverno', repo: 'community', number: 7, kind: 'issue' },
      milestone: 'v1',
    });
    const doc = sync(before, moved, T1).doc;
    const { github, ...rest } = card(doc);
    expect({ ...rest, github: card(before).github }).toEqual(card(before));
    expect(github).toEqual({
      issue: 'kyverno/community#7',
      url: 'https://github.com/kyverno/community/issues/7',
      kind: 'issue',
      state: 'open',
      title: '[Security Pals] Kyverno',
      labels: ['pals/intake', 'good first issue'],
      assignees: ['pal-a'],
      milestone: 'v1',
      comments: 3,
      updatedAt: T0,
      syncedAt: T1,
      etag: 'W/"e1"',
      suggestedPhase: 'intake',
      conflict: null,
      error: null,
    });
    expect(card(doc).notes[0]!.text).toBe('kept word for word');
  });

  it('marks a broken link with its error only, and clears it on the next success', () => {
    const ok = sync(linked(), fetched(label('draft')), T1).doc;
    const broken = sync(ok, { kind: 'failed', error: 'the issue is gone or private (404)' }, T2).doc;
    expect(card(broken)).toEqual({ ...card(ok), github: { ...card(ok).github!, error: 'the issue is gone or private (404)' } });
    expect(card(sync(broken, fetched(label('draft')), T3).doc).github!.error).toBeNull();
  });

  it('skips a result for an issue the card no longer links (re-linked or removed meanwhile)', () => {
    const doc = linked();
    const relinked = editEngagement(doc, 'kyv', { issue: 'cncf/tag-security#1' }, T1).doc;
    expect(applySyncResult(relinked, 'kyv', ISSUE, fetched(label('done')), T2)).toEqual({
      doc: relinked,
      value: { outcome: 'skipped', moved: null },
    });
    expect(applySyncResult(emptyDoc(), 'kyv', ISSUE, fetched([]), T2).value).toEqual({ outcome: 'skipped', moved: null });
  });

  it('records the last sync for the status chip', () => {
    const record = { at: T1, checked: 3, updated: 1, unchanged: 1, failed: 1, error: null, rateLimit: null };
    expect(recordSync(emptyDoc(), record).doc.settings.lastSync).toEqual(record);
  });
});
