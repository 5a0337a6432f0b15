/**
 * A custom slide is markdown the coordinator writes (lists, emphasis, tables, code), but it must
 * stay ONE slide and change nothing else: a thematic break (`---`, `***`, `___`, the slide
 * separator), an HTML comment (a Marp directive or a speaker note), a `<style>` block, raw HTML
 * and remote images are neutralized, so they show as text. Fenced and inline code stay verbatim
 * (markdown renders them as text anyway, and no directive is parsed inside them).
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A thematic break after any blockquote and list markers (`> ---`, `- ***`). */
const BREAK = /^((?:[ \t]*>)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*[ \t]*)([-*_])([ \t]*\2){2,}[ \t]*$/;

/** One line outside code: `<` as an entity (no comment, tag or autolink) and images as text, code spans kept. */
function neutralizeInline(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      // The closing run must be exactly as long (CommonMark code spans).
      let close = line.indexOf(ticks, i + run);
      while (close >= 0 && line[close + run] === '`') close = line.indexOf(ticks, close + run + 1);
      if (close >= 0) {
        out += line.slice(i, close + run);
        i = close + run;
        continue;
      }
      out += ticks;
      i += run;
      continue;
    }
    const c = line[i]!;
    if (c === '<') out += '&lt;';
    else if (c === '!' && line[i + 1] === '[') out += '\\!';
    else out += c;
    i++;
  }
  return out;
}

/** The coordinator's markdown, safe to place as the body of exactly one slide. */
export function neutralizeMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let fence: string | null = null;
  const body = lines
    .map((line) => {
      const open = FENCE.exec(line);
      if (fence !== null) {
        if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = null;
        return line;
      }
      if (open) {
        fence = open[1]!;
        return line;
      }
      const broken = BREAK.exec(line);
      const safe = broken ? `${broken[1]}\\${line.slice(broken[1]!.length)}` : line;
      return neutralizeInline(safe);
    })
    .join('\n')
    .trim();
  // An unclosed fence would run on over the slide break and every slide after it.
  // (TypeScript cannot see the callback above set `fence`, hence the widening.)
  const open = fence as string | null;
  return open === null ? body : `${body}\n${open}`;
}
