/** The `pals board` text board: six columns that share the terminal's width (80 cells at the least). */
import type { DueStateName } from '../../shared/due.js';
import { PHASES, type Phase } from '../../shared/phases.js';
import type { CardView } from '../../shared/view.js';
import { conflictLines } from './github-text.js';
import { columnWidths, type ColumnNeed } from './column-widths.js';
import { fit, oneLine, width, wrap } from './text.js';

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

/** The separator between two columns. */
const SEP = ' │ ';
/** A card's name takes at most this many lines. */
const NAME_LINES = 3;
/** Narrower than this and the headers would be cut: the board is laid out for this width and overflows. */
const MIN_COLUMNS = 62;

/** What a column needs: its header and count, its longest word, its longest name (each after the one-cell mark). */
function need(header: string, count: string, names: readonly string[]): ColumnNeed {
  const longestWord = Math.max(0, ...names.flatMap((n) => n.split(/\s+|(?<=-)/).map(width)));
  return { min: Math.max(width(header), width(count)), words: 1 + longestWord, full: 1 + Math.max(0, ...names.map(width)) };
}

/** Renders the board for a terminal `columns` cells wide (see terminal-width.ts). */
export function renderBoard(engagements: readonly CardView[], today: string, columns = 80): string {
  const byPhase = new Map<Phase, CardView[]>(PHASES.map((p) => [p, []]));
  for (const e of engagements) byPhase.get(e.phase)!.push(e);
  for (const list of byPhase.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(PHASES.map((p) => [p, byPhase.get(p)!.map((e) => oneLine(e.name))]));
  const count = (p: Phase) => `(${byPhase.get(p)!.length})`;
  const budget = Math.max(columns, MIN_COLUMNS) - (PHASES.length - 1) * SEP.length;
  const widths = columnWidths(
    PHASES.map((p) => need(HEADERS[p], count(p), names.get(p)!)),
    budget,
  );
  const cellWidth = new Map(PHASES.map((p, i) => [p, widths[i]!]));
  const row = (text: (p: Phase) => string) => PHASES.map((p) => fit(text(p), cellWidth.get(p)!)).join(SEP);
  const header = row((p) => HEADERS[p]);
  const counts = row(count);
  const rule = PHASES.map((p) => '─'.repeat(cellWidth.get(p)!)).join('─┼─');
  // Each card is its name wrapped at word bounds onto at most three lines, after a one-cell due mark.
  const cells = new Map<Phase, string[]>(
    PHASES.map((p) => [
      p,
      byPhase.get(p)!.flatMap((e, i) => {
        const mark = e.onHold ? '‖' : e.github?.conflict ? '≠' : MARK[e.due.state];
        return wrap(names.get(p)![i]!, cellWidth.get(p)! - 1, NAME_LINES).map((line, j) => `${j === 0 ? mark : ' '}${line}`);
      }),
    ]),
  );
  const rows = Math.max(0, ...[...cells.values()].map((l) => l.length));
  const lines = [header, counts, rule];
  for (let i = 0; i < rows; i++) {
    lines.push(row((p) => cells.get(p)![i] ?? ''));
  }
  const prose = (text: string) => wrap(text, Math.max(columns, MIN_COLUMNS), 3);
  if (rows === 0) lines.push(...prose('No engagements yet. Add one: pals add --name NAME --kickoff YYYY-MM-DD'));
  lines.push(...conflictLines(engagements));
  lines.push('', ...prose(`! overdue  ~ due soon  ‖ on hold  · today ${today} · SA = self-assessment`));
  return lines.map((l) => l.trimEnd()).join('\n');
}
