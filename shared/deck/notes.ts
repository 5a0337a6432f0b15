/**
 * Speaker notes ride in the deck as HTML comments (Marp shows them in its presenter view; the
 * PPTX export puts them on each slide's notes page). A comment Marp can read as YAML would be a
 * directive instead, so every note starts with a fixed plain line (then no YAML mapping can
 * parse). Markup characters are written as entities (`&lt;`), so a note can neither close its
 * comment nor hold a tag, a directive or a link even as text; a line that reads as a slide break
 * (`---`) becomes a dash, so no tool splits there. `notesFrom` reads them back as written.
 */

/** The first line of every note comment (dropped again when notes are read back). */
export const NOTES_MARK = 'Speaker notes';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '&#91;', ']': '&#93;' };
const BACK: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ENTITIES).map(([c, e]) => [e, c]));

/** A note as a comment for the end of a slide; '' for a blank note. */
export function notesComment(text: string): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>[\]]/g, (c) => ENTITIES[c]!)
    .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, '—')
    .trim();
  return body ? `<!--\n${NOTES_MARK}\n${body}\n-->` : '';
}

/** The notes of a slide from Marp's comments for it (ours without the mark and entities, others as written). */
export function notesFrom(comments: readonly string[]): string {
  return comments
    .map((c) => {
      if (c === NOTES_MARK) return '';
      if (!c.startsWith(`${NOTES_MARK}\n`)) return c;
      return c.slice(NOTES_MARK.length + 1).replace(/&(?:amp|lt|gt|#91|#93);/g, (e) => BACK[e]!);
    })
    .map((c) => c.trim())
    .filter(Boolean)
    .join('\n\n');
}
