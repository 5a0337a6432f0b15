import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../shared/deck/build-deck.js';
import { neutralizeMarkdown } from '../../shared/deck/custom-markdown.js';
import { checkDeckImage, MAX_DECK_IMAGE_BYTES } from '../../shared/deck/deck-image.js';
import { notesComment, notesFrom } from '../../shared/deck/notes.js';
import { deckEntries, deckPlan } from '../../shared/deck/plan.js';
import { groupAnswers } from '../../shared/deck/retro-answers.js';
import { emptyRoundDeck } from '../../shared/deck/round-deck-schema.js';
import { addDeckImage, editRoundDeck, nextSlideId, withoutImageBytes } from '../../shared/deck/round-deck.js';
import { DECK_SECTIONS } from '../../shared/deck/sections.js';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';

import { canonicalTag, describeLearning, formatLearning, parseLearning, tagLabel } from '../../shared/learnings.js';
import { editRound } from '../../shared/rounds.js';
import { emptyDoc, StoreDocSchema, type StoreDoc } from '../../shared/schema.js';
import { moveCard } from '../../shared/move.js';

const at = '2026-09-01T09:00:00.000Z';
const slidesOf = (markdown: string) => markdown.split(/\n---\n/).slice(1);
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
const PNG = b64([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function twoProjects(): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'Kyverno', kickoff: '2026-09-01', pals: ['Ann'] }, { id: 'kyv', at }).doc;
  doc = addEngagement(doc, { name: 'Argo', kickoff: '2026-09-01', pals: ['Bo'] }, { id: 'arg', at }).doc;
  return doc;
}

