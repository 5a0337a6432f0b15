/** The `pals board` text board: six columns that fit an 80-column terminal. */
import type { DueStateName } from '../../shared/due.js';
import { PHASES, type Phase } from '../../shared/phases.js';
import type { CardView } from '../../shared/view.js';
import { conflictLines } from './github-text.js';
import { fit, oneLine, wrap } from './text.js';

/** Short headers so six columns fit in 80 cells; the legend spells them out. */
const HEADERS: Readonly<Record<Phase, string>> = {
  intake: 'Intake',
  'meet-greet': 'Meet&greet',
  'follow-up': 'Follow-up',
  draft: 'SA draft',
  review: 'In review',
  done: 'Done',
};

const MARK: Readonly<Record<DueStateName, string>> = { none: '•', 'on-track': '•', 'due-soon': '~', overdue: '!' };

/** Renders the board; `columns` is the terminal width (at least 80 is assumed useful). */
export function renderBoard(engagements: readonly CardView[], today: string, columns = 80): string {
  const cellWidth = Math.max(10, Math.floor((Math.max(columns, 62) - (PHASES.length - 1) * 3) / PHASES.length));
  const byPhase = new Map<Phase, CardView[]>(PHASES.map((p) => [p, []]));
  for (const e of engagements) byPhase.get(e.phase)!.push(e);
  for (const list of byPhase.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const header = PHASES.map((p) => fit(HEADERS[p], cellWidth)).join(' │ ');
  const counts = PHASES.map((p) => fit(`(${byPhase.get(p)!.length})`, cellWidth)).join(' │ ');
  const rule = PHASES.map(() => '─'.repeat(cellWidth)).join('─┼─');
  // Each card is its name wrapped onto at most two lines, after a one-cell due mark.
  const cells = new Map<Phase, string[]>(
    PHASES.map((p) => [
      p,
      byPhase.get(p)!.flatMap((e) => {
        const mark = e.onHold ? '‖' : e.github?.conflict ? '≠' : MARK[e.due.state];
        return wrap(oneLine(e.name), cellWidth - 1, 2).map((line, i) => `${i === 0 ? mark : ' '}${line}`);
      }),
    ]),
  );
  const rows = Math.max(0, ...[...cells.values()].map((l) => l.length));
  const lines = [header, counts, rule];
  for (let i = 0; i < rows; i++) {
    lines.push(PHASES.map((p) => fit(cells.get(p)![i] ?? '', cellWidth)).join(' │ '));
  }
  if (rows === 0) lines.push('No engagements yet. Add one: pals add --name NAME --kickoff YYYY-MM-DD');
  lines.push(...conflictLines(engagements));
  lines.push('', `! overdue  ~ due soon  ‖ on hold  · today ${today} · SA = self-assessment`);
  return lines.map((l) => l.trimEnd()).join('\n');
}
