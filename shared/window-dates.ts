/**
 * A round's timebox as calendar days for one kickoff: what the round dialog previews ("with a
 * kickoff on 2 Mar, Draft runs 7 Apr – 27 Apr"), so a coordinator sees what week numbers mean.
 * Week N is days (N−1)·7+1 … N·7 after the kickoff (the day a window closes is shared/due.ts's
 * `windowEnd`); week 0 is the kickoff itself. Pure.
 */
import { addDays, type IsoDate } from './dates.js';
import { windowEnd } from './due.js';
import type { TimedPhase } from './phases.js';
import type { Windows } from './schema.js';
import { TIMED_PHASES } from './windows.js';

/** One phase's window as days. */
export interface WindowDates {
  readonly phase: TimedPhase;
  /** The first day of the window's first week (the kickoff for week 0). */
  readonly start: IsoDate;
  /** The day the window closes (its last week's last day): what due dates and badges use. */
  readonly end: IsoDate;
}

/** The first day of week `week` after `kickoff` (week 0: the kickoff). */
export function weekStart(kickoff: IsoDate, week: number): IsoDate {
  return week <= 0 ? kickoff : addDays(kickoff, (week - 1) * 7 + 1);
}

/** Every timed phase's window as days for a kickoff, in board order. */
export function windowDates(kickoff: IsoDate, windows: Windows): WindowDates[] {
  return TIMED_PHASES.map((phase) => ({ phase, start: weekStart(kickoff, windows[phase].start), end: windowEnd(kickoff, phase, windows) }));
}