describe('the round’s own words in the deck', () => {
  it('shows benefits, next steps (with sub-points), the biggest takeaway and the concept with its link', () => {
    let doc = editRound(twoProjects(), 'default', {
      benefits: ['Chance to help the community', '  CNCF, OSS, OSS consumers'],
      nextSteps: ['Make this a Thing'],
      takeaways: ['Projects loved the template security docs', 'Keep it short'],
    }).doc;
    doc = editRoundDeck(doc, 'default', {
      concept: ['For early-stage CNCF projects, can we provide a helping security hand?'],
      conceptLink: { label: 'Details for the nerds', url: 'https://github.com/cncf/tag-security/issues/554' },
      headings: { concept: 'Pilot Concept' },
    }).doc;
    const { markdown, omitted } = buildDeck(doc);
    expect(markdown).toContain('# Benefits to TAG members\n\n* Chance to help the community\n  * CNCF\\, OSS\\, OSS consumers');
    expect(markdown).toContain('# Next steps\n\n* Make this a Thing');
    expect(markdown).toContain('* Biggest single takeaway: Projects loved the template security docs\n* Takeaway: Keep it short');
    expect(markdown).toContain(
      '# Pilot Concept\n\n* For early\\-stage CNCF projects\\, can we provide a helping security hand\\?\n' +
        '* Details for the nerds: [https\\:\\/\\/github\\.com\\/cncf\\/tag\\-security\\/issues\\/554](<https://github.com/cncf/tag-security/issues/554>)',
    );
    // Nothing to say yet (no reactions, hours or answers): left out, and named so the editor can say why.
    expect(omitted).toEqual(['reactions', 'buyIn', 'retro', 'compare']);
  });

  it('gives the timebox each week’s own description and planned vs actual from the history, backdated moves included', () => {
    let doc = twoProjects();
    // Kyverno's moves were entered late, with the days they happened.
    doc = moveCard(doc, {
      ref: 'kyv',
      to: 'meet-greet',
      reason: 'backdated',
      at: '2026-10-20T10:00:00.000Z',
      backdate: { on: '2026-09-02', today: '2026-10-20' },
    }).doc;
    doc = moveCard(doc, {
      ref: 'kyv',
      to: 'follow-up',
      reason: 'backdated',
      at: '2026-10-20T10:00:01.000Z',
      backdate: { on: '2026-09-12', today: '2026-10-20' },
    }).doc;
    doc = moveCard(doc, {
      ref: 'kyv',
      to: 'draft',
      reason: 'backdated',
      at: '2026-10-20T10:00:02.000Z',
      backdate: { on: '2026-10-10', today: '2026-10-20' },
    }).doc;
    doc = editRound(doc, 'default', { windows: { 'follow-up': { start: 3, end: 5 } } }).doc;
    doc = editRoundDeck(doc, 'default', {
      weeks: { 'meet-greet': ['Meet and greet', 'Where the project stands'], draft: ['Soft target for a draft'] },
    }).doc;
    const week = slidesOf(buildDeck(doc).markdown).find((s) => s.includes('# The timebox\n'))!;
    expect(week).toContain('<!-- _class: dense -->');
    expect(week).toContain(
      '* Week 1: Meet and greet\n  * Where the project stands\n  * _Planned 7 days; actual 10 days \\(median of 1\\); 0 of 1 left it by the end of its window_',
    );
    // The window comes from the round (weeks 3–5 now); a phase without words shows its column name.
    expect(week).toContain(
      '* Week 3–5: Follow\\-up\n  * _Planned 28 days; actual 28 days \\(median of 1\\); 0 of 1 left it by the end of its window_',
    );
    expect(week).toContain('* Week 6–8: Soft target for a draft\n  * _Planned 21 days; no engagement has left this phase yet_');
  });

  it('aggregates every project’s retrospective answers: one point per line, the same point once, attributed when wanted', () => {
    let doc = twoProjects();
    doc = editEngagement(doc, 'kyv', { retro: { worked: '- The template\n- Weekly calls', less: 'Meetings' } }, at).doc;
    doc = editEngagement(doc, 'arg', { retro: { worked: 'the template.\nClear timebox' } }, at).doc;
    expect(groupAnswers(doc.engagements, 'worked')).toEqual([
      { text: 'The template', projects: ['Kyverno', 'Argo'] },
      { text: 'Weekly calls', projects: ['Kyverno'] },
      { text: 'Clear timebox', projects: ['Argo'] },
    ]);
    const attributed = buildDeck(doc).markdown;
    expect(attributed).toContain(
      '# Retrospective: What worked\n\n* The template _\\(Kyverno, Argo\\)_\n* Weekly calls _\\(Kyverno\\)_\n* Clear timebox _\\(Argo\\)_',
    );
    expect(attributed).toContain('# Retrospective: Do less of\n\n* Meetings _\\(Kyverno\\)_');
    expect(attributed).not.toContain("What didn't work");
    const anonymous = buildDeck(editRoundDeck(doc, 'default', { attribute: false }).doc).markdown;
    expect(anonymous).toContain('# Retrospective: What worked\n\n* The template\n* Weekly calls\n* Clear timebox');
  });

  it('groups the same reaction once and names the projects only when the round attributes', () => {
    let doc = twoProjects();
    doc = editEngagement(doc, 'kyv', { reaction: 'Generally positive' }, at).doc;
    doc = editEngagement(doc, 'arg', { reaction: 'generally  positive' }, at).doc;
    expect(buildDeck(doc).markdown).toContain('* Generally positive _\\(Kyverno, Argo\\)_');
    expect(buildDeck(editRoundDeck(doc, 'default', { attribute: false }).doc).markdown).toContain(
      '# Initial reactions\n\n* Generally positive\n',
    );
  });
});

describe('learning tags', () => {
  it('have one spelling and one label everywhere', () => {
    expect(parseLearning('[template] Projects loved them')).toEqual({ tag: 'template docs', text: 'Projects loved them' });
    expect(parseLearning('[Template  Docs] x').tag).toBe('template docs');
    expect(canonicalTag('Buy in')).toBe('buy-in');
    expect(formatLearning('template', 'x')).toBe('[template docs] x');
    expect(tagLabel('template')).toBe('Template docs');
    expect(describeLearning('[template] Projects loved them')).toBe('Template docs: Projects loved them');
    expect(describeLearning('no tag')).toBe('no tag');
    let doc = editEngagement(twoProjects(), 'kyv', { addLearnings: ['[template] A', '[template docs] B'] }, at).doc;
    doc = editRoundDeck(doc, 'default', { learningHeadings: { 'template docs': 'Projects loved the templates' } }).doc;
    expect(buildDeck(doc).markdown).toContain('* Projects loved the templates\n  * A\n  * B');
  });
});

