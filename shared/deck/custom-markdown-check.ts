/**
 * The check behind custom-markdown.ts: parse a custom slide's markdown exactly as the deck's Marp
 * will (markdown-it with Marp's plugins, the deck's options) and name the lines whose tokens would
 * do more than show text on one slide: a second slide, a comment (a directive or a note), a
 * `<style>`, an image (remote or not), raw HTML, a fence left open (it would swallow the slides
 * after it) or a link reference definition (another slide's `![x][ref]` would load it).
 */
import { Marp } from '@marp-team/marp-core';
import { MARP_OPTIONS } from './marp-options.js';

/** The parts of markdown-it's tokens read here. */
interface Token {
  readonly type: string;
  readonly map: [number, number] | null;
  readonly markup: string;
  readonly children: readonly Token[] | null;
}
interface Parser {
  parse(src: string, env: { references?: Record<string, unknown> }): Token[];
}

let parser: Parser | null = null;
/** One Marp per process: building it costs more than parsing a slide. */
function marpParser(): Parser {
  parser ??= new Marp({ ...MARP_OPTIONS, emoji: { ...MARP_OPTIONS.emoji } }).markdown as unknown as Parser;
  return parser;
}

const BLOCK_UNSAFE = new Set(['marpit_comment', 'marpit_style', 'html_block', 'style']);
const INLINE_UNSAFE = new Set(['image', 'marpit_comment', 'marpit_inline_comment', 'html_inline', 'marpit_style']);

/** Lines of a token's range. */
function range(map: [number, number] | null): number[] {
  if (!map) return [];
  const out: number[] = [];
  for (let l = map[0]; l < Math.max(map[1], map[0] + 1); l++) out.push(l);
  return out;
}

/** Whether the fence token's last line closes it (an unclosed fence runs to the end of the document). */
function closed(token: Token, lines: readonly string[]): boolean {
  const last = token.map ? lines[token.map[1] - 1] : undefined;
  if (last === undefined || token.map![1] - token.map![0] < 2) return false;
  const body = last.replace(/^(?:\s*>)*\s*/, '').trim();
  return body.length >= token.markup.length && body.split(token.markup[0]!).join('') === '';
}

/** The 0-based lines of `markdown` that Marp would read as more than one slide of text (none: safe). */
export function unsafeLines(markdown: string): number[] {
  const lines = markdown.split('\n');
  const env: { references?: Record<string, unknown> } = {};
  const tokens = marpParser().parse(markdown, env);
  const bad = new Set<number>();
  const code = new Set<number>();
  let slides = 0;
  for (const t of tokens) {
    if (t.type === 'marpit_slide_open' && ++slides > 1) range(t.map).forEach((l) => bad.add(l));
    if (t.type === 'hr') range(t.map).forEach((l) => bad.add(l));
    if (BLOCK_UNSAFE.has(t.type)) range(t.map).forEach((l) => bad.add(l));
    if (t.type === 'fence' || t.type === 'code_block') range(t.map).forEach((l) => code.add(l));
    if (t.type === 'fence' && !closed(t, lines))
      range(t.map)
        .slice(0, 1)
        .forEach((l) => bad.add(l));
    const inner = (children: readonly Token[] | null): boolean =>
      (children ?? []).some((c) => INLINE_UNSAFE.has(c.type) || inner(c.children));
    if (inner(t.children)) range(t.map).forEach((l) => bad.add(l));
  }
  if (env.references && Object.keys(env.references).length > 0) {
    lines.forEach((line, l) => {
      if (!code.has(l) && line.includes(']:')) bad.add(l);
    });
  }
  return [...bad].filter((l) => l < lines.length).sort((a, b) => a - b);
}
