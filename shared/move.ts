/**
 * The one way a card changes phase, whoever asks: a drag on the board, `pals move`, a move dated
 * in the past, a settled conflict, a sync following GitHub. It records why (the history entry's
 * `reason`, and for a sync what on GitHub caused it), and the write-back the move calls for is an
 * effect computed from the move here, not a second path. Pure: ids and times come in as values.
 */
import { dayNumber, type IsoDate } from './dates.js';
import type { Applied } from './engagements.js';
import { findEngagement } from './engagements.js';
import { PalsError } from './errors.js';
import { dropOutboxFor, enqueueWriteBack, writesBack } from './github/outbox.js';
import { checkDay, dayOf, lastMove, notBefore, stampFor } from './history.js';
import { PHASE_TITLES, type Phase } from './phases.js';
import type { Engagement, MoveReason, PhaseChange, StoreDoc } from './schema.js';

/** Everything a move needs, as values (so replaying it on a newer document gives the same result). */
export interface MoveRequest {
  /** The card: an id, or a name (any case). */
  readonly ref: string;
  readonly to: Phase;
  readonly reason: MoveReason;
  /** The instant the move is recorded. */
  readonly at: string;
  /** A move dated in the past: the day it happened and the coordinator's today (reason `backdated`). */
  readonly backdate?: { readonly on: IsoDate; readonly today: IsoDate };
  /** What on GitHub caused a sync's move (`label "pals/review"`). */
  readonly because?: string;
  /** The id a queued write-back gets (needed whenever the move may queue one). */
  readonly entryId?: string;
}

/** What a move asks of write-back: queue the card's phase for its issue, drop what is queued, or nothing. */
export type WriteBackEffect = 'queue' | 'drop' | null;

/** What a move did. */
export interface Moved {
  readonly engagement: Engagement;
  /** The history entry written; null when the card was already there. */
  readonly change: PhaseChange | null;
  readonly writeBack: WriteBackEffect;
}

/** Where a reason's move comes from, as the history's `source` (the sync's three-way merge reads it). */
const SOURCE: Readonly<Record<MoveReason, PhaseChange['source']>> = {
  board: 'local',
  cli: 'local',
  backdated: 'local',
  'conflict-keep-mine': 'local',
  'conflict-take-github': 'github',
  sync: 'github',
};

/**
 * The write-back a move calls for. A coordinator's move (board, CLI, backdated) in a round with
 * write-back puts GitHub in line; keeping one's own phase in a conflict does too; taking GitHub's
 * phase drops what was queued; a sync only follows GitHub, so it writes nothing back.
 */
export function writeBackEffect(doc: StoreDoc, card: Engagement, reason: MoveReason, moved: boolean): WriteBackEffect {
  if (reason === 'conflict-take-github') return 'drop';
  if (reason === 'sync' || !writesBack(doc, card)) return null;
  return moved || reason === 'conflict-keep-mine' ? 'queue' : null;
}

/** The stamp of a move dated `on`: refused after today or before the card's previous move. */
function backdatedStamp(card: Engagement, on: IsoDate, today: IsoDate, at: string): string {
  const day = checkDay(on, today);
  const previous = lastMove(card.history);
  if (previous && day < dayNumber(dayOf(previous.at))!) {
    throw new PalsError(
      'invalid-input',
      `${on} is before ${card.name}'s previous move (to ${PHASE_TITLES[previous.to]} on ${dayOf(previous.at)}); moves stay in order`,
      'on',
    );
  }
  const stamp = stampFor(on, today, at);
  return previous ? notBefore(stamp, card.history[card.history.length - 1]?.at) : stamp;
}

function replace(doc: StoreDoc, next: Engagement): StoreDoc {
  return { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) };
}

/** Applies a write-back effect to the document's outbox. */
function applyEffect(doc: StoreDoc, card: Engagement, effect: WriteBackEffect, request: MoveRequest): StoreDoc {
  if (effect === 'drop') return dropOutboxFor(doc, card.id).doc;
  if (effect !== 'queue') return doc;
  if (request.entryId === undefined) throw new Error(`a ${request.reason} move that queues a write-back needs an entryId`);
  return enqueueWriteBack(doc, card.id, request.entryId, request.at).doc;
}

/**
 * Moves a card and records why. A move to the phase it is in records nothing (a kept conflict
 * still queues its write-back). A backdated move before the card's creation pulls the creation
 * entry back to that day (time in the first phase cannot be negative).
 */
export function moveCard(doc: StoreDoc, request: MoveRequest): Applied<Moved> {
  const card = findEngagement(doc, request.ref);
  // A move now never lands before the card's last entry (a clock set back, a PALS_NOW before the
  // last move): it is stamped a millisecond after it, so the history stays in order.
  const at = request.backdate
    ? backdatedStamp(card, request.backdate.on, request.backdate.today, request.at)
    : notBefore(request.at, card.history[card.history.length - 1]?.at);
  let next = card;
  let change: PhaseChange | null = null;
  if (card.phase !== request.to) {
    change = {
      from: card.phase,
      to: request.to,
      at,
      source: SOURCE[request.reason],
      reason: request.reason,
      ...(request.because === undefined ? {} : { because: request.because.slice(0, 200) }),
    };
    const pull = request.backdate !== undefined;
    const history = card.history.map((h) => (pull && h.from === null && Date.parse(h.at) > Date.parse(at) ? { ...h, at } : h));
    next = { ...card, phase: request.to, history: [...history, change], updatedAt: request.at };
  }
  const effect = writeBackEffect(doc, card, request.reason, change !== null);
  const moved = next === card ? doc : replace(doc, next);
  return { doc: applyEffect(moved, next, effect, request), value: { engagement: next, change, writeBack: effect } };
}
