/**
 * Starting text for a new meeting note, drawn from the timebox (PRODUCT.md): what a pal covers
 * in the week-1 meet & greet and the week-4 follow-up. Plain markdown the pal edits freely;
 * action items live in the note's own list, not in the text.
 */
import type { NoteKind } from './schema.js';

const MEET_GREET = `## Meet & greet (week 1)

### Overview of the program
- What Security Pals is, and what the timebox looks like (draft by weeks 6–8, review by weeks 12–16)
- Who does what: the pal helps; the project writes its self-assessment

### The self-assessment template
- Where the template lives (cncf/tag-security, the self-assessment guide) and how to start

### First questions
-

### Where the project stands
- Maturity and plans for graduation (security may not be top of mind for a new sandbox project)
- Who from the project owns the self-assessment
`;

const FOLLOW_UP = `## Follow-up (week 4)

### Questions since the meet & greet
-

### Progress on the self-assessment
-

### What can the pal unblock?
-

### Connections to other CNCF resources
-
`;

/** The template for a note of this kind ('' for a general note). */
export function agendaFor(kind: NoteKind): string {
  if (kind === 'meet-greet') return MEET_GREET;
  if (kind === 'follow-up') return FOLLOW_UP;
  return '';
}
