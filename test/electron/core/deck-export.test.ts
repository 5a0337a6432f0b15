import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, DeckPreview } from '../../../shared/api.js';
import type { Round } from '../../../shared/schema.js';
import { renderDeck } from '../../../electron/core/export/render-deck.js';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import type { ExportPlatform } from '../../../electron/core/context.js';
import { buildDeck } from '../../../shared/deck/build-deck.js';
import { editRoundDeck } from '../../../shared/deck/round-deck.js';
import { addEngagement, editEngagement } from '../../../shared/engagements.js';
import { tempDir } from '../../helpers.js';

const at = '2026-11-01T00:00:00.000Z';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]).toString('base64');

async function core(platform?: ExportPlatform) {
  const { store } = await PalsStore.open(await tempDir());
  await store.update((doc) => addEngagement(doc, { name: 'Kyverno', pals: ['Ann'] }, { id: 'kyv', at }));
  await store.update((doc) => ({
    doc: editEngagement(doc, 'kyv', { reaction: 'Where do we start?', retro: { worked: 'The template' } }, at).doc,
    value: null,
  }));
  const handlers = createCore(store, { today: () => '2026-11-27', exportPlatform: platform });
  // T only names what the test expects back (dispatch answers `unknown`).
  const call = async <T = unknown>(name: string, args: unknown): Promise<T> => {
    const res = await handlers.dispatch(name, args);
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    return res.value as T;
  };
  return { handlers, call, store };
}

describe('the deck calls', () => {
  it('save a round’s words and slides, and the preview says which sections were left out', async () => {
    const { call } = await core();
    const before = await call<DeckPreview>('deckPreview', { options: {} });
    expect(before.omitted).toEqual(['concept', 'learnings', 'buyIn', 'benefits', 'nextSteps', 'compare']);
    await call('editRound', { id: 'default', benefits: ['Help the community'] });
    const round = await call<Round>('editRoundDeck', {
      id: 'Round 1',
      patch: {
        concept: ['A helping security hand'],
        slides: [{ id: 'slide-1', kind: 'markdown', title: 'Thanks', markdown: '* All pals', notes: '' }],
      },
    });
    expect(round.deck.concept).toEqual(['A helping security hand']);
    const after = await call<DeckPreview>('deckPreview', { options: {} });
    expect(after.omitted).toEqual(['learnings', 'buyIn', 'nextSteps', 'compare']);
    expect(after.slideCount).toBe(before.slideCount + 3);
    expect(after.html).toContain('A helping security hand');
    expect(after.html).toContain('<h1 id="thanks">Thanks</h1>');
  });

  it('take a picture by its bytes, never send its bytes back to pages, and refuse what is not a picture', async () => {
    const { call, handlers } = await core();
    const added = await call<{ round: Round; slideId: string }>('addDeckImage', {
      id: 'default',
      image: { base64: PNG, name: 'a.png', alt: 'A' },
    });
    expect(added.slideId).toBe('image-1');
    expect(added.round.deck.slides[0]).toMatchObject({ kind: 'image', image: { mime: 'image/png', base64: '' } });
    const board = await call<BoardSnapshot>('getBoard', {});
    expect(JSON.stringify(board.rounds)).not.toContain(PNG);
    const preview = await call<DeckPreview>('deckPreview', { options: {} });
    expect(preview.html).toContain(`src="data:image/png;base64,${PNG}"`);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    expect(await handlers.dispatch('addDeckImage', { id: 'default', image: { base64: svg, name: 'x.png' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/"x\.png" is not a PNG, JPEG, GIF or WebP picture/) },
    });
    expect(await handlers.dispatch('editRoundDeck', { id: 'nope', patch: {} })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answer the self-assessment as a pull request', async () => {
    const { call } = await core();
    const pr = await call<{ title: string; body: string; path: string }>('assessmentPullRequest', { id: 'kyv' });
    expect(pr).toMatchObject({ title: "docs: add Kyverno's security self-assessment", path: 'docs/security/self-assessment.md' });
    expect(pr.body).toContain('https://github.com/cncf/tag-security/blob/main/community/assessments/guide/self-assessment.md');
  });
});

describe('a custom slide in Marp', () => {
  it('stays exactly one slide whatever markdown, HTML, `---` or directives it holds', async () => {
    const { store } = await core();
    const hostile =
      'Intro\n\n---\n\n<!-- _class: invert -->\n<!-- theme: uncover -->\n<style>section{display:none}</style>\n<script>alert(1)</script>\n[x](javascript:alert(1)) ![y](https://example.org/y.png)\n\n```\nunclosed';
    const doc = editRoundDeck(store.doc, 'default', {
      slides: [{ id: 'slide-1', kind: 'markdown', title: 'Evil', markdown: hostile, notes: '---\n<!-- x -->' }],
      items: [{ id: 'slide-1', on: true }],
    }).doc;
    const deck = buildDeck(doc, { order: ['slide-1', 'projects'] });
    const rendered = renderDeck(deck.markdown);
    expect(rendered.slideCount).toBe(3);
    expect(deck.slideCount).toBe(3);
    expect(rendered.html).not.toMatch(/data-theme="uncover"|class="invert"|<style|<script|href="javascript:|src="https:/);
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered.html).toContain('<h1 id="projects">Projects</h1>');
  });
});

describe('PPTX', () => {
  it('has one picture slide per Marp slide, with the slide comments as speaker notes', async () => {
    const pictured: string[][] = [];
    const saved: { name: string; data: Uint8Array }[] = [];
    const platform: ExportPlatform = {
      saveFile: (name, data) => {
        saved.push({ name, data: data as Uint8Array });
        return Promise.resolve(`/home/me/${name}`);
      },
      printToPdf: () => Promise.resolve(new Uint8Array([37, 80, 68, 70])),
      pictureSlides: (pages) => {
        pictured.push([...pages]);
        return Promise.resolve(pages.map(() => new Uint8Array(Buffer.from(PNG, 'base64'))));
      },
    };
    const { call } = await core(platform);
    const preview = await call<DeckPreview>('deckPreview', { options: {} });
    const done = await call<{ kind: string; path: string }>('exportDeck', { options: {}, format: 'pptx' });
    expect(done).toEqual({ kind: 'saved', path: '/home/me/security-pals-retrospective-2026-11-27.pptx' });
    // Each page is one slide alone at 1280×720, offline (the deck's CSP), no script.
    expect(pictured[0]).toHaveLength(preview.slideCount);
    for (const page of pictured[0]!) {
      expect((page.match(/<section\b/g) ?? []).length).toBe(1);
      expect(page).toContain("default-src 'none'");
      expect(page).toContain('width:1280px;height:720px');
    }
    const zip = await JSZip.loadAsync(saved[0]!.data);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(preview.slideCount);
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const all = notes.join('\n');
    expect(all).toContain('1 project in the round; 0 finished the self-assessment.');
    expect(all).toContain('What worked: 1 point from 1 of 1 project.');
    expect(all).not.toContain('Speaker notes');
  });
});
