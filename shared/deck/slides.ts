/**
 * Slide layout helpers: a slide is a heading plus blocks, and a list that would overflow a
 * 1280×720 slide is split across continuation slides instead of being cut off.
 */

/** Rough height of a block in "lines" on a gaia slide (about 55 characters per line). */
export function weight(line: string): number {
  return Math.max(1, Math.ceil(line.replace(/\\(.)/g, '$1').length / 55));
}

/** The most lines a slide body holds under its heading. */
export const SLIDE_CAPACITY = 9;

/** A table row is one line on a slide whatever its length (cells wrap rarely at 1280 px). */
export const tableRow = (): number => 1;

/** Splits lines into pages whose total weight fits a slide; a header line is repeated on each page. */
export function paginate(
  lines: readonly string[],
  capacity = SLIDE_CAPACITY,
  header: readonly string[] = [],
  measure: (line: string) => number = weight,
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
