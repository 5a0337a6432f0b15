/**
 * Slide layout helpers: a slide is a heading plus blocks, and a list that would overflow a
 * 1280×720 slide is split across continuation slides instead of being cut off (by the height
 * its lines and rows will take: layout.ts).
 */
import { bodyHeight, columnWidths, listItemHeight, tableRowHeight, type ThemeMetrics } from './layout.js';

/** Splits lines into pages whose total height (`measure`, one a line unless told) fits `capacity`; a header is repeated on each page. */
export function paginate(
  lines: readonly string[],
  capacity: number,
  header: readonly string[] = [],
  measure: (line: string) => number = () => 1,
): string[][] {
  const pages: string[][] = [];
  const base = header.reduce((sum, l) => sum + measure(l), 0);
  let page: string[] = [];
  let used = base;
  for (const line of lines) {
    const w = measure(line);
    if (page.length > 0 && used + w > capacity) {
      pages.push([...header, ...page]);
      page = [];
      used = base;
    }
    page.push(line);
    used += w;
  }
  if (page.length > 0 || pages.length === 0) pages.push([...header, ...page]);
  return pages;
}

/** One slide's markdown; continuation pages get "(2/3)" in the heading. */
export function slides(heading: string, pages: readonly (readonly string[])[], directives = ''): string[] {
  return pages.map((body, i) => {
    const suffix = pages.length > 1 ? ` (${i + 1}/${pages.length})` : '';
    return `${directives}# ${heading}${suffix}\n\n${body.join('\n')}`;
  });
}

/** The heading a page of `heading` gets when split (room for the widest "(n/n)"). */
const pagedHeading = (heading: string) => `${heading} (99/99)`;

/** A list's lines split into slides (under `heading`) by the height each line will take. */
export function listPages(m: ThemeMetrics, heading: string, lines: readonly string[]): string[][] {
  return paginate(lines, bodyHeight(m, pagedHeading(heading)), [], (line) => listItemHeight(m, line));
}

/** A table (cells already markdown-safe) split into slides by the height each row will take, its header on every slide. */
export function tablePages(m: ThemeMetrics, heading: string, header: readonly string[], rows: readonly (readonly string[])[]): string[][] {
  const widths = columnWidths(m, [header, ...rows]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const heights = new Map<string, number>();
  for (const cells of [header, ...rows]) heights.set(line(cells), tableRowHeight(m, cells, widths));
  const head = [line(header), `|${header.map(() => '---').join('|')}|`];
  return paginate(rows.map(line), bodyHeight(m, pagedHeading(heading)), head, (l) => heights.get(l) ?? 0);
}

/**
 * The longest form of a bullet that fits on a slide by itself under `heading`: `make(n)` builds
 * it with the first n of its parts (n = count: all of them; fewer: shortened, the builder says
 * how). A bullet that cannot fit even at its shortest is returned at its shortest; its slide
 * holds it alone.
 */
export function fitting(m: ThemeMetrics, heading: string, count: number, make: (n: number) => string): string {
  const room = bodyHeight(m, pagedHeading(heading));
  let lo = 0;
  let hi = count;
  if (listItemHeight(m, make(hi)) <= room) return make(hi);
  while (lo < hi - 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (listItemHeight(m, make(mid)) <= room) lo = mid;
    else hi = mid;
  }
  return make(lo);
}
