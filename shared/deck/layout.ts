/**
 * How tall a slide's content will be at 1280×720, so lists and tables are split by the room they
 * take rather than by a count of rows: each theme's measured type (font size, line height,
 * paddings, list and table spacing, the deck's own `table { font-size: 0.7em }`), text width
 * estimated from its characters (string-width: wide and combining characters counted right), and
 * a table's column widths found the way a browser's automatic table layout shares the width.
 * Estimates lean large: a slide split one row early is fine, a row off the edge is not.
 */
import stringWidth from 'string-width';
import type { DeckTheme } from './sections.js';

/** One theme's type and spacing, in CSS pixels on a 1280×720 slide (measured in Chromium). */
export interface ThemeMetrics {
  readonly font: number;
  /** Line height as a multiple of the font size. */
  readonly leading: number;
  readonly padX: number;
  readonly padY: number;
  /** The `# heading`'s font size and line height (px), and the space around it. */
  readonly headingFont: number;
  readonly headingLine: number;
  readonly headingGap: number;
  /** Space a list or table keeps above or below it. */
  readonly blockGap: number;
  /** Space above each list item. */
  readonly itemGap: number;
  /** How far each list level is indented. */
  readonly indent: number;
  /** Table cell padding, as a multiple of the table's font size. */
  readonly cellPadX: number;
  readonly cellPadY: number;
}

/** The deck's table font, relative to the slide's (build-deck.ts STYLE). */
export const TABLE_SCALE = 0.7;

export const THEME_METRICS: Readonly<Record<DeckTheme, ThemeMetrics>> = {
  gaia: {
    font: 35,
    leading: 1.35,
    padX: 70,
    padY: 70,
    headingFont: 63,
    headingLine: 85.05,
    headingGap: 0,
    blockGap: 35,
    itemGap: 10.5,
    indent: 40,
    cellPadX: 0.4,
    cellPadY: 0.2,
  },
  default: {
    font: 29,
    leading: 1.5,
    padX: 78.5,
    padY: 78.5,
    headingFont: 46.4,
    headingLine: 58,
    headingGap: 30,
    blockGap: 16,
    itemGap: 0,
    indent: 58,
    cellPadX: 0.45,
    cellPadY: 0.21,
  },
  uncover: {
    font: 40,
    leading: 1.4,
    padX: 70,
    padY: 30,
    headingFont: 80,
    headingLine: 112,
    headingGap: 30,
    blockGap: 15,
    itemGap: 0,
    indent: 40,
    cellPadX: 0.5,
    cellPadY: 0.15,
  },
};

const SLIDE_WIDTH = 1280;
const SLIDE_HEIGHT = 720;
/** Average advance of a character, in ems, for the themes' sans-serif fonts (generous: capitals, fallbacks). */
const EM_PER_CHAR = 0.56;
/** Word wrapping leaves the end of most lines short. */
const WRAP_LOSS = 1.1;

/** Markdown text as it shows: escapes and emphasis markers gone. */
function shown(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/(^|[^\\])[_*]+/g, '$1');
}

/** How wide `text` is at `font` px, in px. */
export function textWidth(text: string, font: number): number {
  return stringWidth(shown(text)) * EM_PER_CHAR * font;
}

/** How many lines `text` wraps to in `width` px at `font` px. */
export function wrappedLines(text: string, width: number, font: number): number {
  const w = textWidth(text, font);
  const room = Math.max(width, font);
  return w <= room ? 1 : Math.ceil((w * WRAP_LOSS) / room);
}

/** The height the slide body has under its heading (a long heading wraps and takes more). */
export function bodyHeight(m: ThemeMetrics, heading: string): number {
  const headingHeight = wrappedLines(heading, SLIDE_WIDTH - 2 * m.padX, m.headingFont) * m.headingLine + m.headingGap;
  return SLIDE_HEIGHT - 2 * m.padY - headingHeight - m.blockGap;
}

/** The height one list line (`* text`, `  * text`) takes. */
export function listItemHeight(m: ThemeMetrics, line: string): number {
  const depth = Math.floor((/^ */.exec(line)?.[0].length ?? 0) / 2);
  const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  const width = SLIDE_WIDTH - 2 * m.padX - m.indent * (depth + 1);
  return wrappedLines(text, width, m.font) * m.font * m.leading + m.itemGap;
}

/** The longest word of a cell: what its column cannot be narrower than. */
function minContent(text: string, font: number): number {
  return Math.max(
    0,
    ...shown(text)
      .split(/\s+/)
      .map((w) => textWidth(w, font)),
  );
}

/**
 * Each column's width, as automatic table layout shares the slide's width: every column gets its
 * longest word, and the rest goes to columns in proportion to how much more their longest cell wants.
 */
export function columnWidths(m: ThemeMetrics, rows: readonly (readonly string[])[]): number[] {
  const font = m.font * TABLE_SCALE;
  const pad = 2 * m.cellPadX * font;
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const min = Array.from({ length: columns }, (_, c) => pad + Math.max(0, ...rows.map((r) => minContent(r[c] ?? '', font))));
  const max = Array.from({ length: columns }, (_, c) => pad + Math.max(0, ...rows.map((r) => textWidth(r[c] ?? '', font))));
  const room = SLIDE_WIDTH - 2 * m.padX;
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= room) return max;
  const sumMin = min.reduce((a, b) => a + b, 0);
  // Even the longest words do not fit: the deck's style lets them break, and every column narrows.
  if (sumMin > room) return min.map((x) => (x * room) / sumMin);
  const extra = Math.max(0, room - sumMin);
  const want = max.map((x, c) => x - min[c]!);
  const sumWant = want.reduce((a, b) => a + b, 0) || 1;
  return min.map((x, c) => x + (extra * want[c]!) / sumWant);
}

/** The height one table row takes with these column widths. */
export function tableRowHeight(m: ThemeMetrics, cells: readonly string[], widths: readonly number[]): number {
  const font = m.font * TABLE_SCALE;
  const pad = 2 * m.cellPadX * font;
  const lines = Math.max(1, ...cells.map((c, i) => wrappedLines(c, (widths[i] ?? 0) - pad, font)));
  // One pixel for the row's border.
  return lines * font * m.leading + 2 * m.cellPadY * font + 1;
}
