/**
 * A card's phase history as it really happened: a move may be dated in the past (`move --on`),
 * and the whole history may be rewritten from the card's dialog. Coordinators enter rounds after
 * the fact, so the dates must be true: real, not after today, and in order. Pure.
 */
import { dayNumber, type IsoDate } from './dates.js';
import type { Applied } from './engagements.js';
import { findEngagement } from './engagements.js';
import { PalsError } from './errors.js';
import type { Phase } from './phases.js';
import type { Engagement, PhaseChange, StoreDoc } from './schema.js';

/** One step of a history as the dialog edits it: the phase entered and the day. */
export interface HistoryStep {
  readonly to: Phase;
  readonly on: IsoDate;
}

/** The calendar day of a stored timestamp (its UTC date, as the history shows it). */
export function dayOf(at: string): IsoDate {
  return at.slice(0, 10);
}

/** The timestamp a move dated `on` gets: `now` when that is today, else noon UTC of that day. */
export function stampFor(on: IsoDate, today: IsoDate, now: string): string {
  return on === today ? now : `${on}T12:00:00.000Z`;
}

/** `at`, or a millisecond after `after` when that is later (keeps a history in order within a day). */
function notBefore(at: string, after: string | undefined): string {
  if (after === undefined) return at;
  const a = Date.parse(at);
  const b = Date.parse(after);
  return a > b ? at : new Date(b + 1).toISOString();
}

function checkDay(on: string, today: IsoDate, what: string): number {
  const day = dayNumber(on);
  if (day === null) throw new PalsError('invalid-input', `${what}: ${on} is not a real date (write YYYY-MM-DD)`, 'on');
  const now = dayNumber(today)!;
  if (day > now) throw new PalsError('invalid-input', `${what}: ${on} is after today (${today}); a move cannot be in the future`, 'on');
  return day;
}

function replace(doc: StoreDoc, next: Engagement): StoreDoc {
  return { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) };
}

/** The last real move (creation, `from: null`, is no move). */
function lastMove(history: readonly PhaseChange[]): PhaseChange | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.from !== null) return history[i];
  return undefined;
}

/**
 * Moves a card on a given day. Refused when the day is not real, after today, or before the
 * card's previous move. A day before the card was created pulls its creation entry back to it
 * (time in the first phase cannot be negative). A move to the phase it is in changes nothing.
 */
export function moveOn(
  doc: StoreDoc,
  ref: string,
  phase: Phase,
  on: IsoDate,
  today: IsoDate,
  now: string,
  source: 'local' | 'github' = 'local',
): Applied<Engagement> {
  const current = findEngagement(doc, ref);
  const day = checkDay(on, today, '--on');
  const previous = lastMove(current.history);
  if (previous && day < dayNumber(dayOf(previous.at))!) {
    throw new PalsError(
      'invalid-input',
      `--on: ${on} is before ${current.name}'s previous move (to ${previous.to} on ${dayOf(previous.at)}); moves stay in order`,
      'on',
    );
  }
  if (current.phase === phase) return { doc, value: current };
  const last = current.history[current.history.length - 1];
  let at = stampFor(on, today, now);
  if (previous) at = notBefore(at, last?.at);
  const history = current.history.map((h) => (h.from === null && Date.parse(h.at) > Date.parse(at) ? { ...h, at } : h));
  const next: Engagement = {
    ...current,
    phase,
    history: [...history, { from: current.phase, to: phase, at, source }],
    updatedAt: now,
  };
  return { doc: replace(doc, next), value: next };
}

/**
 * Replaces a card's phase history with `steps` (the first is where it started). Each day must be
 * real, not after today and not before the step above it; a step must change the phase. A step
 * kept as it was (same phase, same day, same place) keeps its exact time and source. The card's
 * phase becomes the last step's.
 */
export function editHistory(doc: StoreDoc, ref: string, steps: readonly HistoryStep[], today: IsoDate, now: string): Applied<Engagement> {
  const current = findEngagement(doc, ref);
  if (steps.length === 0) throw new PalsError('invalid-input', 'a history needs at least the phase the engagement started in', 'history');
  let previousDay = -Infinity;
  const history: PhaseChange[] = [];
  steps.forEach((step, i) => {
    const what = `step ${i + 1} (${step.to})`;
    const day = checkDay(step.on, today, what);
    if (day < previousDay) {
      throw new PalsError(
        'invalid-input',
        `${what}: ${step.on} is before the step above it (${steps[i - 1]!.on}); keep the moves in order`,
        'history',
      );
    }
    if (i > 0 && steps[i - 1]!.to === step.to) {
      throw new PalsError(
        'invalid-input',
        `${what}: it is already in ${step.to} at the step above; a move must change the phase`,
        'history',
      );
    }
    previousDay = day;
    const from = i === 0 ? null : steps[i - 1]!.to;
    const old = current.history[i];
    const kept = old && old.to === step.to && old.from === from && dayOf(old.at) === step.on;
    const at = notBefore(kept ? old.at : stampFor(step.on, today, now), history[i - 1]?.at);
    history.push({ from, to: step.to, at, source: kept ? old.source : 'local' });
  });
  const next: Engagement = { ...current, phase: history[history.length - 1]!.to, history, updatedAt: now };
  return { doc: replace(doc, next), value: next };
}
