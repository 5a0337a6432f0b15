/**
 * How long engagements really spent in each phase, from their phase history (backdated moves
 * are dated the day they happened, so they count as such), beside the planned window. Pure
 * arithmetic on timestamps; durations in days.
 */
import { dayNumber, dayOf, MS_PER_DAY } from '../dates.js';
import { windowEnd } from '../due.js';
import { PHASES, phaseIndex, type Phase, type TimedPhase } from '../phases.js';
import { overlapWithRound, roundSpans } from '../round-spans.js';
import type { Engagement, Windows } from '../schema.js';

/**
 * Days the engagement spent in each phase it has left (the current phase is still open). With
 * `round`, only the days it spent while in that round count (a carried-over engagement's earlier
 * days stay with the earlier round); a phase it spent no time in within the round is left out.
 */
export function daysInPhases(engagement: Engagement, round?: string): Partial<Record<Phase, number>> {
  const out: Partial<Record<Phase, number>> = {};
  const h = engagement.history;
  const spans = round === undefined ? null : roundSpans(engagement);
  for (let i = 0; i + 1 < h.length; i++) {
    const start = Date.parse(h[i]!.at);
    const end = Date.parse(h[i + 1]!.at);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) continue;
    const ms = spans === null ? end - start : overlapWithRound(spans, round!, start, end);
    // A stay of no length (two moves at one instant) counts where that instant falls.
    if (spans !== null && ms <= 0 && !(end === start && spans.some((s) => s.round === round && start >= s.start && start < s.end)))
      continue;
    const phase = h[i]!.to;
    out[phase] = (out[phase] ?? 0) + ms / MS_PER_DAY;
  }
  return out;
}

/** The middle value (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PhaseTiming {
  readonly phase: TimedPhase;
  /** Planned length of the phase in days (from the previous window's end to this one's). */
  readonly plannedDays: number;
  readonly plannedWeeks: string;
  /** Median real days in the phase, over engagements that have left it; null if none has. */
  readonly actualDays: number | null;
  readonly count: number;
  /** Of the engagements with a kickoff that have left the phase, how many did so by its window's end. */
  readonly onTime: number;
  readonly finished: number;
}

const WORKING: readonly TimedPhase[] = ['meet-greet', 'follow-up', 'draft', 'review'];

/** Planned vs actual per working phase (intake has no planned length); with `round`, the days spent in that round only. */
export function phaseTimings(engagements: readonly Engagement[], windows: Windows, round?: string): PhaseTiming[] {
  const perEngagement = engagements.map((e) => daysInPhases(e, round));
  return WORKING.map((phase) => {
    const previous = PHASES[phaseIndex(phase) - 1] as TimedPhase;
    const plannedDays = (windows[phase].end - windows[previous].end) * 7;
    const w = windows[phase];
    const values = perEngagement.map((d) => d[phase]).filter((v): v is number => v !== undefined);
    const actual = median(values);
    const deadlines = engagements.map((e) => leftOnTime(e, phase, windows));
    return {
      phase,
      plannedDays,
      plannedWeeks: w.start === w.end ? `week ${w.end}` : `weeks ${w.start}–${w.end}`,
      actualDays: actual === null ? null : Math.round(actual * 10) / 10,
      count: values.length,
      onTime: deadlines.filter((d) => d === true).length,
      finished: deadlines.filter((d) => d !== null).length,
    };
  });
}

/**
 * Whether the engagement left `phase` (moved to a later one) by the end of its window, counted
 * from the kickoff; null when it has no kickoff or has not left the phase yet.
 */
export function leftOnTime(engagement: Engagement, phase: TimedPhase, windows: Windows): boolean | null {
  if (!engagement.kickoff) return null;
  const left = engagement.history.find(
    (h) => h.from !== null && phaseIndex(h.to) > phaseIndex(phase) && phaseIndex(h.from) <= phaseIndex(phase),
  );
  if (!left) return null;
  const due = dayNumber(windowEnd(engagement.kickoff, phase, windows));
  const day = dayNumber(dayOf(left.at));
  return due === null || day === null ? null : day <= due;
}
