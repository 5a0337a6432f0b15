/**
 * Text for a terminal. Names and notes may contain anything (a hostile project name could
 * carry escape sequences that recolour or rewrite the screen), so everything a user typed is
 * passed through `oneLine` or `block` before it is printed. JSON output is never altered.
 */

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
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_KEEP_LINES, escapeChar).replace(BIDI_OVERRIDE, escapeChar);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** string-width, once some text needed it: its Unicode tables cost ~30 ms to load, ASCII never needs them. */
let unicodeWidth: ((text: string) => number) | null = null;

/** Loads the Unicode width tables if any of `texts` is more than printable ASCII; call before laying out columns. */
export async function prepareWidths(texts: Iterable<string>): Promise<void> {
  if (unicodeWidth) return;
  for (const text of texts) {
    if (PRINTABLE_ASCII.test(text)) continue;
    unicodeWidth = (await import('string-width')).default;
    return;
  }
}

/** Display width in terminal cells (wide CJK and emoji count 2). */
export function width(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Without the tables (prepareWidths was not called) count graphemes: never wider than shown.
  return unicodeWidth ? unicodeWidth(text) : [...segmenter.segment(text)].length;
}

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

/** The words of `text` with the spaces after them; a hyphen ends a word too ("cert-" "manager"). */
function words(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)|(?<=-)(?=[^\s-])/).filter((w) => w.length > 0);
}

/**
 * Word-wraps to lines of at most `cells` columns, at most `maxLines` of them, breaking only
 * between words (never "Crossplan/e"): a word wider than a line is cut with "…", and so is the
 * last line when the text goes on.
 */
export function wrap(text: string, cells: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const all = words(text.trim());
  for (let i = 0; i < all.length; i++) {
    const word = all[i]!;
    if (width((line + word).trimEnd()) <= cells) {
      line += word;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // The last line: end it at a word with "…" when one fits, else cut what is there.
      const atWord = `${line.trimEnd()}…`;
      return [...lines, line.trim() && width(atWord) <= cells ? atWord : truncate((line + all.slice(i).join('')).trimEnd(), cells)];
    }
    if (line) lines.push(line.trimEnd());
    line = word;
    if (width(line.trimEnd()) > cells) {
      // One word wider than a line: it stands alone, cut ("Kubernetes-sigs" → "Kubernetes…").
      lines.push(truncate(line.trimEnd(), cells));
      line = '';
      const last = lines[lines.length - 1]!;
      if (lines.length === maxLines && i < all.length - 1) {
        if (!last.endsWith('…')) lines[lines.length - 1] = truncate(`${last}…`, cells);
        return lines;
      }
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines.slice(0, maxLines);
}
