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
    expect(await within(preview).findByText('Slide 1 of 3')).toBeTruthy();
    expect(within(preview).getByText('Slide 3 of 3')).toBeTruthy();
    expect(within(preview).getByRole('status').textContent).toBe('3 slides from 2 engagements');
    // The slide itself lives in a shadow root, sanitized, with its inline style applied via CSSOM.
    const host = preview.querySelector('.slide-host')!;
    expect(host.shadowRoot!.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 1280 720');
    expect(host.shadowRoot!.querySelector('foreignObject')!.getAttribute('width')).toBe('1280');
    const section = host.shadowRoot!.querySelector('section')!;
    expect(section.textContent).toBe('Security Pals Retrospective');
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
    const fake = api();
    fake.exportResult = { kind: 'download', filename: 'deck.md', mime: 'text/markdown', base64: btoa('# Deck') };
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
    expect(await blob.text()).toBe('# Deck');
    expect(click).toHaveBeenCalledTimes(1);
    expect(fake.callsOf('exportDeck')[0]).toMatchObject({ format: 'md' });
    expect(await screen.findByText('Downloading deck.md')).toBeTruthy();
  });

  it('tells where a saved export went, and exports the self-assessment starter from the card', async () => {
    const fake = api();
    fake.exportResult = { kind: 'saved', path: '/home/pal/kyverno-self-assessment.md' };
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Kyverno' }));
    const dialog = await loadedDialog('Kyverno');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export self-assessment starter' }));
      await Promise.resolve();
    });
    expect(await screen.findByText('Saved to /home/pal/kyverno-self-assessment.md')).toBeTruthy();
    expect(fake.callsOf('exportAssessment')).toEqual([{ id: 'eng-1' }]);
  });
});
