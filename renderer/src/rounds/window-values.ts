/**
 * A round's windows as the dialog's number fields hold them (text), checked with the core's own
 * rules (shared/windows.ts) so a message shows beside the phase at fault before anything is sent.
 */
import { PalsError } from '../../../shared/errors.js';
import type { TimedPhase } from '../../../shared/phases.js';
import type { Windows } from '../../../shared/schema.js';
import { checkWindows, TIMED_PHASES } from '../../../shared/windows.js';

/** Each phase's start and end week as typed. */
export type WindowTexts = Readonly<Record<TimedPhase, { readonly start: string; readonly end: string }>>;

/** The field texts of stored windows. */
export function windowTexts(windows: Windows): WindowTexts {
  return Object.fromEntries(TIMED_PHASES.map((p) => [p, { start: String(windows[p].start), end: String(windows[p].end) }])) as Record<
    TimedPhase,
    { start: string; end: string }
  >;
}

/** Either the windows, or the message and the phase it is about (null: the whole table). */
export type CheckedWindows =
  { readonly ok: true; readonly windows: Windows } | { readonly ok: false; readonly phase: TimedPhase | null; readonly message: string };

const week = (text: string): number | null => (/^\s*\d{1,3}\s*$/.test(text) && Number(text) <= 104 ? Number(text) : null);

/** The phase a message of shared/windows.ts is about: it starts with the phase's id. */
export function phaseOfMessage(message: string): TimedPhase | null {
  // Longest first, so "meet-greet" is never read as another id's prefix.
  return (
    [...TIMED_PHASES].sort((a, b) => b.length - a.length).find((p) => message.startsWith(`${p}:`) || message.startsWith(`${p} `)) ?? null
  );
}

/** Reads the texts and checks them as the core will (whole weeks 0–104, in order, none overlapping). */
export function checkWindowTexts(texts: WindowTexts): CheckedWindows {
  const out = {} as Record<TimedPhase, { start: number; end: number }>;
  for (const phase of TIMED_PHASES) {
    const start = week(texts[phase].start);
    const end = week(texts[phase].end);
    if (start === null || end === null) return { ok: false, phase, message: `${phase}: a week is a whole number from 0 to 104` };
    out[phase] = { start, end };
  }
  try {
    checkWindows(out);
  } catch (error) {
    if (!(error instanceof PalsError)) throw error;
    return { ok: false, phase: phaseOfMessage(error.message), message: error.message };
  }
  return { ok: true, windows: out };
}
