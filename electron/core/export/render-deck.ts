/**
 * Deck markdown → HTML with marp-core, configured to need nothing from the network: no
 * scripts, no emoji CDN, no math, no raw HTML, and the theme's remote font @import removed
 * (system fonts are used instead). Chart images are allowed only as inline SVG data URIs.
 */
import { Marp } from '@marp-team/marp-core';
import { MARP_OPTIONS } from '../../../shared/deck/marp-options.js';
import { notesFrom } from '../../../shared/deck/notes.js';

export interface RenderedDeck {
  readonly html: string;
  readonly css: string;
  readonly slideCount: number;
}

const SAFE_IMAGE = /^data:image\/(svg\+xml|png|gif|jpeg|webp)[;,]/i;
const SAFE_LINK = /^(https?:|mailto:|#)/i;

/** The few parts of markdown-it's tokens and core rules used here. */
interface LinkToken {
  readonly type: string;
  readonly children: LinkToken[] | null;
  attrGet(name: string): string | null;
  attrs: [string, string][] | null;
}
interface MarkdownIt {
  validateLink: (url: string) => boolean;
  core: { ruler: { push(name: string, rule: (state: { tokens: LinkToken[] }) => void): void } };
}

/** A Marp instance that renders offline and safely. */
export function createMarp(): Marp {
  const marp = new Marp({ ...MARP_OPTIONS, emoji: { ...MARP_OPTIONS.emoji } });
  // marp-core types `markdown` loosely; it is markdown-it, whose validateLink decides which URLs survive.
  const markdown = marp.markdown as unknown as MarkdownIt;
  markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim()) || SAFE_IMAGE.test(url.trim());
  // validateLink serves links and images alike: inline data is for pictures only. A link to
  // `data:image/svg+xml,…` would be a document that can carry script, a click away in the HTML or
  // PDF, so such a link keeps its text and loses its target.
  markdown.core.ruler.push('pals_link_targets', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type === 'link_open' && !SAFE_LINK.test((token.attrGet('href') ?? '').trim())) {
          token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
        }
      }
    }
  });
  return marp;
}

/** Drops `@import url(...)` rules that would fetch fonts from the network. */
export function withoutRemoteImports(css: string): string {
  return css.replace(/@import\s+(url\()?["']?https?:[^;]*;/gi, '');
}

/** Renders the deck's markdown. */
export function renderDeck(markdown: string, marp: Marp = createMarp()): RenderedDeck {
  const { html, css } = marp.render(markdown);
  return { html, css: withoutRemoteImports(css), slideCount: (html.match(/<section\b/g) ?? []).length };
}

const PAGE_CSS = `
html,body{margin:0;background:#3a3a3a}
div.marpit>svg{display:block;width:min(100vw,1280px);height:auto;margin:16px auto;box-shadow:0 2px 12px rgba(0,0,0,.4)}
@media print{html,body{background:none}div.marpit>svg{margin:0;width:1280px;height:720px;box-shadow:none;page-break-after:always;break-after:page}}
@page{size:1280px 720px;margin:0}
`;

/** One self-contained HTML file: opens offline, loads nothing, runs no script. */
export function deckHtmlDocument(rendered: RenderedDeck, title: string, pageCss: string = PAGE_CSS): string {
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapedTitle}</title>`,
    `<style>${rendered.css}\n${pageCss}</style>`,
    '</head><body>',
    rendered.html,
    '</body></html>',
  ].join('\n');
}

/** One slide as a page of its own, exactly 1280×720 (what the PPTX export photographs). */
export interface SlidePage {
  readonly html: string;
  /** The slide's speaker notes (its comments, our mark dropped). */
  readonly notes: string;
}

const SLIDE_PAGE_CSS = `
html,body{margin:0;padding:0;width:1280px;height:720px;overflow:hidden;background:#fff}
div.marpit>svg{display:block;width:1280px;height:720px}
`;

/** Renders the deck's markdown into one self-contained page per slide, each with its notes. */
export function renderSlidePages(markdown: string, title: string, marp: Marp = createMarp()): SlidePage[] {
  const { html, css, comments } = marp.render(markdown, { htmlAsArray: true });
  const clean = withoutRemoteImports(css);
  return html.map((svg, i) => ({
    html: deckHtmlDocument({ html: `<div class="marpit">${svg}</div>`, css: clean, slideCount: 1 }, title, SLIDE_PAGE_CSS),
    notes: notesFrom(comments[i] ?? []),
  }));
}
