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
  return screen.findByRole('region', { name: 'Preview' });
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

    fireEvent.change(screen.getByLabelText('Deck title'), { target: { value: 'Round 1' } });
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'uncover' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Buy-in' }));
    await waitFor(() => {
      expect(fake.callsOf('deckPreview').at(-1)).toEqual({
        options: {
          title: 'Round 1',
          theme: 'uncover',
          sections: {
            concept: true,
            projects: true,
            reactions: true,
            learnings: true,
            timebox: true,
            buyIn: false,
            benefits: true,
            nextSteps: true,
            retro: true,
          },
        },
      });
    });
    // Three quick changes, one call for them (plus the first render).
    expect(fake.callsOf('deckPreview')).toHaveLength(2);
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
