import { addDays, daysBetween, type IsoDate } from './dates.js';
import type { Phase, TimedPhase } from './phases.js';
import type { Windows } from './schema.js';

export type DueStateName = 'none' | 'on-track' | 'due-soon' | 'overdue';

/** The deadline a card is measured against, as `list --json` reports it. */
export interface DueState {
  readonly phase: Phase;
  readonly windowEnd: IsoDate | null;
  readonly state: DueStateName;
}

/** The day a phase's window closes: kickoff + its last week × 7 days (PRODUCT.md). */
export function windowEnd(kickoff: IsoDate, phase: TimedPhase, windows: Windows): IsoDate {
  return addDays(kickoff, windows[phase].end * 7);
}

/**
 * Due state of a card: `none` without a kickoff or once done; `overdue` after the window's
 * last day; `due-soon` within `dueSoonDays` before it (the last day included); else on track.
 */
export function dueState(
  input: { readonly phase: Phase; readonly kickoff: IsoDate | null },
  windows: Windows,
  today: IsoDate,
  dueSoonDays = 7,
): DueState {
  const { phase, kickoff } = input;
  if (phase === 'done' || kickoff === null) return { phase, windowEnd: null, state: 'none' };
  const end = windowEnd(kickoff, phase, windows);
  const left = daysBetween(today, end);
  const state = left < 0 ? 'overdue' : left <= dueSoonDays ? 'due-soon' : 'on-track';
  return { phase, windowEnd: end, state };
}
