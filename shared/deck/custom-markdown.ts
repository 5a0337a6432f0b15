/**
 * A custom slide is markdown the coordinator writes (lists, emphasis, tables, code), but it must
 * stay ONE slide and change nothing else: a thematic break (`---`, `***`, `___`, the slide
 * separator), an HTML comment (a Marp directive or a speaker note), a `<style>` block, raw HTML
 * and images are neutralized, so they show as text. Fenced and inline code stay verbatim
 * (markdown renders them as text anyway, and no directive is parsed inside them).
 *
 * A first pass rewrites the raw text; then the result is parsed as Marp will parse it
 * (custom-markdown-check.ts) and every line whose tokens still do more than show text (the raw
 * pass misread an escape, a code span, a fence) is escaped character by character, until the
 * parse is clean. The tokens decide, not the raw text.
 */
import { unsafeLines } from './custom-markdown-check.js';

/** A fence opener; a backtick fence's info string cannot hold a backtick (CommonMark), or it is no fence. */
const FENCE = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
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

/** A line as plain text: every ASCII punctuation character escaped, no indentation (so no markup at all). */
function escapeLine(line: string): string {
  return line.trim().replace(PUNCTUATION, (c) => `\\${c}`);
}

/** The coordinator's markdown, safe to place as the body of exactly one slide. */
export function neutralizeMarkdown(markdown: string): string {
  const lines = rewrite(markdown).split('\n');
  const escaped = new Set<number>();
  for (;;) {
    const bad = unsafeLines(lines.join('\n'));
    if (bad.length === 0) break;
    const fresh = bad.filter((l) => !escaped.has(l));
    // Nothing left to escape where the parse points: then every line is plain text.
    if (fresh.length === 0) return lines.map(escapeLine).join('\n').trim();
    for (const l of fresh) {
      lines[l] = escapeLine(lines[l]!);
      escaped.add(l);
    }
  }
  return lines.join('\n').trim();
}

/** The raw-text pass: breaks, `<`, `![` and unclosed fences rewritten outside code. */
function rewrite(markdown: string): string {
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
