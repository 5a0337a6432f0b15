/**
 * Insight across rounds (`pals insight`, the app's Insight view): per round, how many engagements,
 * how many done, the share finished on time, median days per phase against the planned window,
 * hours; per pal, engagements per round. Days come from the phase history (backdated moves make
 * it true). Pure: one pass over the engagements, so 5,000 of them stay quick.
 */
import { dayNumber, type IsoDate } from './dates.js';
import { daysInPhases, median } from './deck/time-in-phase.js';
import { roundSpans } from './round-spans.js';
import { dayOf } from './history.js';
import { PHASES, phaseIndex, type TimedPhase } from './phases.js';
import type { Engagement, Round, StoreDoc, Windows } from './schema.js';
import { TIMED_PHASES } from './windows.js';

export interface PhaseInsight {
  /** Median real days in the phase, over engagements that have left it; null when none has. */
  readonly medianDays: number | null;
  /** The window's planned length in days (from the previous window's end to this one's); null for intake. */
  readonly plannedDays: number | null;
  /** How many engagements the median is over. */
  readonly count: number;
}

export interface RoundInsight {
  readonly id: string;
  readonly name: string;
  readonly current: boolean;
  readonly engagements: number;
  readonly done: number;
  readonly onHold: number;
  /** Share (0–1) of the engagements due by now that finished within the round's windows; null when none is due yet. */
  readonly onTime: number | null;
  /** How many finished on time, and over how many (done with a kickoff, or past their last window). */
  readonly onTimeCount: number;
  readonly dueCount: number;
  readonly hoursMedian: number | null;
  readonly hoursTotal: number;
  readonly phases: Readonly<Record<TimedPhase, PhaseInsight>>;
}

export interface PalInsight {
  readonly pal: string;
  /** Engagements per round id (rounds where the pal had none are left out). */
  readonly rounds: Readonly<Record<string, number>>;
  readonly total: number;
}

export interface Insight {
  readonly today: IsoDate;
  readonly rounds: readonly RoundInsight[];
  readonly pals: readonly PalInsight[];
}

const tenth = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The planned length of a phase in days: from the previous window's end to its own (intake: none). */
export function plannedDays(windows: Windows, phase: TimedPhase): number | null {
  if (phase === 'intake') return null;
  const previous = PHASES[phaseIndex(phase) - 1] as TimedPhase;
  return (windows[phase].end - windows[previous].end) * 7;
}

/** The day an engagement reached done (its last move there), or null. */
export function finishedOn(e: Engagement): IsoDate | null {
  if (e.phase !== 'done') return null;
  for (let i = e.history.length - 1; i >= 0; i--) if (e.history[i]!.to === 'done') return dayOf(e.history[i]!.at);
  return dayOf(e.updatedAt);
}

/** Example cards stay out of a round that has real ones (as in the deck). */
function counted(list: readonly Engagement[]): readonly Engagement[] {
  const real = list.filter((e) => !e.example);
  return real.length > 0 ? real : list;
}

/**
 * `list`: the round's engagements now; `visited`: every engagement that spent time in the round
 * (those carried over to a later round too), whose days in each phase count for the part spent here.
 */
function roundInsight(
  round: Round,
  list: readonly Engagement[],
  visited: readonly Engagement[],
  current: boolean,
  today: number,
): RoundInsight {
  const days: number[][] = TIMED_PHASES.map(() => []);
  const hours: number[] = [];
  let done = 0;
  let onHold = 0;
  let onTimeCount = 0;
  let dueCount = 0;
  const last = round.windows.review.end * 7;
  for (const e of list) {
    if (e.phase === 'done') done++;
    if (e.onHold) onHold++;
    if (e.hours !== null) hours.push(e.hours);
    const kickoff = e.kickoff === null ? null : dayNumber(e.kickoff);
    if (kickoff === null) continue;
    const deadline = kickoff + last;
    const finished = finishedOn(e);
    if (finished !== null) {
      dueCount++;
      if (dayNumber(finished)! <= deadline) onTimeCount++;
    } else if (deadline < today) dueCount++;
  }
  for (const e of visited) {
    const spent = daysInPhases(e, round.id);
    TIMED_PHASES.forEach((p, i) => {
      const d = spent[p];
      if (d !== undefined) days[i]!.push(d);
    });
  }
  const phases = Object.fromEntries(
    TIMED_PHASES.map((p, i) => [
      p,
      { medianDays: tenth(median(days[i]!)), plannedDays: plannedDays(round.windows, p), count: days[i]!.length },
    ]),
  ) as Record<TimedPhase, PhaseInsight>;
  return {
    id: round.id,
    name: round.name,
    current,
    engagements: list.length,
    done,
    onHold,
    onTime: dueCount === 0 ? null : Math.round((onTimeCount / dueCount) * 1000) / 1000,
    onTimeCount,
    dueCount,
    hoursMedian: tenth(median(hours)),
    hoursTotal: tenth(hours.reduce((s, h) => s + h, 0))!,
    phases,
  };
}

/** Insight over every round (or one: `roundId`), in the rounds' order; pals sorted by name. */
export function insight(doc: StoreDoc, today: IsoDate, roundId?: string): Insight {
  const rounds = roundId === undefined ? doc.rounds : doc.rounds.filter((r) => r.id === roundId);
  const byRound = new Map<string, Engagement[]>(rounds.map((r) => [r.id, []]));
  const visitedBy = new Map<string, Engagement[]>(rounds.map((r) => [r.id, []]));
  for (const e of doc.engagements) {
    byRound.get(e.round)?.push(e);
    for (const id of new Set(roundSpans(e).map((s) => s.round))) visitedBy.get(id)?.push(e);
  }
  const todayNumber = dayNumber(today) ?? Number.POSITIVE_INFINITY;
  const perPal = new Map<string, Map<string, number>>();
  const out = rounds.map((r) => {
    const list = counted(byRound.get(r.id)!);
    for (const e of list) {
      for (const pal of new Set(e.pals)) {
        let counts = perPal.get(pal);
        if (!counts) perPal.set(pal, (counts = new Map<string, number>()));
        counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      }
    }
    return roundInsight(r, list, counted(visitedBy.get(r.id)!), r.id === doc.settings.currentRound, todayNumber);
  });
  const pals = [...perPal]
    .map(([pal, counts]) => ({ pal, rounds: Object.fromEntries(counts), total: [...counts.values()].reduce((s, n) => s + n, 0) }))
    .sort((a, b) => a.pal.localeCompare(b.pal));
  return { today, rounds: out, pals };
}
