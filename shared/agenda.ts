/**
 * Starting text for a new meeting note, drawn from the timebox (PRODUCT.md): what a pal covers
 * in the meet & greet and the follow-up, in the weeks of the engagement's own round. Plain
 * markdown the pal edits freely; action items live in the note's own list, not in the text.
 */
import { DEFAULT_WINDOWS } from './phases.js';
import type { NoteKind, Windows } from './schema.js';
import { describeWindow } from './windows.js';

const meetGreet = (w: Windows) => `## Meet & greet (${describeWindow(w['meet-greet'])})

### Overview of the program
- What Security Pals is, and what the timebox looks like (draft by ${describeWindow(w.draft)}, review by ${describeWindow(w.review)})
- Who does what: the pal helps; the project writes its self-assessment

### The self-assessment template
- Where the template lives (cncf/tag-security, the self-assessment guide) and how to start

### First questions
-

### Where the project stands
- Maturity and plans for graduation (security may not be top of mind for a new sandbox project)
- Who from the project owns the self-assessment
`;

const followUp = (w: Windows) => `## Follow-up (${describeWindow(w['follow-up'])})

### Questions since the meet & greet
-

### Progress on the self-assessment
-

### What can the pal unblock?
-

### Connections to other CNCF resources
-
`;

/** The template for a note of this kind in a round with these windows ('' for a general note). */
export function agendaFor(kind: NoteKind, windows: Windows = DEFAULT_WINDOWS): string {
  if (kind === 'meet-greet') return meetGreet(windows);
  if (kind === 'follow-up') return followUp(windows);
  return '';
}

// "week 4" and "weeks 6–8" read alike whatever the round's numbers: an agenda stays an agenda.
const WEEKS = /\bweeks? \d+(?:–\d+)?/g;
const withoutWeeks = (text: string) => text.replace(WEEKS, 'weeks');

/** True when `text` is this kind's agenda, untouched, in any round's weeks. */
export function isAgenda(text: string, kind: NoteKind): boolean {
  return withoutWeeks(text) === withoutWeeks(agendaFor(kind));
}

/** True when `line` is one of this kind's agenda lines (in any round's weeks), not something a pal wrote. */
export function isAgendaLine(line: string, kind: NoteKind): boolean {
  return agendaLines(kind).has(withoutWeeks(line));
}

const linesByKind = new Map<NoteKind, ReadonlySet<string>>();
function agendaLines(kind: NoteKind): ReadonlySet<string> {
  let lines = linesByKind.get(kind);
  if (!lines) linesByKind.set(kind, (lines = new Set(withoutWeeks(agendaFor(kind)).split('\n'))));
  return lines;
}
