/**
 * Text for a terminal. Names and notes may contain anything (a hostile project name could
 * carry escape sequences that recolour or rewrite the screen), so everything a user typed is
 * passed through `oneLine` or `block` before it is printed. JSON output is never altered.
 */
import stringWidth from 'string-width';

// C0 and C1 control characters, and the bidi overrides that can reorder what is shown.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A single line: newlines become spaces, other controls become visible `\uXXXX`. */
export function oneLine(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(CONTROL, escapeChar)
    .replace(BIDI_OVERRIDE, escapeChar);
}

/** Multi-line text: keeps newlines and tabs, shows other controls as `\uXXXX`. */
export function block(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_KEEP_LINES, escapeChar);
}

/** Display width in terminal cells (wide CJK and emoji count 2). */
export function width(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts to at most `cells` columns, ending with "…" when something was cut. */
export function truncate(text: string, cells: number): string {
  if (width(text) <= cells) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (width(out + segment) > cells - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/** Pads with spaces to exactly `cells` columns (truncating first if needed). */
export function fit(text: string, cells: number): string {
  const cut = truncate(text, cells);
  return cut + ' '.repeat(Math.max(0, cells - width(cut)));
}
