// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { loadedDialog, renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function api() {
  return createFakeApi(seededDoc([{ name: 'Kyverno' }, { name: 'Argo' }]));
}

async function openDeck() {
  fireEvent.click(screen.getByRole('tab', { name: 'Retrospective deck' }));
  return screen.findByRole('region', { name: 'Preview' }, { timeout: 15_000 });
}

describe('the retrospective deck view', () => {
  beforeEach(() => {
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => undefined });
  });

  it('renders the preview slide by slide, from the chosen options (debounced)', async () => {
    const fake = api();
    await renderApp(fake);
    const preview = await openDeck();
    // The core's real deck (marp-core): as many slides as its sections make, each one a figure.
    const count = await within(preview).findByText(/^\d+ slides from 2 engagements$/);
    expect(count.getAttribute('role')).toBe('status');
    const slides = Number.parseInt(count.textContent, 10);
    expect(slides).toBeGreaterThan(2);
    expect(within(preview).getByText(`Slide 1 of ${String(slides)}`)).toBeTruthy();
    expect(within(preview).getByText(`Slide ${String(slides)} of ${String(slides)}`)).toBeTruthy();
    // The slide itself lives in a shadow root, sanitized, with its inline style applied via CSSOM.
    const host = preview.querySelector('.slide-host')!;
    expect(host.shadowRoot!.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 1280 720');
    expect(host.shadowRoot!.querySelector('foreignObject')!.getAttribute('width')).toBe('1280');
    const section = host.shadowRoot!.querySelector('section')!;
    expect(section.textContent).toContain('Security Pals Retrospective');
    expect(section.hasAttribute('style')).toBe(true); // set through el.style, not markup

    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'uncover' } });
    await waitFor(() => {
      expect(fake.callsOf('deckPreview').at(-1)).toEqual({ options: { theme: 'uncover', round: 'default' } });
    });
  });

  it('keeps the running order with the round: a section turned off, one moved with the keyboard', async () => {
    const fake = api();
    await renderApp(fake);
    const preview = await openDeck();
    const count = async () => Number.parseInt((await within(preview).findByText(/^\d+ slides from 2 engagements$/)).textContent, 10);
    const before = await count();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Projects' }));
    await waitFor(() => {
      const last = fake.callsOf('editRoundDeck').at(-1) as { id: string; patch: { items?: { id: string; on: boolean }[] } } | undefined;
      expect(last?.id).toBe('default');
      expect(last?.patch.items).toContainEqual({ id: 'projects', on: false });
    });
    await waitFor(async () => {
      expect(await count()).toBe(before - 1);
    });
    const down = screen.getByRole('button', { name: 'Move Concept down' });
    down.focus();
    fireEvent.click(down);
    await waitFor(() => {
      const items = (fake.callsOf('editRoundDeck').at(-1) as { patch: { items: { id: string }[] } }).patch.items.map((i) => i.id);
      expect(items.slice(0, 2)).toEqual(['projects', 'concept']);
    });
    expect(await screen.findByText('Concept moved to place 2 of 10')).toBeTruthy();
  });

  it('saves the round’s words as typed, shows the pilot’s words only as placeholders, and previews them', async () => {
    const fake = api();
    await renderApp(fake);
    const preview = await openDeck();
    const benefits = screen.getByLabelText<HTMLTextAreaElement>('Benefits text');
    expect(benefits.value).toBe('');
    expect(benefits.placeholder).toMatch(/^A chance to help the community/);
    // Empty: the section is left out, and the list says so.
    expect(await screen.findAllByText('nothing to show yet: left out')).not.toHaveLength(0);
    fireEvent.change(benefits, { target: { value: 'Exposure to other projects\n  Both teams and technology' } });
    fireEvent.change(screen.getByLabelText('Concept link'), { target: { value: 'javascript:alert(1)' } });
    expect(await screen.findByText(/must be an http\(s\) URL/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Concept link'), { target: { value: 'https://github.com/cncf/tag-security/issues/554' } });
    await waitFor(() => {
      expect(fake.callsOf('editRound').at(-1)).toEqual({
        id: 'default',
        benefits: ['Exposure to other projects', '  Both teams and technology'],
      });
    });
    await waitFor(() => {
      expect(fake.callsOf('editRoundDeck').at(-1)).toEqual({
        id: 'default',
        patch: { conceptLink: { label: '', url: 'https://github.com/cncf/tag-security/issues/554' } },
      });
    });
    await waitFor(() => {
      const texts = Array.from(preview.querySelectorAll('.slide-host')).map((h) => h.shadowRoot?.textContent ?? '');
      expect(texts.some((t) => t.includes('Both teams and technology'))).toBe(true);
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('adds a markdown slide and an image slide, and refuses a file that is not a picture', async () => {
    const fake = api();
    await renderApp(fake);
    await openDeck();
    fireEvent.click(screen.getByRole('button', { name: 'Add markdown slide' }));
    const markdown = await screen.findByLabelText<HTMLTextAreaElement>('Slide markdown');
    fireEvent.change(markdown, { target: { value: '* One\n---\n<!-- _class: invert -->' } });
    await waitFor(() => {
      expect(fake.callsOf('editRoundDeck').at(-1)).toMatchObject({
        patch: { slides: [{ id: 'slide-1', kind: 'markdown', title: 'New slide', markdown: '* One\n---\n<!-- _class: invert -->' }] },
      });
    });
    expect(screen.getByRole('checkbox', { name: 'Slide: New slide' })).toBeTruthy();
    const input = screen.getByLabelText<HTMLInputElement>('Add image slide…');
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'evil.png', { type: 'image/png' });
    fireEvent.change(input, { target: { files: [svg] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/"evil\.png" is not a PNG, JPEG, GIF or WebP picture/);
    expect(fake.callsOf('addDeckImage')).toEqual([]);
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'get-along.png', {
      type: 'image/png',
    });
    fireEvent.change(input, { target: { files: [png] } });
    expect(await screen.findByText('get-along.png added as an image slide')).toBeTruthy();
    expect(fake.callsOf('addDeckImage')[0]).toMatchObject({ id: 'default', image: { name: 'get-along.png', base64: 'iVBORw0KGgoAAAAN' } });
    expect(screen.getByRole('checkbox', { name: 'Image image-1' })).toBeTruthy();
  });

  it('downloads an export that the core hands back as a file', async () => {
    // A host without the desktop's save dialog (`pals serve`): the core answers with the file.
    const fake = createFakeApi(seededDoc([{ name: 'Kyverno' }, { name: 'Argo' }]), { exportPlatform: false });
    const create = vi.spyOn(URL, 'createObjectURL');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderApp(fake);
    await openDeck();
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => {
      expect(create).toHaveBeenCalledTimes(1);
    });
    const blob = create.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('text/markdown');
    expect(await blob.text()).toMatch(/^---\nmarp: true\n[\s\S]*Security Pals Retrospective/);
    expect(click).toHaveBeenCalledTimes(1);
    expect(fake.callsOf('exportDeck')[0]).toMatchObject({ format: 'md' });
    expect(await screen.findByText('Downloading security-pals-retrospective-2026-03-02.md')).toBeTruthy();
  });

  it('tells where a saved export went, and exports the self-assessment starter from the card', async () => {
    const fake = api();
    fake.saveFolder = '/home/pal'; // where the stand-in save dialog puts what the core hands it
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Kyverno' }));
    const dialog = await loadedDialog('Kyverno');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export self-assessment starter' }));
      await Promise.resolve();
    });
    expect(await screen.findByText('Saved to /home/pal/kyverno-self-assessment.md')).toBeTruthy();
    expect(fake.callsOf('exportAssessment')).toEqual([{ id: 'eng-1' }]);
    expect(fake.saves.map((f) => [f.name, f.path])).toEqual([['kyverno-self-assessment.md', '/home/pal/kyverno-self-assessment.md']]);
    expect(String(fake.saves[0]!.data)).toContain('Kyverno');
  });
});
