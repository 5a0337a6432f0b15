/**
 * Applying what a sync learnt to the document, as pure operations the store can replay. A sync
 * only ever touches the engagement's `github` link, and its phase (with a history entry of
 * source 'github') when the card follows GitHub. It never overwrites a local choice silently:
 * when both sides moved, the link records a conflict for the coordinator to resolve.
 */
import type { Applied } from '../engagements.js';
import { findEngagement } from '../engagements.js';
import { movedLocallySince } from '../history.js';
import { moveCard } from '../move.js';
import { conflictNow } from './conflict.js';
import { transferRefusal } from './link-holder.js';
import { explainSuggestion, rulesFor } from './labels.js';
import type { IssueSnapshot } from './issue.js';
import type { SyncMove } from './report.js';
import { formatIssueRef, issueUrl } from '../issue-ref.js';
import type { Phase } from '../phases.js';
import type { Engagement, GithubLink, StoreDoc, SyncRecord } from '../schema.js';

/** What one request about a linked issue came back with. */
export type SyncResult =
  | { readonly kind: 'fetched'; readonly snapshot: IssueSnapshot; readonly etag: string | null }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'failed'; readonly error: string };

/** What applying a result did to the card. */
export type ApplyOutcome = 'skipped' | 'saved' | 'followed' | 'conflict';

/** What applying a result did, and the move it made (read from the move's own history entry), if any. */
export interface SyncApplied {
  readonly outcome: ApplyOutcome;
  readonly moved: SyncMove | null;
}

const only = (outcome: ApplyOutcome): SyncApplied => ({ outcome, moved: null });

function withSnapshot(link: GithubLink, snapshot: IssueSnapshot, etag: string | null): GithubLink {
  return {
    ...link,
    issue: formatIssueRef(snapshot.ref),
    url: issueUrl(snapshot.ref),
    kind: snapshot.ref.kind,
    state: snapshot.state,
    title: snapshot.title,
    labels: [...snapshot.labels],
    assignees: [...snapshot.assignees],
    milestone: snapshot.milestone,
    comments: snapshot.comments,
    updatedAt: snapshot.updatedAt,
    etag,
  };
}

function replace(doc: StoreDoc, next: Engagement): StoreDoc {
  return { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) };
}

/**
 * Three-way decision: base = what GitHub suggested at the last sync, remote = what it suggests
 * now, local = the card's phase. GitHub unchanged → the local choice stands. GitHub changed and
 * the card was not moved here since the last sync, nor has a change queued for its issue (a
 * held move pushed, a send refused earlier) → follow. Both changed → conflict. A pending
 * conflict stays pending (with the newest remote) until the coordinator resolves it.
 */
function decide(
  e: Engagement,
  link: GithubLink,
  remote: Phase | null,
  at: string,
  queued: boolean,
): { conflict: GithubLink['conflict']; follow: boolean } {
  if (remote === null || remote === e.phase) return { conflict: null, follow: false };
  if (link.conflict) {
    const same = link.conflict.remote === remote && link.conflict.local === e.phase;
    return { conflict: { local: e.phase, remote, detectedAt: same ? link.conflict.detectedAt : at }, follow: false };
  }
  if (link.syncedAt !== null && remote === link.suggestedPhase) return { conflict: null, follow: false };
  // Following GitHub here would leave a queued change to send an old phase over GitHub's new one.
  if (queued || movedLocallySince(e, link.syncedAt)) return { conflict: { local: e.phase, remote, detectedAt: at }, follow: false };
  return { conflict: null, follow: true };
}

/**
 * Applies one sync result to engagement `id`, if it still links the issue that was asked about
 * (`asked`); otherwise (unlinked, re-linked or deleted meanwhile) it changes nothing. A move it
 * makes is reported from the history entry the one move wrote (its real from, to and because),
 * so the report and the history cannot disagree.
 */
export function applySyncResult(doc: StoreDoc, id: string, asked: string, result: SyncResult, at: string): Applied<SyncApplied> {
  const e = doc.engagements.find((x) => x.id === id);
  const link = e?.github;
  if (!e || !link || link.issue !== asked) return { doc, value: only('skipped') };
  // A transfer to an issue another card links is not followed: the card keeps its link and says why.
  const taken = result.kind === 'fetched' ? transferRefusal(doc, id, link.issue, formatIssueRef(result.snapshot.ref)) : null;
  if (taken !== null) return { doc: replace(doc, { ...e, github: { ...link, error: taken } }), value: only('saved') };
  if (result.kind === 'failed') return { doc: replace(doc, { ...e, github: { ...link, error: result.error } }), value: only('saved') };
  const fresh = result.kind === 'fetched' ? withSnapshot(link, result.snapshot, result.etag) : link;
  const suggestion = explainSuggestion(fresh, rulesFor(doc, e));
  const remote = suggestion?.phase ?? null;
  const queued = doc.outbox.some((o) => o.engagementId === e.id);
  const { conflict, follow } = decide(e, link, remote, at, queued);
  const github: GithubLink = { ...fresh, suggestedPhase: remote, conflict, syncedAt: at, error: null };
  const linked = replace(doc, { ...e, github });
  if (!follow || suggestion === null) return { doc: linked, value: only(conflict ? 'conflict' : 'saved') };
  const moved = moveCard(linked, { ref: e.id, to: suggestion.phase, reason: 'sync', because: suggestion.because, at });
  const change = moved.value.change;
  const report: SyncMove | null =
    change && change.from !== null
      ? { ref: e.id, name: e.name, from: change.from, to: change.to, because: change.because ?? suggestion.because }
      : null;
  return { doc: moved.doc, value: { outcome: 'followed', moved: report } };
}

/** How a coordinator settles a conflict. */
export type ConflictChoice = 'keep-local' | 'take-github';

/**
 * Settles a conflict: keep the card where it is now (GitHub's current suggestion becomes the
 * base, so the same suggestion does not come back, and with write-back on the card's phase is
 * queued for the issue) or move it to GitHub's phase (dropping what was queued). Both go through
 * the one move (shared/move.ts). Without a conflict it changes nothing, so a repeated click is
 * harmless; one left over from before the card was moved to GitHub's phase is only cleared.
 */
export function resolveConflict(doc: StoreDoc, ref: string, choice: ConflictChoice, at: string, entryId: string): Applied<Engagement> {
  const e = findEngagement(doc, ref);
  if (!e.github?.conflict) return { doc, value: e };
  const conflict = conflictNow(e.phase, e.github.conflict);
  if (!conflict) {
    const cleared: Engagement = { ...e, github: { ...e.github, conflict: null } };
    return { doc: replace(doc, cleared), value: cleared };
  }
  const keep = choice === 'keep-local';
  const reason = keep ? 'conflict-keep-mine' : 'conflict-take-github';
  const next = moveCard(doc, { ref: e.id, to: keep ? e.phase : conflict.remote, reason, at, entryId }).doc;
  const current = findEngagement(next, e.id);
  const settled: Engagement = { ...current, github: { ...current.github!, conflict: null } };
  return { doc: replace(next, settled), value: settled };
}

/** Remembers the last sync's outcome for the status chip. */
export function recordSync(doc: StoreDoc, record: SyncRecord): Applied<SyncRecord> {
  return { doc: { ...doc, settings: { ...doc.settings, lastSync: record } }, value: record };
}
