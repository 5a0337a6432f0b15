// @vitest-environment jsdom
/** The Pals dialog: the pal registry from the page (list, add, edit, merge), keeping focus in the dialog. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(cleanup);

function fakeRound() {
  return createFakeApi(
    seededDoc([
      { name: 'Kyverno', pals: ['alice chen'], phase: 'draft' },
      { name: 'Argo', pals: ['alice chen'], phase: 'review' },
      { name: 'Falco', pals: ['Alice Chen', 'Bo'], phase: 'follow-up' },
    ]),
  );
}

async function openPals() {
  fireEvent.click(screen.getByRole('button', { name: 'Pals' }));
  return screen.findByRole('dialog', { name: 'Pals' });
}

const rows = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);

describe('the Pals dialog', () => {
  it('lists each pal once with their load, limit and login, and adds one', async () => {
    const fake = fakeRound();
    await renderApp(fake);
    const dialog = await openPals();
    expect(rows(dialog)).toEqual(['alice chen only on cards3 — over the limit2 (default)——Edit', 'Bo only on cards12 (default)——Edit']);
    const form = within(dialog).getByRole('form', { name: 'Add a pal' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Dee Diaz' } });
    fireEvent.change(within(form).getByLabelText('GitHub login'), { target: { value: '@dee' } });
    fireEvent.change(within(form).getByLabelText('Limit'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add pal' }));
    await waitFor(() => {
      expect(rows(dialog)).toContain('Dee Diaz03@dee—Edit');
    });
    expect(fake.doc.settings.pals).toEqual([{ name: 'Dee Diaz', login: 'dee', limit: 3, email: null }]);
    // Once the core answers, focus is in the form, ready for the next pal.
    await waitFor(() => {
      expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
    });
  });

  it('edits a pal (focus back on its Edit button), refuses a bad login beside the field, and merges a look-alike', async () => {
    const fake = fakeRound();
    await renderApp(fake);
    const dialog = await openPals();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Edit alice chen' }));
    const form = within(dialog).getByRole('form', { name: 'Edit alice chen' });
    const name = within(form).getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    fireEvent.change(within(form).getByLabelText('GitHub login'), { target: { value: 'not a login' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save pal' }));
    expect(await within(form).findByText(/is not a GitHub login/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('GitHub login'), { target: { value: 'alice-gh' } });
    fireEvent.change(name, { target: { value: 'Alice Chen' } });
    fireEvent.change(within(form).getByLabelText('Limit'), { target: { value: '4' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save pal' }));
    await waitFor(() => {
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Edit Alice Chen' }));
    });
    expect(rows(dialog)[0]).toBe('Alice Chen34@alice-gh—Edit');
    expect(fake.doc.engagements.map((e) => e.pals)).toEqual([['Alice Chen'], ['Alice Chen'], ['Alice Chen', 'Bo']]);

    // A second spelling: offered for merging, and merged.
    const add = within(dialog).getByRole('form', { name: 'Add a pal' });
    fireEvent.change(within(add).getByLabelText('Name'), { target: { value: 'Alice-Chen' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Add pal' }));
    fireEvent.click(await within(add).findByRole('button', { name: 'Merge into Alice Chen' }));
    await waitFor(() => {
      expect(fake.doc.settings.pals.map((p) => p.name)).toEqual(['Alice Chen']);
    });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});
