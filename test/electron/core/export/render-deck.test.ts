// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { deckHtmlDocument, renderDeck } from '../../../../electron/core/export/render-deck.js';
import { buildDeck } from '../../../../shared/deck/build-deck.js';
import { addEngagement, editEngagement } from '../../../../shared/engagements.js';
import { emptyDoc } from '../../../../shared/schema.js';
import { pilotRound, pilotRoundWithText } from '../../../fixtures/pilot-round.js';

const at = '2026-09-01T09:00:00.000Z';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const sections = (html: string) => [...parse(html).querySelectorAll('section')];

describe('rendering the deck with marp-core', () => {
  it('renders one section per slide, with every section and project', () => {
    const deck = buildDeck(pilotRoundWithText());
    const rendered = renderDeck(deck.markdown);
    expect(rendered.slideCount).toBe(deck.slideCount);
    const slides = sections(rendered.html);
    expect(slides).toHaveLength(deck.slideCount);
    const headings = slides.map((s) => s.querySelector('h1')?.textContent?.trim());
    expect(headings[0]).toBe('TAG Security - Security Pals Retrospective');
    expect(headings).toEqual(
      expect.arrayContaining([
        'Pilot Concept',
        'Projects',
        'Initial Reactions',
        'Learnings (1/2)',
        'Benefits to TAG members',
        'Next Steps',
      ]),
    );
    const projects = slides.find((s) => s.querySelector('h1')?.textContent === 'Projects')!;
    expect([...projects.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent)).toEqual([
      'Tinkerbell',
      'Kyverno',
      'Crossplane',
      'Artifact Hub',
      'Argo',
    ]);
    expect(slides[0]!.getAttribute('data-paginate')).toBeNull();
    expect(slides[1]!.getAttribute('data-paginate')).toBe('true');
    const chart = slides.find((s) => s.querySelector('img[alt="Planned vs actual days per phase"]'));
    expect(chart?.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  });

  it('needs nothing from the network: no remote fonts, no scripts', () => {
    const rendered = renderDeck(buildDeck(pilotRound()).markdown);
    expect(rendered.css).not.toMatch(/@import|https?:\/\/fonts/);
    const html = deckHtmlDocument(rendered, 'Retro <b>');
    expect(html).not.toMatch(/<script|src="https?:|href="https?:\/\/(?!github\.com\/cncf)/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>Retro &#60;b&#62;</title>');
  });

  it('shows hostile text literally inside its slide', () => {
    const text =
      '---\n# Heading <!-- _class: invert --> <style>section{display:none}</style> <img src=x onerror=alert(1)> [x](javascript:alert(1)) :smile:';
    let doc = addEngagement(emptyDoc(), { name: 'Evil <b>Project</b>', pals: ['<i>Pal</i>'] }, { id: 'evil', at }).doc;
    doc = editEngagement(doc, 'evil', { reaction: text, addLearnings: [text], retro: { worked: text } }, at).doc;
    const deck = buildDeck(doc);
    const rendered = renderDeck(deck.markdown);
    // The same answers in plain words: sections without text are left out, so both decks hold the same sections.
    let plainDoc = addEngagement(emptyDoc(), { name: 'Plain', pals: ['P'] }, { id: 'evil', at }).doc;
    plainDoc = editEngagement(plainDoc, 'evil', { reaction: 'plain', addLearnings: ['plain'], retro: { worked: 'plain' } }, at).doc;
    const plain = renderDeck(buildDeck(plainDoc).markdown);
    expect(rendered.slideCount).toBe(plain.slideCount);
    const dom = parse(rendered.html);
    expect(dom.querySelector('style, script, img[src="x"], a[href^="javascript"], b, i')).toBeNull();
    expect(dom.querySelectorAll('section.invert')).toHaveLength(0);
    const reactions = [...dom.querySelectorAll('section')].find((s) => s.querySelector('h1')?.textContent === 'Initial reactions')!;
    expect(reactions.textContent).toContain(
      '--- # Heading <!-- _class: invert --> <style>section{display:none}</style> <img src=x onerror=alert(1)> [x](javascript:alert(1)) :smile:',
    );
    expect(dom.body.textContent).toContain('Evil <b>Project</b>');
  });
});
