/**
 * A round's timebox as a coordinator edits it: `--weeks follow-up=3,draft=5-6` (CLI) or a few
 * windows from the round dialog, merged over the round's windows and checked as a whole
 * (windows in board order, none running backwards, none overlapping the one before).
 */
import { z } from 'zod';
import { PalsError } from './errors.js';
import { PHASES, type PhaseWindow, type TimedPhase } from './phases.js';
import type { Windows } from './schema.js';

/** The phases that have a window, in board order. */
export const TIMED_PHASES = PHASES.filter((p): p is TimedPhase => p !== 'done');

const Week = z.number().int().min(0).max(104);
const WindowInput = z.strictObject({ start: Week, end: Week });

/** Some of a round's windows (the rest stay as they are). */
export const WindowsPatchSchema = z.strictObject({
  intake: WindowInput.optional(),
  'meet-greet': WindowInput.optional(),
  'follow-up': WindowInput.optional(),
  draft: WindowInput.optional(),
  review: WindowInput.optional(),
});
export type WindowsPatch = z.infer<typeof WindowsPatchSchema>;

function refuse(message: string): never {
  throw new PalsError('invalid-input', message, 'windows');
}

const isTimed = (name: string): name is TimedPhase => (TIMED_PHASES as readonly string[]).includes(name);

/** How a window reads: `week 4` or `weeks 6–8`. */
export function describeWindow(w: PhaseWindow): string {
  return w.start === w.end ? `week ${w.start}` : `weeks ${w.start}–${w.end}`;
}

/**
 * Parses `PHASE=N|N-M,..` (the CLI's `--weeks`). Refuses an unknown phase, a phase named twice,
 * a week that is not a whole number 0–104 and a window that runs backwards, naming the part at fault.
 */
export function parseWeeks(text: string): WindowsPatch {
  const out: Partial<Record<TimedPhase, PhaseWindow>> = {};
  const parts = text.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) refuse('--weeks needs PHASE=N or PHASE=N-M, e.g. --weeks follow-up=3,draft=5-6');
  for (const part of parts) {
    if (part === '') continue;
    const m = /^([a-z-]+)\s*=\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?$/.exec(part);
    if (!m) refuse(`"${part}" is not PHASE=N or PHASE=N-M (e.g. draft=5-6)`);
    const [, phase, a, b] = m;
    if (!isTimed(phase!)) {
      const why = phase === 'done' ? 'done has no window' : `"${phase}" is not a phase`;
      refuse(`${why}; phases with a window: ${TIMED_PHASES.join(', ')}`);
    }
    if (out[phase] !== undefined) refuse(`${phase} is given twice in --weeks`);
    const start = Number(a);
    const end = b === undefined ? start : Number(b);
    if (start > 104 || end > 104) refuse(`${part}: weeks go from 0 to 104`);
    if (end < start) refuse(`${part}: the window runs backwards (week ${end} is before week ${start})`);
    out[phase] = { start, end };
  }
  return out;
}

/** Checks a whole timebox: each window in order, none backwards, none overlapping the previous one. */
export function checkWindows(windows: Windows): void {
  let previous: TimedPhase | null = null;
  for (const phase of TIMED_PHASES) {
    const w = windows[phase];
    if (w.end < w.start) refuse(`${phase}: the window runs backwards (week ${w.end} is before week ${w.start})`);
    if (previous !== null) {
      const p = windows[previous];
      if (w.start <= p.end) {
        refuse(
          `${phase} (${describeWindow(w)}) overlaps ${previous} (${describeWindow(p)}); ` +
            `each phase must start after the previous one ends`,
        );
      }
    }
    previous = phase;
  }
}

/** The round's windows with `patch` applied, checked as a whole (throws PalsError, changing nothing). */
export function mergeWindows(base: Windows, patch: WindowsPatch): Windows {
  const next: Windows = { ...base };
  for (const phase of TIMED_PHASES) {
    const w = patch[phase];
    if (w) next[phase] = { start: w.start, end: w.end };
  }
  checkWindows(next);
  return next;
}
