/** A label rule change previewed before it is saved: which cards the next sync would move, and why. */
import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../../shared/engagements.js';
import type { IssueSnapshot } from '../../../shared/github/issue.js';
import { setPhaseLabels } from '../../../shared/github/label-rules.js';
import { DEFAULT_LABEL_RULES } from '../../../shared/github/labels.js';
import { nextSyncEffects, previewLabelRules, previewPhaseLabels } from '../../../shared/github/rule-preview.js';
import { applySyncResult } from '../../../shared/github/sync.js';
import { moveCard } from '../../../shared/move.js';
import type { Phase } from '../../../shared/phases.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-03T10:00:00.000Z';
const NOW = '2026-11-04T10:00:00.000Z';

/** A card linked to issue `n`, created in `phase`, synced at T1 with `labels` (and `state`). */
function card(doc: StoreDoc, id: string, n: number, phase: Phase, labels: string[], state: 'open' | 'closed' = 'open'): StoreDoc {
  const issue = `cncf/tag-security#${String(n)}`;
  const added = addEngagement(doc, { name: id.toUpperCase(), issue, phase }, { id, at: T0 }).doc;
  const snapshot: IssueSnapshot = {
    ref: { owner: 'cncf', repo: 'tag-security', number: n, kind: 'issue' },
    state,
    title: id,
    labels,
    assignees: [],
    milestone: null,
    comments: 0,
    updatedAt: T0,
  };
  return applySyncResult(added, id, issue, { kind: 'fetched', snapshot, etag: null }, T1).doc;
}

/**
 * Three cards carrying `ready-for-review`, which no built-in rule knows (one in Meet & greet, two
 * phases before In review), one in its place, one the coordinator moved since the sync, one
 * closed but already Done, and one not linked at all.
 */
function board(): StoreDoc {
  let doc = emptyDoc();
  doc = card(doc, 'alpha', 1, 'meet-greet', ['security-pals', 'ready-for-review']);
  doc = card(doc, 'beta', 2, 'draft', ['ready-for-review']);
  doc = card(doc, 'gamma', 3, 'follow-up', ['Ready-For-Review', 'needs-triage']);
  doc = card(doc, 'delta', 4, 'draft', ['pals/draft']);
  doc = card(doc, 'eps', 5, 'intake', ['ready-for-review']);
  doc = moveCard(doc, { ref: 'eps', to: 'meet-greet', reason: 'board', at: T2 }).doc;
  doc = card(doc, 'zeta', 6, 'done', ['ready-for-review'], 'closed');
  return addEngagement(doc, { name: 'Unlinked', phase: 'meet-greet' }, { id: 'free', at: T0 }).doc;
}

describe('previewing a label rule change', () => {
  it('lists each card the next sync would move, from → to and why, and the new conflicts, saving nothing', () => {
    const doc = board();
    const before = JSON.stringify(doc);
    const preview = previewPhaseLabels(doc, 'default', 'review', ['pals/review', 'ready-for-review'], NOW);
    expect(preview.moves).toEqual([
      { ref: 'alpha', name: 'ALPHA', from: 'meet-greet', to: 'review', because: 'label "ready-for-review"' },
      { ref: 'beta', name: 'BETA', from: 'draft', to: 'review', because: 'label "ready-for-review"' },
      { ref: 'gamma', name: 'GAMMA', from: 'follow-up', to: 'review', because: 'label "ready-for-review"' },
    ]);
    expect(preview.conflicts).toEqual([{ ref: 'eps', name: 'EPS', local: 'meet-greet', remote: 'review' }]);
    expect(preview.round).toEqual({ id: 'default', name: doc.rounds[0]!.name });
    expect(preview.rules.filter((r) => r.phase === 'review').map((r) => r.label)).toEqual(['pals/review', 'ready-for-review']);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('says exactly what saving the rule and syncing (GitHub unchanged) then does', () => {
    const doc = board();
    const preview = previewPhaseLabels(doc, 'default', 'review', ['ready-for-review'], NOW);
    let saved = setPhaseLabels(doc, 'default', 'review', ['ready-for-review']).doc;
    for (const e of saved.engagements) if (e.github) saved = applySyncResult(saved, e.id, e.github.issue, { kind: 'unchanged' }, NOW).doc;
    const moved = saved.engagements.filter((e) => e.phase !== doc.engagements.find((d) => d.id === e.id)!.phase);
    expect(moved.map((e) => ({ ref: e.id, to: e.phase, because: e.history.at(-1)!.because }))).toEqual(
      preview.moves.map((m) => ({ ref: m.ref, to: m.to, because: m.because })),
    );
    expect(saved.engagements.filter((e) => e.github?.conflict).map((e) => e.id)).toEqual(preview.conflicts.map((c) => c.ref));
  });

  it('finds nothing to move when the rule changes no card’s phase', () => {
    const preview = previewPhaseLabels(board(), 'default', 'draft', ['pals/draft', 'writing'], NOW);
    expect(preview.moves).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    expect(nextSyncEffects(board(), NOW)).toEqual({ moves: [], conflicts: [] });
  });

  it('refuses what saving refuses, with the same messages', () => {
    const doc = board();
    for (const labels of [['security-pals'], ['pals/draft'], ['pals/review', '.']]) {
      let message = '';
      try {
        setPhaseLabels(doc, 'default', 'review', labels);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(() => previewPhaseLabels(doc, 'default', 'review', labels, NOW)).toThrow(message);
    }
    expect(() => previewPhaseLabels(doc, 'nope', 'review', ['x'], NOW)).toThrow(/no round "nope"/);
  });

  it('previews a whole table of rules (the app’s edit) and a card a rule takes out of a phase', () => {
    const doc = board();
    const rules = [
      ...DEFAULT_LABEL_RULES.filter((r) => r.phase !== 'draft'),
      { label: 'ready-for-review', phase: 'review' as const, family: 'pals', requires: [] },
    ];
    const preview = previewLabelRules(doc, 'default', rules, NOW);
    expect(preview.moves.map((m) => m.ref)).toEqual(['alpha', 'beta', 'gamma']);
    // delta keeps Self-assessment draft: with no rule for its label GitHub says nothing, and nothing moves it.
    expect(preview.moves.some((m) => m.ref === 'delta')).toBe(false);
    const clash = [...rules, { label: 'READY-for-review', phase: 'draft' as const, family: 'pals', requires: [] }];
    expect(() => previewLabelRules(doc, 'default', clash, NOW)).toThrow(/a label can mean only one phase/);
  });
});
