/** Which sync results are worth a store write, and how a chunk of changes is applied: pure functions over documents. */
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../../electron/core/github/sync-saves.js';
import { worthSaving } from '../../../../electron/core/github/worth-saving.js';
import { addEngagement } from '../../../../shared/engagements.js';
import { applySyncResult, type SyncResult } from '../../../../shared/github/sync.js';
import { emptyDoc, type StoreDoc } from '../../../../shared/schema.js';
import { moveCard } from '../../../../shared/move.js';

const CREATED = '2026-11-01T09:00:00.000Z';
const FIRST_SYNC = '2026-11-02T09:00:00.000Z';
const NOW = '2026-11-27T10:00:00.000Z';
const unchanged: SyncResult = { kind: 'unchanged' };

/** One card linked to o/r#1, synced once (GitHub suggests draft, the card followed). */
function syncedDoc(): StoreDoc {
  const doc = addEngagement(emptyDoc(), { name: 'Kyverno', issue: 'o/r#1' }, { id: 'e1', at: CREATED }).doc;
  const snapshot = {
    ref: { owner: 'o', repo: 'r', number: 1, kind: 'issue' as const },
    state: 'open' as const,
    title: 'Kyverno',
    labels: ['pals/draft'],
    assignees: [],
    milestone: null,
    comments: 0,
    updatedAt: CREATED,
  };
  return applySyncResult(doc, 'e1', 'o/r#1', { kind: 'fetched', snapshot, etag: 'W/"1"' }, FIRST_SYNC).doc;
}

const link = (doc: StoreDoc) => doc.engagements[0]!.github!;

describe('worthSaving', () => {
  it('skips a 304 that would only move the sync time', () => {
    const doc = syncedDoc();
    expect(doc.engagements[0]!.phase).toBe('draft');
    expect(worthSaving(doc, 'e1', 'o/r#1', unchanged, NOW)).toBe(false);
  });

  it('keeps fetched and failed results, always', () => {
    const doc = syncedDoc();
    expect(worthSaving(doc, 'e1', 'o/r#1', { kind: 'failed', error: 'gone (404)' }, NOW)).toBe(true);
    const snapshot = { ref: { owner: 'o', repo: 'r', number: 1, kind: 'issue' as const }, state: 'open' as const, title: 'Kyverno' };
    const fetched = { ...snapshot, labels: ['pals/draft'], assignees: [], milestone: null, comments: 0, updatedAt: CREATED };
    expect(worthSaving(doc, 'e1', 'o/r#1', { kind: 'fetched', snapshot: fetched, etag: 'W/"1"' }, NOW)).toBe(true);
  });

  it('keeps a 304 that clears an error shown on the card', () => {
    const doc = syncedDoc();
    const broken: StoreDoc = { ...doc, engagements: [{ ...doc.engagements[0]!, github: { ...link(doc), error: 'timed out' } }] };
    expect(worthSaving(broken, 'e1', 'o/r#1', unchanged, NOW)).toBe(true);
  });

  it('keeps a 304 when the card was moved here since the last sync, so the next sync judges moves from now', () => {
    const moved = moveCard(syncedDoc(), { ref: 'e1', to: 'review', reason: 'board', at: '2026-11-10T09:00:00.000Z' }).doc;
    expect(worthSaving(moved, 'e1', 'o/r#1', unchanged, NOW)).toBe(true);
  });

  it('keeps a 304 whose suggestion changes because the label rules changed', () => {
    const doc = syncedDoc();
    const rules = [{ label: 'pals/draft', phase: 'review' as const, family: 'pals', requires: [] }];
    const ruled: StoreDoc = { ...doc, settings: { ...doc.settings, labelRules: rules } };
    expect(applySyncResult(ruled, 'e1', 'o/r#1', unchanged, NOW).doc).not.toEqual(ruled);
    expect(worthSaving(ruled, 'e1', 'o/r#1', unchanged, NOW)).toBe(true);
  });

  it('keeps a 304 for a link never synced, and skips cards no longer linked to the issue asked about', () => {
    const fresh = addEngagement(emptyDoc(), { name: 'New', issue: 'o/r#1' }, { id: 'e1', at: CREATED }).doc;
    expect(link(fresh).syncedAt).toBeNull();
    expect(worthSaving(fresh, 'e1', 'o/r#1', unchanged, NOW)).toBe(true);
    expect(worthSaving(syncedDoc(), 'e1', 'o/r#2', unchanged, NOW)).toBe(false);
    expect(worthSaving(syncedDoc(), 'gone', 'o/r#1', unchanged, NOW)).toBe(false);
  });
});

describe('applyChanges', () => {
  it('applies changes in order and leaves out one that throws, keeping the others', () => {
    const doc = syncedDoc();
    const rename = (name: string) => (d: StoreDoc) => ({
      doc: { ...d, engagements: d.engagements.map((e) => ({ ...e, name })) },
      value: null,
    });
    const next = applyChanges(doc, [
      rename('First'),
      () => {
        throw new Error('odd card');
      },
      rename('Second'),
    ]);
    expect(next.engagements[0]!.name).toBe('Second');
    expect(applyChanges(doc, [])).toBe(doc);
  });
});
