/** The timebox phases, in board order. The ids are part of the CLI contract. */
export const PHASES = ['intake', 'meet-greet', 'follow-up', 'draft', 'review', 'done'] as const;

export type Phase = (typeof PHASES)[number];

/** Column titles as the board shows them (the UI contract names columns by these). */
export const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  intake: 'Intake',
  'meet-greet': 'Meet & greet',
  'follow-up': 'Follow-up',
  draft: 'Self-assessment draft',
  review: 'In review',
  done: 'Done',
};

/** A phase's window in weeks from kickoff; `end` is the week whose last day closes it. */
export interface PhaseWindow {
  readonly start: number;
  readonly end: number;
}

/** Phases that have a deadline; `done` has none. */
export type TimedPhase = Exclude<Phase, 'done'>;

/** The pilot's timebox: intake closes at kickoff, then weeks 1, 4, 6–8 and 12–16. */
export const DEFAULT_WINDOWS: Readonly<Record<TimedPhase, PhaseWindow>> = {
  intake: { start: 0, end: 0 },
  'meet-greet': { start: 1, end: 1 },
  'follow-up': { start: 4, end: 4 },
  draft: { start: 6, end: 8 },
  review: { start: 12, end: 16 },
};

/** Type guard for text from the command line, a file or the network. */
export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** Position on the board, for sorting and "moved forward or back" decisions. */
export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}