describe('the running order', () => {
  it('lists every section in the default order, slides at the end, and follows the round’s own order and choices', () => {
    const deck = editRoundDeck(twoProjects(), 'default', {
      slides: [{ id: 'slide-1', kind: 'markdown', title: 'Thanks', markdown: 'To every pal', notes: '' }],
    }).doc.rounds[0]!.deck;
    expect(deckEntries(deck).map((e) => e.id)).toEqual([...DECK_SECTIONS, 'slide-1']);
    const moved = {
      ...deck,
      items: [
        { id: 'slide-1', on: true },
        { id: 'retro', on: true },
        { id: 'projects', on: false },
      ],
    };
    const ids = deckEntries(moved).map((e) => `${e.id}${e.on ? '' : ' (off)'}`);
    // Sections the round did not place go right after the section before them in the default order.
    expect(ids).toEqual([
      'concept',
      'slide-1',
      'retro',
      'compare',
      'projects (off)',
      'reactions',
      'learnings',
      'timebox',
      'buyIn',
      'benefits',
      'nextSteps',
    ]);
    expect(deckPlan(moved).map((e) => e.id)).not.toContain('projects');
    expect(deckPlan(moved, { sections: { projects: true } }).map((e) => e.id)).toContain('projects');
    expect(deckPlan(moved, { order: ['retro', 'slide-1'] }).map((e) => e.id)).toEqual(['retro', 'slide-1']);
    expect(() => deckPlan(moved, { order: ['retro', 'slides'] })).toThrow(
      /"slides" is neither a section nor a slide.*concept, projects.*slide-1/,
    );
    expect(() => deckPlan(moved, { order: ['retro', 'retro'] })).toThrow(/named twice/);
  });

  it('builds exactly the named sections and slides, in that order', () => {
    let doc = editRound(twoProjects(), 'default', { benefits: ['Help'], nextSteps: ['More'] }).doc;
    doc = editRoundDeck(doc, 'default', {
      slides: [{ id: 'slide-1', kind: 'markdown', title: 'Thanks', markdown: '', notes: 'Say thanks' }],
    }).doc;
    const deck = buildDeck(doc, { order: ['nextSteps', 'slide-1', 'benefits'] });
    const headings = slidesOf(deck.markdown)
      .slice(1)
      .map((s) => s.trim().split('\n')[0]);
    expect(headings).toEqual(['# Next steps', '# Thanks', '# Benefits to TAG members']);
    expect(deck.markdown).toContain('# Thanks\n\n<!--\nSpeaker notes\nSay thanks\n-->');
  });
});

