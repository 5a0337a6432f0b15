/**
 * Write-back (opt-in per round): a card moved here sets its phase label on the linked issue.
 * The change waits in the document's outbox until a sync sends it, so it survives being offline
 * and restarts; one entry per engagement (the newest phase wins), removed only after success.
 */
import type { Applied } from '../engagements.js';
import { labelChangeFor, rulesFor, suggestPhase, type IssueSignals, type LabelChange } from './labels.js';
import type { Engagement, OutboxEntry, StoreDoc } from '../schema.js';

/** True when the engagement's round has write-back switched on and it links an issue. */
export function writesBack(doc: StoreDoc, e: Engagement): boolean {
  return e.github !== null && doc.rounds.find((r) => r.id === e.round)?.writeBack === true;
}

/**
 * Queues the card's current phase for its issue (replacing any older entry for it). Only the
 * target phase is stored: the labels are worked out when it is sent (`sendingChange`), under the
 * rules in force then. Nothing is queued when no rule can express the phase.
 */
export function enqueueWriteBack(doc: StoreDoc, engagementId: string, entryId: string, at: string): Applied<OutboxEntry | null> {
  const e = doc.engagements.find((x) => x.id === engagementId);
  if (!e || !writesBack(doc, e)) return { doc, value: null };
  if (!labelChangeFor(e.phase, rulesFor(doc, e))) return { doc, value: null };
  const entry: OutboxEntry = {
    id: entryId,
    engagementId,
    issue: e.github!.issue,
    phase: e.phase,
    createdAt: at,
    attempts: 0,
    lastError: null,
  };
  return { doc: { ...doc, outbox: [...doc.outbox.filter((o) => o.engagementId !== engagementId), entry] }, value: entry };
}

/**
 * Brings the outbox in line before a sync: drops entries whose card is gone, unlinked or in a
 * round without write-back. It queues nothing: a move made with write-back on queued its entry
 * when it was made (shared/move.ts, every host's one move), and a move made while it was off is
 * held (held.ts) until the coordinator asks for it, so switching write-back on sends nothing old.
 * Returns how many entries it dropped.
 */
export function reconcileOutbox(doc: StoreDoc): Applied<number> {
  const keep = doc.outbox.filter((o) => {
    const e = doc.engagements.find((x) => x.id === o.engagementId);
    return e !== undefined && writesBack(doc, e);
  });
  const dropped = doc.outbox.length - keep.length;
  return { doc: dropped === 0 ? doc : { ...doc, outbox: keep }, value: dropped };
}

/**
 * Whether a queued change may be sent now: only while GitHub's own phase has not moved since
 * the last sync (else sending would overwrite it silently; the sync records a conflict instead).
 */
export function mayWriteBack(doc: StoreDoc, engagementId: string, now: IssueSignals): boolean {
  const e = doc.engagements.find((x) => x.id === engagementId);
  const link = e?.github;
  // Write-back switched off meanwhile: nothing is written, and the entry goes at the next reconcile.
  if (!e || !link || link.conflict || !writesBack(doc, e)) return false;
  const remote = suggestPhase(now, rulesFor(doc, e));
  return remote === e.phase || remote === link.suggestedPhase;
}

/**
 * The label change a queued entry means now: its phase (a format-2 entry without one: the card's
 * phase) under the card's rules at the time of sending. Null when no rule can express it.
 */
export function sendingChange(doc: StoreDoc, entry: OutboxEntry): LabelChange | null {
  const e = doc.engagements.find((x) => x.id === entry.engagementId);
  if (!e) return null;
  return labelChangeFor(entry.phase ?? e.phase, rulesFor(doc, e));
}

/** Removes a sent entry (by id, so a newer entry queued meanwhile stays). */
export function completeOutboxEntry(doc: StoreDoc, entryId: string): Applied<boolean> {
  const next = doc.outbox.filter((o) => o.id !== entryId);
  return { doc: next.length === doc.outbox.length ? doc : { ...doc, outbox: next }, value: next.length !== doc.outbox.length };
}

/** Notes a failed attempt; the entry stays queued for the next sync. */
export function failOutboxEntry(doc: StoreDoc, entryId: string, error: string): Applied<boolean> {
  const found = doc.outbox.some((o) => o.id === entryId);
  const outbox = doc.outbox.map((o) => (o.id === entryId ? { ...o, attempts: o.attempts + 1, lastError: error.slice(0, 500) } : o));
  return { doc: found ? { ...doc, outbox } : doc, value: found };
}

/** Drops an engagement's queued change (the coordinator took GitHub's phase instead). */
export function dropOutboxFor(doc: StoreDoc, engagementId: string): Applied<number> {
  const outbox = doc.outbox.filter((o) => o.engagementId !== engagementId);
  return { doc: outbox.length === doc.outbox.length ? doc : { ...doc, outbox }, value: doc.outbox.length - outbox.length };
}
