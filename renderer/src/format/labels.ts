/** Words the UI shows for the core's ids (maturity, note kinds, due states, timebox windows). */
import type { DueStateName } from '../../../shared/due.js';
import type { Phase, PhaseWindow } from '../../../shared/phases.js';
import type { Maturity, NoteKind, Windows } from '../../../shared/schema.js';

/** Maturity levels as the CNCF writes them. */
export const MATURITY_LABELS: Readonly<Record<Maturity, string>> = {
  sandbox: 'Sandbox',
  incubating: 'Incubating',
  graduated: 'Graduated',
  archived: 'Archived',
};

/** Note kinds as the notes list shows them. */
export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  'meet-greet': 'Meet & greet',
  'follow-up': 'Follow-up',
  general: 'General',
};

/** Due states as the due filter offers them. */
export const DUE_FILTER_LABELS: Readonly<Record<DueStateName, string>> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'on-track': 'On track',
  none: 'No deadline',
};

/** What happens in each phase (PRODUCT.md), for the empty board's lesson on the timebox. */
export const PHASE_PURPOSES: Readonly<Record<Phase, string>> = {
  intake: 'Candidate project; record why it was selected.',
  'meet-greet': 'Program overview, the self-assessment template, first questions.',
  'follow-up': 'Progress, what to unblock, connections to other CNCF resources.',
  draft: 'Soft target for a draft self-assessment.',
  review: 'Self-assessment submitted to TAG Security for review.',
  done: 'Finished; retrospective notes captured.',
};

function weeks(w: PhaseWindow): string {
  return w.start === w.end ? `Week ${w.end}` : `Weeks ${w.start}–${w.end}`;
}

/** A phase's window in words: "Before kickoff", "Week 1", "Weeks 6–8". */
export function windowLabel(phase: Phase, windows: Windows): string {
  if (phase === 'done') return 'After review';
  if (phase === 'intake') return 'Before kickoff';
  return weeks(windows[phase]);
}
