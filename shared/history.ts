/**
 * A card's phase history as it really happened: a move may be dated in the past (`move --on`),
 * and the whole history may be rewritten from the card's dialog. Coordinators enter rounds after
 * the fact, so the dates must be true: real, not after today, and in order. Pure.
 */
import { dayNumber, dayOf, localNoon, type IsoDate } from './dates.js';

/** Re-exported: history days are wall-clock days (shared/dates.ts). */
export { dayOf };
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

/** The timestamp a move dated `on` gets: `now` when that is today, else local noon of that day. */
export function stampFor(on: IsoDate, today: IsoDate, now: string): string {
  return on === today ? now : localNoon(on);
}

/** `at`, or a millisecond after `after` when that is later (keeps a history in order within a day). */
export function notBefore(at: string, after: string | undefined): string {
  if (after === undefined) return at;
  const a = Date.parse(at);
  const b = Date.parse(after);
  return a > b ? at : new Date(b + 1).toISOString();
}

/**
 * The day number of `on`, refused when it is not a real date or after today. `what` starts the
 * message (a dialog's step); a caller that names the field its own way (the CLI's flag) adds it.
 */
export function checkDay(on: string, today: IsoDate, what?: string, field = 'on'): number {
  const lead = what === undefined ? '' : `${what}: `;
  const day = dayNumber(on);
  if (day === null) throw new PalsError('invalid-input', `${lead}${on} is not a real date (write YYYY-MM-DD)`, field);
  const now = dayNumber(today)!;
  if (day > now) throw new PalsError('invalid-input', `${lead}${on} is after today (${today}); a move cannot be in the future`, field);
  return day;
}

function replace(doc: StoreDoc, next: Engagement): StoreDoc {
  return { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) };
}

/** True when the coordinator moved the card (not GitHub, not its creation) after `since`. */
export function movedLocallySince(engagement: Pick<Engagement, 'history'>, since: string | null): boolean {
  const after = since === null ? -Infinity : Date.parse(since);
  return engagement.history.some((h) => h.source === 'local' && h.from !== null && Date.parse(h.at) > after);
}

/** The last real move (creation, `from: null`, is no move). */
export function lastMove(history: readonly PhaseChange[]): PhaseChange | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.from !== null) return history[i];
  return undefined;
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
    // A step kept as it was keeps everything it recorded (source, and why the card moved).
    history.push(kept ? { ...old, at } : { from, to: step.to, at, source: 'local' });
  });
  const next: Engagement = { ...current, phase: history[history.length - 1]!.to, history, updatedAt: now };
  return { doc: replace(doc, next), value: next };
}
