/**
 * Held moves: a coordinator's move that GitHub's labels do not show and that write-back did not
 * queue (made while the round's write-back was off, or before the issue was linked). Switching
 * write-back on never sends them by itself; the coordinator sees them and pushes them on request.
 * Derived from what is stored (the card's phase and last move, the link's last sync, the outbox),
 * so nothing new is stored: a move made with write-back on queued its entry when it was made.
 * A held card stays held until it is pushed, GitHub's labels come to agree, or it is moved again.
 */
import type { Applied } from '../engagements.js';
import { lastMove } from '../history.js';
import type { Phase } from '../phases.js';
import type { Engagement, StoreDoc } from '../schema.js';
import { labelChangeFor, rulesFor } from './labels.js';
import { enqueueWriteBack, writesBack } from './outbox.js';

/** One held move, as `pals sync --json` (`held`) and the app list it. */
export interface HeldMove {
  /** The card's id (what `pals show` and `pals move` take). */
  readonly ref: string;
  readonly name: string;
  /** `owner/repo#n`, as the card links it. */
  readonly issue: string;
  readonly round: string;
  /** The card's phase (what a push would set). */
  readonly local: Phase;
  /** The phase GitHub's labels say at the last sync; null when they say none. */
  readonly remote: Phase | null;
}

/**
 * True when the card's phase is a move of the coordinator's that its issue does not show and
 * nothing will send: a write-back round, a link synced at least once (so GitHub's side is
 * known), no conflict and nothing queued, the last move made here (not a sync following GitHub),
 * and a rule that can express the phase.
 */
export function isHeld(doc: StoreDoc, e: Engagement): boolean {
  const link = e.github;
  if (!link || !writesBack(doc, e) || link.syncedAt === null || link.conflict !== null) return false;
  if (link.suggestedPhase === e.phase || doc.outbox.some((o) => o.engagementId === e.id)) return false;
  const last = lastMove(e.history);
  if (!last || last.source !== 'local' || last.to !== e.phase) return false;
  return labelChangeFor(e.phase, rulesFor(doc, e)) !== null;
}

function heldOf(e: Engagement): HeldMove {
  return { ref: e.id, name: e.name, issue: e.github!.issue, round: e.round, local: e.phase, remote: e.github!.suggestedPhase };
}

/** Every held move in board order; `roundId` narrows it to one round's cards. */
export function heldMoves(doc: StoreDoc, roundId?: string): HeldMove[] {
  return doc.engagements.filter((e) => (roundId === undefined || e.round === roundId) && isHeld(doc, e)).map(heldOf);
}

/**
 * Queues held moves for the next sync, as a move made with write-back on would have: `refs`
 * names the cards the coordinator saw in the preview (null: every held one). A card no longer
 * held (pushed meanwhile, moved, GitHub agreeing now) is left out, never queued blindly. `ids`
 * gives each card's entry id, so a replay queues the same entries. Returns what was queued.
 */
export function pushHeldMoves(
  doc: StoreDoc,
  refs: readonly string[] | null,
  ids: Readonly<Record<string, string>>,
  at: string,
): Applied<HeldMove[]> {
  const wanted = refs === null ? null : new Set(refs);
  let next = doc;
  const queued: HeldMove[] = [];
  for (const held of heldMoves(doc)) {
    const id = ids[held.ref];
    if ((wanted && !wanted.has(held.ref)) || id === undefined) continue;
    const entry = enqueueWriteBack(next, held.ref, id, at);
    if (entry.value) queued.push(held);
    next = entry.doc;
  }
  return { doc: next, value: queued };
}
