/**
 * Syncs one linked engagement: fetch its issue (conditionally), send its queued write-back if
 * GitHub's phase has not moved meanwhile, then hand the result to the pass's saves (an
 * unchanged issue that changes nothing worth keeping is not saved at all).
 */
import type { IssueSnapshot } from '../../../shared/github/issue.js';
import { completeOutboxEntry, failOutboxEntry, mayWriteBack, sendingChange } from '../../../shared/github/outbox.js';
import { applySyncResult, type SyncResult } from '../../../shared/github/sync.js';
import { transferRefusal } from '../../../shared/github/link-holder.js';
import { formatIssueRef, parseIssueRef, type IssueRef } from '../../../shared/issue-ref.js';
import type { GithubLink } from '../../../shared/schema.js';
import type { PalsStore } from '../store/store.js';
import type { GithubClient } from './client.js';
import { fetchIssue, type SeeRate } from './fetch-issue.js';
import type { MovingChange, SyncChange } from './sync-saves.js';
import { engagementById, worthSaving } from './worth-saving.js';
import { labelWriteMessage, sendLabelChange } from './write-back.js';

/** A linked engagement as the sync found it when it started. */
export interface SyncTarget {
  readonly id: string;
  /** The `owner/repo#n` asked about: a result is applied only if the card still links it. */
  readonly issue: string;
}

/** What every per-issue step shares. */
export interface OneContext {
  readonly store: PalsStore;
  readonly client: GithubClient;
  readonly signal: AbortSignal;
  readonly seeRate: SeeRate;
  readonly at: () => string;
  /** Gathers a change for the pass's next store update (sync-saves.ts). */
  readonly save: (change: SyncChange) => void;
  /** The same for a change that may move a card: the move is kept for the pass's report. */
  readonly saveMoving: (change: MovingChange) => void;
  /** Takes the token out of a message before it is kept (a hostile server may echo it). */
  readonly hide: (text: string) => string;
}

/** `changed`: GitHub had news (a 200); `error`: this issue failed though the request worked. */
export interface OneOutcome {
  readonly changed: boolean;
  readonly error: string | null;
}

/** Applying a sync result as a pass's change: the document, and the card it moved, if it did. */
export function resultChange(id: string, asked: string, result: SyncResult, at: string): MovingChange {
  return (doc) => {
    const applied = applySyncResult(doc, id, asked, result, at);
    return { doc: applied.doc, value: applied.value.moved };
  };
}

/** The last snapshot a link holds (for write-back decisions after a 304). */
function snapshotOfLink(link: GithubLink, ref: IssueRef): IssueSnapshot {
  return {
    ref,
    state: link.state ?? 'open',
    title: link.title ?? '',
    labels: link.labels,
    assignees: link.assignees,
    milestone: link.milestone,
    comments: link.comments ?? 0,
    updatedAt: link.updatedAt ?? new Date(0).toISOString(),
  };
}

/** True when the answer (checked by fetch-issue.ts) names another issue than the link: GitHub moved it. */
function movedAway(link: IssueRef, now: IssueRef): boolean {
  return (
    link.owner.toLowerCase() !== now.owner.toLowerCase() || link.repo.toLowerCase() !== now.repo.toLowerCase() || link.number !== now.number
  );
}

/** Syncs one target; throws a request error for the caller to classify. */
export async function syncOne(ctx: OneContext, target: SyncTarget): Promise<OneOutcome> {
  const link = engagementById(ctx.store.doc, target.id)?.github;
  if (!link || link.issue !== target.issue) return { changed: false, error: null };
  const parsed = parseIssueRef(link.issue);
  if ('error' in parsed) {
    const error = `the link "${link.issue}" is not an issue reference; link the issue again`;
    const at = ctx.at();
    ctx.save((doc) => applySyncResult(doc, target.id, target.issue, { kind: 'failed', error }, at).doc);
    return { changed: false, error };
  }
  const ref: IssueRef = { ...parsed, kind: link.kind };
  const fetched = await fetchIssue(ctx.client, ref, link.etag, ctx.signal, ctx.seeRate);
  let result: SyncResult = fetched;
  let error: string | null = null;
  // Moved to an issue another card links: not followed (one issue, one card), and reported.
  const taken =
    fetched.kind === 'fetched' ? transferRefusal(ctx.store.doc, target.id, link.issue, formatIssueRef(fetched.snapshot.ref)) : null;
  if (taken !== null) {
    const at = ctx.at();
    ctx.save((doc) => applySyncResult(doc, target.id, target.issue, { kind: 'failed', error: taken }, at).doc);
    return { changed: false, error: taken };
  }
  const entry = ctx.store.doc.outbox.find((o) => o.engagementId === target.id);
  const now = fetched.kind === 'fetched' ? fetched.snapshot : snapshotOfLink(link, ref);
  // Write-back goes to the stored link alone. An issue GitHub just moved gets its labels on the
  // next sync, once the card links (and shows) its new place.
  // The labels are worked out now, under the rules in force as it sends (shared/github/outbox.ts).
  const change = entry ? sendingChange(ctx.store.doc, entry) : null;
  if (entry && !change) ctx.save((doc) => completeOutboxEntry(doc, entry.id).doc); // no rule expresses its phase any more
  if (entry && change && !movedAway(ref, now.ref)) {
    if (mayWriteBack(ctx.store.doc, target.id, { state: now.state, labels: now.labels, kind: now.ref.kind })) {
      try {
        const labels = await sendLabelChange(ctx.client, ref, change, now.labels, ctx.signal, ctx.seeRate);
        ctx.save((doc) => completeOutboxEntry(doc, entry.id).doc);
        // Labels changed, so the stored etag is stale: the next sync fetches in full.
        result = { kind: 'fetched', snapshot: { ...now, labels }, etag: null };
      } catch (failure) {
        const said = labelWriteMessage(failure, change.setLabel, link.issue);
        if (said === null) throw failure;
        const message = ctx.hide(said);
        error = message;
        ctx.save((doc) => failOutboxEntry(doc, entry.id, message).doc);
      }
    }
  }
  const at = ctx.at();
  if (worthSaving(ctx.store.doc, target.id, target.issue, result, at)) {
    ctx.saveMoving(resultChange(target.id, target.issue, result, at));
  }
  return { changed: result.kind === 'fetched', error };
}
