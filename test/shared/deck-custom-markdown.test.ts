/**
 * Custom markdown slides against what Marp itself parses (issue 24): each form that got past the
 * raw-text sanitizer, built into a whole deck, must leave one slide of text and load nothing.
 */
import { Marp } from '@marp-team/marp-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../shared/deck/build-deck.js';
import { neutralizeMarkdown } from '../../shared/deck/custom-markdown.js';
import { MARP_OPTIONS } from '../../shared/deck/marp-options.js';
import { editRoundDeck } from '../../shared/deck/round-deck.js';
import { addEngagement } from '../../shared/engagements.js';
import { emptyDoc } from '../../shared/schema.js';

interface Tok {
  type: string;
  content: string;
  children: Tok[] | null;
  attrGet(name: string): string | null;
}
const MARP = new Marp({ ...MARP_OPTIONS, emoji: { ...MARP_OPTIONS.emoji } });
const marp = () => MARP;
const tokens = (markdown: string): Tok[] => {
  const all: Tok[] = [];
  const walk = (ts: readonly Tok[]) => {
    for (const t of ts) {
      all.push(t);
      walk(t.children ?? []);
    }
  };
  walk((marp().markdown as unknown as { parse(s: string, env: object): Tok[] }).parse(markdown, {}));
  return all;
};

/** A deck with the hostile slide between two ordinary ones. */
function deckWith(markdown: string) {
  let doc = addEngagement(
    emptyDoc(),
    { name: 'Kyverno', kickoff: '2026-09-01', pals: ['Ann'] },
    { id: 'kyv', at: '2026-09-01T09:00:00.000Z' },
  ).doc;
  doc = editRoundDeck(doc, 'default', {
    slides: [
      { id: 'slide-1', kind: 'markdown', title: 'Hostile', markdown, notes: '' },
      { id: 'slide-2', kind: 'markdown', title: 'After', markdown: 'Thanks to every pal', notes: '' },
    ],
  }).doc;
  return buildDeck(doc);
}

/** What Marp makes of a whole deck: its slides, images, styles and comments. */
function marpView(markdown: string) {
  const ts = tokens(markdown);
  const rendered = marp().render(markdown);
  return {
    slides: ts.filter((t) => t.type === 'marpit_slide_open').length,
    images: ts.filter((t) => t.type === 'image').map((t) => t.attrGet('src') ?? ''),
    styles: ts.filter((t) => t.type === 'marpit_style').map((t) => t.content),
    comments: ts.filter((t) => /comment/.test(t.type)).map((t) => t.content),
    html: rendered.html,
    css: rendered.css,
  };
}

/** The deck is still one slide per built slide, its later slides are not code, and nothing of the attack took effect. */
function expectContained(markdown: string) {
  const deck = deckWith(markdown);
  const view = marpView(deck.markdown);
  expect(view.slides).toBe(deck.slideCount);
  expect(view.images.filter((src) => !src.startsWith('data:'))).toEqual([]);
  expect(view.styles).toEqual([]);
  expect(view.comments.filter((c) => /backgroundColor|style|red/i.test(c))).toEqual([]);
  expect(view.html).not.toMatch(/background-color:\s*red|src="https?:|url\(['"]?https?:/i);
  expect(view.css).not.toMatch(/color:\s*red/);
  expect(view.html).toContain('Thanks to every pal</p>');
  expect(view.html).toMatch(/<h1[^>]*>Projects<\/h1>/);
  return deck;
}

describe('custom markdown slides, checked against Marp’s own parse', () => {
  it('stops a backslash before an image: `\\![p](http://…)` loads nothing', () => {
    const deck = expectContained('Look: \\![p](http://example.org/p.png)');
    // The .md export carries no remote load either: no image token with a remote source.
    expect(marpView(deck.markdown).images.some((src) => /^https?:/.test(src))).toBe(false);
  });

  it('stops a directive behind a backslash-escaped backtick', () => {
    expectContained('\\`<!-- _backgroundColor: red -->\\`');
  });

  it('stops a directive after a code span over two lines', () => {
    expectContained('a `b\nc` <!-- _backgroundColor: red --> `d`');
  });

  it('stops a fence whose info string holds a backtick from making an extra slide (or code of the rest)', () => {
    expectContained('```a`b\n---\n# Extra slide\n\nsome text');
  });

  it('stops a style directive from recolouring every heading', () => {
    expectContained('\\`<!-- style: h1 { color: red } -->\\`');
    expectContained('a `b\nc` <!-- style: h1 { color: red } --> `d`');
  });

  it('keeps ordinary markdown as it was written', () => {
    const text = '* one\n* **two** with `code <!-- x -->`\n\n```yaml\nkey: value\n---\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    expect(neutralizeMarkdown(text)).toBe(text);
  });

  it('never lets any markdown out of its one slide (property)', () => {
    const piece = fc.constantFrom(
      '`',
      '``',
      '```',
      '~~~',
      '\\',
      '!',
      '[p]',
      '(http://example.org/p.png)',
      '<!--',
      '-->',
      '<style>',
      '</style>',
      '---',
      '***',
      '___',
      ' ',
      '\n',
      '\n\n',
      '> ',
      '- ',
      '1. ',
      'x',
      '_backgroundColor: red',
      'style: h1{color:red}',
      '[r]: http://example.org/r.png',
      '![x][r]',
      '<img src=http://example.org/i.png>',
      '    ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const body = neutralizeMarkdown(parts.join(''));
        const view = marpView(`# T\n\n${body}\n\n---\n\n# Next`);
        expect(view.slides).toBe(2);
        expect(view.images).toEqual([]);
        expect(view.styles).toEqual([]);
        expect(view.comments).toEqual([]);
        expect(view.html).toMatch(/<h1[^>]*>Next<\/h1>/);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
