// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { loadedDialog, renderApp } from './render-app.js';

afterEach(cleanup);

/** The text of the message the field points at with aria-describedby. */
function description(field: HTMLElement): string {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const HELD = /^cncf\/tag-security#10 is already linked to "Falco" \(id eng-1\); an issue or PR belongs to one card/;

describe('one issue or PR belongs to one card, in the app', () => {
  const board = () => seededDoc([{ name: 'Falco', issue: 'cncf/tag-security#10' }, { name: 'Argo' }]);

  it('shows the refusal beside the GitHub issue field of a card’s details, and saves nothing', async () => {
    const { api } = await renderApp(createFakeApi(board()));
    fireEvent.click(screen.getByRole('button', { name: 'Argo' }));
    const dialog = await loadedDialog('Argo');
    const issue = within(dialog).getByLabelText('GitHub issue');
    fireEvent.change(issue, { target: { value: 'https://github.com/cncf/tag-security/issues/10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(issue.getAttribute('aria-invalid')).toBe('true');
    });
    expect(description(issue)).toMatch(HELD);
    // Beside the field, not as the name's error.
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(api.doc.engagements.find((e) => e.id === 'eng-2')!.github).toBeNull();
  });

  it('shows it beside the issue field of a new engagement too', async () => {
    const { api } = await renderApp(createFakeApi(board()));
    fireEvent.click(screen.getByRole('button', { name: 'New engagement' }));
    const dialog = screen.getByRole('dialog', { name: 'New engagement' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Cilium' } });
    const issue = within(dialog).getByLabelText('GitHub issue');
    fireEvent.change(issue, { target: { value: 'cncf/tag-security#10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add engagement' }));
    await waitFor(() => {
      expect(description(issue)).toMatch(HELD);
    });
    expect(api.doc.engagements).toHaveLength(2);
  });

  it('shows it beside the self-assessment PR field', async () => {
    await renderApp(createFakeApi(board()));
    fireEvent.click(screen.getByRole('button', { name: 'Argo' }));
    const dialog = await loadedDialog('Argo');
    const pr = within(dialog).getByLabelText('Pull request');
    fireEvent.change(pr, { target: { value: 'cncf/tag-security#10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Link PR' }));
    await waitFor(() => {
      expect(pr.getAttribute('aria-invalid')).toBe('true');
    });
    expect(description(pr)).toMatch(HELD);
  });
});
