// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { loadedDialog, renderApp } from './render-app.js';
import { seededDoc, withSeededNote } from './seeded-doc.js';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

function api() {
  let doc = seededDoc([{ name: 'Kyverno' }, { name: 'Argo' }]);
  doc = withSeededNote(doc, 'eng-1', 'note-k', { kind: 'meet-greet', date: '2026-02-02', text: 'Intro call.\nThey want an SBOM story.' });
  doc = withSeededNote(doc, 'eng-2', 'note-a', { kind: 'general', text: 'Nothing about that here' });
  return createFakeApi(withSeededNote(doc, 'eng-2', 'note-b', { kind: 'follow-up', date: '2026-02-20', text: 'SBOM tooling chosen' }));
}

describe('note search', () => {
  it('lists matches inside notes for queries of two characters or more, after a pause', async () => {
    const { api: fake } = await renderApp(api());
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 's' } });
    expect(screen.queryByRole('region', { name: 'Matches in notes' })).toBeNull();
    fireEvent.change(search, { target: { value: 'sb' } });
    fireEvent.change(search, { target: { value: 'sbom' } });
    const matches = await screen.findByRole('region', { name: 'Matches in notes' });
    await within(matches).findAllByRole('button');
    expect(
      within(matches)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      expect.stringMatching(/^Kyverno.*Meet & greet.*They want an SBOM story\.$/),
      expect.stringMatching(/^Argo.*Follow-up.*SBOM tooling chosen$/),
    ]);
    expect(fake.callsOf('search')).toEqual([{ query: 'sbom', limit: 30 }]); // debounced: one call
    fireEvent.change(search, { target: { value: 'zebra' } });
    expect(await within(matches).findByText('No note mentions “zebra”.')).toBeTruthy();
  });

  it('opens the engagement at the matching note, reachable by keyboard', async () => {
    await renderApp(api());
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'tooling' } });
    const matches = await screen.findByRole('region', { name: 'Matches in notes' });
    const result = await within(matches).findByRole('button', { name: /^Argo/ });
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(result);
    fireEvent.click(result);
    const dialog = await loadedDialog('Argo');
    expect(within(dialog).getByRole('tab', { name: /Notes/ }).getAttribute('aria-selected')).toBe('true');
    const text = within(dialog).getByLabelText<HTMLTextAreaElement>('Note');
    expect(text.value).toBe('SBOM tooling chosen');
    await waitFor(() => {
      expect(document.activeElement).toBe(text);
    });
    expect([text.selectionStart, text.selectionEnd]).toEqual([5, 12]);
  });
});