describe('custom slides', () => {
  it('keep markdown but neutralize slide breaks, directives, style, HTML and remote images', () => {
    const hostile = [
      'Intro with **bold**',
      '---',
      '***',
      '> ---',
      '- * * *',
      '<!-- _class: invert -->',
      '<style>section { display: none }</style>',
      'An image ![x](https://example.org/x.png) and `<!-- code -->`',
      '```',
      '---',
      '<!-- in a fence -->',
      '```',
    ].join('\n');
    const out = neutralizeMarkdown(hostile);
    expect(out.split('\n')).toEqual([
      'Intro with **bold**',
      '\\---',
      '\\***',
      '> \\---',
      '- \\* * *',
      '&lt;!-- _class: invert --&gt;'.replace('&gt;', '>'),
      '&lt;style>section { display: none }&lt;/style>',
      'An image \\![x](https://example.org/x.png) and `<!-- code -->`',
      '```',
      '---',
      '<!-- in a fence -->',
      '```',
    ]);
    // An unclosed fence is closed, so it cannot swallow the slides after it.
    expect(neutralizeMarkdown('```js\nconst a = 1;')).toBe('```js\nconst a = 1;\n```');
  });

  it('refuses slide ids that clash and image slides without a stored picture, changing nothing', () => {
    const doc = twoProjects();
    const md = (id: string) => ({ id, kind: 'markdown' as const, title: 'x', markdown: '', notes: '' });
    expect(() => editRoundDeck(doc, 'default', { slides: [md('slide-1'), md('slide-1')] })).toThrow(/two slides have the id "slide-1"/);
    expect(() => editRoundDeck(doc, 'default', { slides: [md('retro')] })).toThrow(/section's name/);
    expect(() => editRoundDeck(doc, 'default', { slides: [{ id: 'image-9', kind: 'image', title: '', alt: '', notes: '' }] })).toThrow(
      /no picture yet/,
    );
    expect(() => editRoundDeck(doc, 'default', { conceptLink: { label: 'x', url: 'javascript:alert(1)' } })).toThrow(/http\(s\) URL/);
    expect(doc.rounds[0]!.deck).toEqual(emptyRoundDeck());
  });
});

describe('image slides', () => {
  it('take a PNG, JPEG, GIF or WebP by its bytes, keep it through edits, and embed it as a data URI', () => {
    const gif = b64([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]);
    const jpeg = b64([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
    const webp = b64([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);
    expect([PNG, gif, jpeg, webp].map((x) => checkDeckImage(x, 'a'))).toEqual(['image/png', 'image/gif', 'image/jpeg', 'image/webp']);
    const added = addDeckImage(twoProjects(), 'default', { base64: PNG, name: 'get-along.png', alt: 'Two circles' });
    expect(added.value).toMatchObject({ id: 'image-1', kind: 'image', image: { mime: 'image/png', name: 'get-along.png' } });
    // An edit names the slide without its bytes; the stored picture stays.
    const edited = editRoundDeck(added.doc, 'default', {
      slides: [{ id: 'image-1', kind: 'image', title: 'Get along', alt: 'Two circles', notes: '' }],
    });
    expect(edited.doc.rounds[0]!.deck.slides[0]).toMatchObject({ title: 'Get along', image: { base64: PNG } });
    expect(buildDeck(edited.doc).markdown).toContain(
      `<!-- _class: picture -->\n# Get along\n\n![Two circles](data:image/png;base64,${PNG})`,
    );
    // The stored document validates (the picture's type is proven by its bytes on every load too).
    expect(StoreDocSchema.safeParse(edited.doc).success).toBe(true);
    expect(withoutImageBytes(edited.doc.rounds[0]!).deck.slides[0]).toMatchObject({ image: { base64: '', name: 'get-along.png' } });
    expect(nextSlideId(edited.doc.rounds[0]!.deck, 'image')).toBe('image-2');
  });

  it('refuses what is not a picture, an empty file and one over 10 MB, with a message that says what to do', () => {
    const refuse = (base64: string, name = 'x.png') => {
      try {
        addDeckImage(twoProjects(), 'default', { base64, name });
      } catch (e) {
        expect(e).toBeInstanceOf(PalsError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refuse(b64([...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')]), 'evil.png')).toMatch(
      /^"evil\.png" is not a PNG, JPEG, GIF or WebP picture \(its first bytes say so, whatever its name\)/,
    );
    expect(refuse(b64([...Buffer.from('<!doctype html><p>hi')]))).toMatch(/not a PNG, JPEG, GIF or WebP/);
    expect(refuse('')).toMatch(/is empty/);
    const big = Buffer.alloc(MAX_DECK_IMAGE_BYTES + 1);
    Buffer.from(PNG, 'base64').copy(big);
    expect(refuse(big.toString('base64'))).toMatch(/at most 10 MB|is 10\.0 MB; a slide image may be at most 10\.0 MB/);
    expect(refuse('not base64!')).toMatch(/base64/);
  });

  it('cannot be smuggled in by a hand-edited store: the bytes must prove the type', () => {
    const added = addDeckImage(twoProjects(), 'default', { base64: PNG, name: 'a.png' }).doc;
    const raw = JSON.parse(JSON.stringify(added)) as { rounds: { deck: { slides: { image: { mime: string; base64: string } }[] } }[] };
    raw.rounds[0]!.deck.slides[0]!.image.base64 = b64([...Buffer.from('<svg onload=alert(1)>')]);
    expect(StoreDocSchema.safeParse(raw).success).toBe(false);
  });
});

describe('speaker notes', () => {
  it('survive as written, but can neither close their comment, be read as a directive nor break the slide', () => {
    const text = 'theme: uncover\n_class: invert\n---\n--> <style> [x](javascript:y) & done';
    const comment = notesComment(text);
    expect(comment.startsWith('<!--\nSpeaker notes\n')).toBe(true);
    expect(comment.slice(4, -3)).not.toMatch(/-->|<|>|\[|\]/);
    expect(comment.split('\n')).not.toContain('---');
    expect(notesFrom([comment.slice(4, -3).trim()])).toBe(text.replace('\n---\n', '\n—\n'));
    expect(notesComment('  \n ')).toBe('');
  });

  it('travel with every slide the moves feed (a sanity check of the timebox notes)', () => {
    let doc = twoProjects();
    doc = moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'board', at: at }).doc;
    expect(buildDeck(doc).markdown).toContain('a backdated move counts on the day it happened');
  });
});
