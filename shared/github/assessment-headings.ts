/**
 * Finding the headings of a self-assessment as people really write them: ATX (`## 6. Critical
 * Security Functions`), setext (a line underlined with `===` or `---`), HTML (`<h2>…</h2>`), and
 * Google Docs exports (an empty `##` line, then the title as a bold paragraph). Code fences hide
 * headings. Pure; assessment-progress.ts decides what each heading means.
 */

/** One line of the document: a heading (level 1–6 and its text), a line of text, or a line a heading used up. */
export type ScannedLine =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'used' };

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const HTML = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BOLD_LINE = /^\s*(\*\*|__)(?!\s)(.+?)(?<!\s)\1[ \t]*$/;
/** Lines that cannot be the text of a setext heading (its underline then is a rule or a table's). */
const NOT_PARAGRAPH = /^\s*(?:$|[-*+]\s|\d{1,9}[.)]\s|>|\||#|<|`{3}|~{3})/;

/** Each line of `markdown` (already without HTML comments) classified; the result has one entry per line. */
export function scanLines(lines: readonly string[]): ScannedLine[] {
  const out: ScannedLine[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (open && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = null;
      out.push({ kind: 'text', text: line });
      continue;
    }
    if (open) {
      fence = open;
      out.push({ kind: 'text', text: line });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const level = atx[1]!.length;
      const text = atx[2]?.trim() ?? '';
      if (text !== '') {
        out.push({ kind: 'heading', level, text });
        continue;
      }
      // Google Docs: `##` on its own line, the title as the next bold paragraph.
      let next = i + 1;
      while (next < lines.length && lines[next]!.trim() === '') next++;
      const bold = next < lines.length ? BOLD_LINE.exec(lines[next]!) : null;
      out.push({ kind: 'heading', level, text: bold ? bold[2]! : '' });
      if (bold) {
        for (let j = i + 1; j <= next; j++) out.push({ kind: 'used' });
        i = next;
      }
      continue;
    }
    const html = HTML.exec(line);
    if (html) {
      out.push({ kind: 'heading', level: Number(html[1]), text: html[2]!.replace(/<[^>]*>/g, '').trim() });
      continue;
    }
    const under = SETEXT.exec(lines[i + 1] ?? '');
    if (under && !NOT_PARAGRAPH.test(line) && !line.includes('|')) {
      out.push({ kind: 'heading', level: under[1]![0] === '=' ? 1 : 2, text: line.trim() });
      out.push({ kind: 'used' });
      i++;
      continue;
    }
    out.push({ kind: 'text', text: line });
  }
  return out;
}
