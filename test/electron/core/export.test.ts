import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { addEngagement } from '../../../shared/engagements.js';
import { tempDir } from '../../helpers.js';

async function core(platform?: {
  saveFile: (n: string, d: string | Uint8Array) => Promise<string | null>;
  printToPdf: (h: string) => Promise<Uint8Array>;
}) {
  const { store } = await PalsStore.open(await tempDir());
  await store.update((doc) => addEngagement(doc, { name: 'Kyverno', pals: ['Ann'] }, { id: 'kyv', at: '2026-11-01T00:00:00.000Z' }));
  return createCore(store, { today: () => '2026-11-27', exportPlatform: platform });
}

describe('export calls', () => {
  it('previews the deck as marp-core HTML, following the options', async () => {
    const handlers = await core();
    const all = await handlers.dispatch('deckPreview', { options: {} });
    const fewer = await handlers.dispatch('deckPreview', { options: { sections: { projects: false, timebox: false }, theme: 'uncover' } });
    if (!all.ok || !fewer.ok) throw new Error('preview failed');
    const a = all.value as { html: string; slideCount: number; engagementCount: number };
    const b = fewer.value as { html: string; slideCount: number; css: string };
    expect(a.engagementCount).toBe(1);
    expect((a.html.match(/<section/g) ?? []).length).toBe(a.slideCount);
    // Projects is one slide; the timebox three (the weeks, the chart, time in phase).
    expect(b.slideCount).toBe(a.slideCount - 4);
    expect(b.html).toContain('data-theme="uncover"');
    expect(await handlers.dispatch('deckPreview', { options: { theme: 'comic-sans' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('hands the file to the browser under pals serve', async () => {
    const handlers = await core();
    const md = await handlers.dispatch('exportDeck', { options: {}, format: 'md' });
    expect(md).toMatchObject({
      ok: true,
      value: { kind: 'download', filename: 'security-pals-retrospective-2026-11-27.md', mime: 'text/markdown' },
    });
    const text = Buffer.from((md as { value: { base64: string } }).value.base64, 'base64').toString('utf8');
    expect(text).toMatch(/^---\nmarp: true/);
    const sa = await handlers.dispatch('exportAssessment', { id: 'kyv' });
    expect(sa).toMatchObject({ ok: true, value: { kind: 'download', filename: 'kyverno-self-assessment.md' } });
  });

  it('uses the desktop app’s save dialog and printer when there is one', async () => {
    const saved: string[] = [];
    const handlers = await core({
      saveFile: (name) => {
        saved.push(name);
        return Promise.resolve(name.endsWith('.html') ? null : `/home/me/${name}`);
      },
      printToPdf: (html) => Promise.resolve(new TextEncoder().encode(`%PDF-fake ${html.length}`)),
    });
    expect(await handlers.dispatch('exportDeck', { options: {}, format: 'pdf' })).toEqual({
      ok: true,
      value: { kind: 'saved', path: '/home/me/security-pals-retrospective-2026-11-27.pdf' },
    });
    expect(await handlers.dispatch('exportDeck', { options: {}, format: 'html' })).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(saved).toEqual(['security-pals-retrospective-2026-11-27.pdf', 'security-pals-retrospective-2026-11-27.html']);
  });
});
