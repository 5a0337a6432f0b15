/**
 * Making user text literal inside a Marp deck. Every ASCII punctuation character is
 * backslash-escaped (CommonMark renders `\X` as X for any ASCII punctuation), so no name or note
 * can open a heading, a list, a link, an HTML tag, a comment directive, a slide break (`---`),
 * an emoji shortcode or math. Line breaks become spaces, so text stays inside its bullet.
 */

const PUNCTUATION = /[!-/:-@[-`{-~]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** User text as one trimmed line with no control characters: what both escapes start from. */
function oneLine(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .trim();
}

/** One line of literal text for a bullet, a table cell or a heading. */
export function literal(text: string): string {
  return oneLine(text).replace(PUNCTUATION, (c) => `\\${c}`);
}

/** Literal text for a table cell (pipes are escaped by `literal` too). */
export function cell(text: string): string {
  return literal(text) || ' ';
}

const MARKUP = /[\\`*_{}[\]<>#|!~$]/g;

/**
 * Lighter than `literal`, for documents people edit by hand (the self-assessment starter):
 * escapes only what can start markup mid-line, so URLs and punctuation stay readable.
 */
export function prose(text: string): string {
  return oneLine(text).replace(MARKUP, (c) => `\\${c}`);
}

/** A stored value as text to escape: the schema promises a string, but a value is escaped where it is written out whatever it promised. */
export function storedText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}
