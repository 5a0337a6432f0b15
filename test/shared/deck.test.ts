import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../shared/deck/build-deck.js';
import { literal } from '../../shared/deck/escape.js';
import { bodyHeight, listItemHeight, THEME_METRICS } from '../../shared/deck/layout.js';
import { paginate } from '../../shared/deck/slides.js';
import { phaseTimings } from '../../shared/deck/time-in-phase.js';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { DEFAULT_WINDOWS } from '../../shared/phases.js';
import { editRoundDeck } from '../../shared/deck/round-deck.js';
import { editRound } from '../../shared/rounds.js';
import { emptyDoc, PullLinkSchema, type PullLink } from '../../shared/schema.js';
import { pilotRound, pilotRoundWithText } from '../fixtures/pilot-round.js';

const at = '2026-09-01T09:00:00.000Z';

const slidesOf = (markdown: string) => markdown.split(/\n---\n/).slice(1);

describe('buildDeck', () => {
  it('has the pilot deck’s front matter and a fitted, unpaginated title slide', () => {
    const { markdown } = buildDeck(pilotRound());
    expect(markdown).toMatch(
      /^---\nmarp: true\ntitle: "TAG Security - Security Pals Retrospective \(Round 1\)"\ndescription: ".*5 projects"\ntheme: gaia\npaginate: true\n_paginate: false\nstyle: \|\n( {2}.*\n)+---\n# <!--fit--> TAG Security/,
    );
  });

  it('has every section, every project, and the timebox from the phase history', () => {
    const deck = buildDeck(pilotRoundWithText());
    for (const heading of [
      '# Pilot Concept',
      '# Projects',
      '# Initial Reactions',
      '# Learnings',
      '# A \\"timebox\\" would probably help',
      '# Time in phase',
      '# Buy\\-in',
      '# Hours per pal',
      '# Benefits to TAG members',
      '# Next Steps',
      '# Retrospective: What worked',
    ]) {
      expect(deck.markdown, heading).toContain(heading);
    }
    // Questions nobody answered are left out, as are sections with nothing to say.
    expect(deck.markdown).not.toContain("# Retrospective: What didn't work");
    expect(deck.omitted).toEqual(['compare']); // a first round has nothing to be compared with
    for (const name of ['Tinkerbell', 'Kyverno', 'Crossplane', 'Artifact Hub', 'Argo']) expect(deck.markdown).toContain(`| ${name} |`);
    expect(deck.markdown).toContain('* Template docs\n  * Projects loved the template security docs');
    expect(deck.markdown).toContain('* A lot came down to communication\n  * How do we engage with the project\\?');
    expect(deck.markdown).toContain('* Biggest single takeaway: Projects loved the template security docs');
    expect(deck.markdown).toContain('* Week 1: Initial meet and greet');
    expect(deck.markdown).toContain('_Planned 7 days; actual 9 days \\(median of 5\\); 1 of 5 left it by the end of its window_');
    expect(deck.markdown).toContain('_Planned 28 days; no engagement has left this phase yet_');
    expect(deck.markdown).toContain('52 hours over 4 engagements: 13 h each on average');
    expect(deck.slideCount).toBe(slidesOf(deck.markdown).length);
    expect(deck.images.map((i) => i.name)).toEqual(['timebox.svg', 'time-in-phase-1.svg']);
  });

  it('shows each project’s self-assessment progress once one links its PR, and no such column before', () => {
    expect(buildDeck(pilotRound()).markdown).not.toContain('Self-assessment |');
    const doc = pilotRound();
    const titles = ['Metadata', 'Overview', 'Self-assessment use', 'Security functions and features'];
    const link = (n: number, filled: number, extra: Partial<PullLink> = {}): PullLink =>
      PullLinkSchema.parse({
        pr: `cncf/tag-security#${n}`,
        url: `https://github.com/cncf/tag-security/pull/${n}`,
        path: 'docs/self-assessment.md',
        sections: titles.map((title, i) => ({ title, filled: i < filled })),
        ...extra,
      });
    const [first, second, third, fourth] = doc.engagements;
    const withPrs = {
      ...doc,
      engagements: doc.engagements.map((e) =>
        e === first
          ? { ...e, pr: link(1, 3) }
          : e === second
            ? { ...e, pr: link(2, 0, { sections: [] }) } // linked, not read yet
            : e === third
              ? { ...e, pr: link(3, 4, { error: '<b>no self-assessment file</b> | ---' }) }
              : e,
      ),
    };
    const { markdown } = buildDeck(withPrs);
    expect(markdown).toContain('| Project | Maturity | Pal | Outcome | Self-assessment |\n|---|---|---|---|---|');
    const row = (name: string) => markdown.split('\n').find((l) => l.startsWith(`| ${literal(name)} |`))!;
    expect(row(first!.name)).toMatch(/\| 3 of 4 sections \|$/);
    expect(row(second!.name)).toMatch(/\| — \|$/);
    expect(row(third!.name)).toMatch(/\| — \|$/); // an unreadable PR shows no count, and never its error text
    expect(row(fourth!.name)).toMatch(/\| — \|$/);
    expect(markdown).not.toContain('no self-assessment file');
    expect(markdown).toContain('3 linked a self-assessment PR');
  });

  it('shows no boilerplate: a section without the round’s words is left out and named in `omitted`', () => {
    const deck = buildDeck(pilotRound());
    for (const heading of ['# Concept', '# Benefits', '# Next steps']) expect(deck.markdown).not.toContain(heading);
    expect(deck.markdown).not.toMatch(/helping security hand|Exposure to other projects|make the program permanent/);
    expect(deck.omitted).toEqual(['concept', 'benefits', 'nextSteps', 'compare']);
    // Data sections still show; the buy-in slide keeps only the hours.
    expect(deck.markdown).toContain('# Buy\\-in\n\n* 52 hours over 4 engagements');
  });

  it('turns sections off, picks engagements, and sets theme and title', () => {
    const deck = buildDeck(pilotRound(), {
      only: ['kyv', 'arg'],
      theme: 'uncover',
      title: 'Round 2',
      sections: { retro: false, benefits: false },
    });
    expect(deck.engagementIds).toEqual(['kyv', 'arg']);
    expect(deck.markdown).toContain('theme: uncover');
    expect(deck.markdown).toContain('# <!--fit--> Round 2');
    expect(deck.markdown).not.toContain('# Retrospective');
    expect(deck.markdown).not.toContain('# Benefits');
    expect(deck.markdown).not.toContain('Tinkerbell');
  });

  it('splits a slide that would overflow instead of cutting it off', () => {
    let doc = emptyDoc();
    for (let i = 0; i < 50; i++) doc = addEngagement(doc, { name: `Project ${i}`, pals: ['Ann'] }, { id: `p${i}xx`, at }).doc;
    doc = editEngagement(
      doc,
      'p0xx',
      {
        addLearnings: Array.from(
          { length: 30 },
          (_, i) => `[timebox] A long learning number ${i} that takes a good part of a line on a slide`,
        ),
      },
      at,
    ).doc;
    const deck = buildDeck(doc);
    const projectSlides = slidesOf(deck.markdown).filter((s) => s.includes('# Projects'));
    expect(projectSlides.length).toBeGreaterThan(1);
    expect(projectSlides[0]).toContain(`# Projects (1/${projectSlides.length})`);
    for (let i = 0; i < 50; i++) expect(deck.markdown).toContain(`| Project ${i} |`);
    expect(slidesOf(deck.markdown).filter((s) => s.includes('# Learnings')).length).toBeGreaterThan(3);
    // Every list and table slide holds no more than its body's height (the browser proves it: deck-fit.test.ts).
    const m = THEME_METRICS.gaia;
    for (const slide of slidesOf(deck.markdown)) {
      if (slide.includes('<!-- _class: dense -->')) continue;
      const heading = /^# (.*)$/m.exec(slide)?.[1] ?? '';
      const items = slide.split('\n').filter((l) => /^\s*\* /.test(l));
      expect(
        items.reduce((sum, l) => sum + listItemHeight(m, l), 0),
        heading,
      ).toBeLessThanOrEqual(bodyHeight(m, heading));
    }
  });

  it('splits the Projects table by the height its rows take, not every 7 rows', () => {
    const rowsPerSlide = (pals: string[], name: (i: number) => string) => {
      let doc = emptyDoc();
      for (let i = 0; i < 24; i++) doc = addEngagement(doc, { name: name(i), pals }, { id: `p${i}xx`, at }).doc;
      const projectSlides = slidesOf(buildDeck(doc).markdown).filter((s) => s.includes('# Projects'));
      return projectSlides.map((s) => s.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Project |')).length);
    };
    const short = rowsPerSlide(['Ann'], (i) => `P${i}`);
    const long = rowsPerSlide(
      ['Alexandra Konstantinopoulou', 'Bartholomew Featherstonehaugh'],
      (i) => `Confidential Containers Cloud API Adaptor ${i}`,
    );
    expect(short.reduce((a, b) => a + b)).toBe(24);
    expect(long.reduce((a, b) => a + b)).toBe(24);
    // One-line rows fill a slide further than 7; rows that wrap to three lines take fewer.
    expect(Math.max(...short)).toBeGreaterThan(7);
    expect(Math.max(...long)).toBeLessThan(7);
  });

  it('paginates by weight and repeats table headers', () => {
    expect(paginate(['a', 'b', 'c'], 2, ['H'])).toEqual([
      ['H', 'a'],
      ['H', 'b'],
      ['H', 'c'],
    ]);
    expect(paginate([], 5)).toEqual([[]]);
  });

  it('computes planned and median actual days per phase', () => {
    const timings = phaseTimings(pilotRound().engagements, DEFAULT_WINDOWS);
    expect(timings.map((t) => [t.phase, t.plannedDays, t.actualDays, t.count])).toEqual([
      ['meet-greet', 7, 9, 5],
      ['follow-up', 21, 23, 5],
      ['draft', 28, null, 0],
      ['review', 56, null, 0],
    ]);
  });
});

describe('user text cannot change the deck’s structure', () => {
  const hostile = {
    'a slide break': 'line one\n---\nline two',
    'a heading': '# Not a heading',
    'a comment directive': '<!-- _class: invert --> <!-- theme: default -->',
    'a style block': '<style>section { display: none }</style>',
    HTML: '<img src=x onerror=alert(1)><b>bold</b>',
    'a javascript: link': '[click](javascript:alert(1))',
    'emoji shortcode and math': ':smile: $x^2$',
    'table pipes': 'a | b | c',
  };
  /** One engagement carrying `text` in every field the deck shows. */
  const docWithText = (text: string) => {
    const doc = addEngagement(
      emptyDoc(),
      { name: text.replace(/\n/g, ' ').slice(0, 200), pals: [text.replace(/\n/g, ' ')] },
      { id: 'evil', at },
    ).doc;
    const edited = editEngagement(
      doc,
      'evil',
      { reaction: text, addLearnings: [text, `[timebox] ${text}`], hours: 1, retro: { worked: text, didnt: `${text}\n- ${text} again` } },
      at,
    ).doc;
    // Every piece of the round's own text too: lists, headings, the concept link, week lines and a custom slide.
    const withRound = editRound(edited, 'default', { benefits: [text, `  ${text}`], nextSteps: [text], takeaways: [text] }).doc;
    const oneLine = text.replace(/\n/g, ' ');
    return editRoundDeck(withRound, 'default', {
      title: oneLine,
      headings: { concept: oneLine, benefits: oneLine, timebox: oneLine },
      concept: [text],
      conceptLink: { label: text, url: 'https://example.org/a_(b)?c=<d>' },
      buyIn: [text],
      weeks: { 'meet-greet': [text, `  ${text}`] },
      learningHeadings: { timebox: oneLine },
      // The slide's markdown is markdown on purpose (test/shared/deck-round.test.ts); its title and notes are text.
      slides: [{ id: 'slide-1', kind: 'markdown', title: oneLine, markdown: 'Intro', notes: text }],
    }).doc;
  };
  for (const [label, text] of Object.entries(hostile)) {
    it(`keeps ${label} as literal text`, () => {
      const doc = docWithText(text);
      // The same text with every markup character replaced: same length, so same pagination.
      const plain = docWithText(text.replace(/[^\p{L}\p{N}\s]/gu, 'x'));
      const clean = buildDeck(plain);
      const deck = buildDeck(doc);
      expect(slidesOf(deck.markdown)).toHaveLength(slidesOf(clean.markdown).length);
      expect(deck.markdown.split('\n').filter((l) => l === '---')).toHaveLength(
        clean.markdown.split('\n').filter((l) => l === '---').length,
      );
      expect(deck.markdown).not.toMatch(/^#(?! |\s*<!--fit-->)/m);
      expect(deck.markdown).not.toContain('<!-- _class: invert');
      expect(deck.markdown).not.toContain('<style>');
      expect(deck.markdown).not.toContain('](javascript:');
      expect(deck.markdown).toContain(literal(text));
    });
  }
});

describe('assessmentStarter', () => {
  it('keeps hostile names and pals as text and follows the template outline', async () => {
    const { assessmentStarter } = await import('../../shared/assessment.js');
    const doc = addEngagement(
      emptyDoc(),
      { name: 'Evil\n---\n# <script>x</script>', pals: ['[me](javascript:x)'] },
      { id: 'evil', at },
    ).doc;
    const text = assessmentStarter(doc.engagements[0]!, '2026-11-27');
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(text).toContain('\\[me\\](javascript:x)');
    expect(text.split('\n').filter((l) => l === '---')).toEqual([]);
    expect(text.split('\n')[0]).toBe('# Evil --- \\# \\<script\\>x\\</script\\> Self-assessment');
    expect(text.match(/^## /gm)).toHaveLength(9);
  });
});

describe('deckEngagements', () => {
  it('leaves the example round out of a real round, but previews it when it is all there is', async () => {
    const { addExampleRound } = await import('../../shared/example-round.js');
    const { deckEngagements } = await import('../../shared/deck/build-deck.js');
    const examples = addExampleRound(emptyDoc(), '2026-11-27', at, ['ex1', 'ex2', 'ex3', 'ex4', 'ex5']).doc;
    expect(deckEngagements(examples)).toHaveLength(5);
    const mixed = addEngagement(examples, { name: 'Mine' }, { id: 'mine', at }).doc;
    expect(deckEngagements(mixed).map((e) => e.name)).toEqual(['Mine']);
  });
});
