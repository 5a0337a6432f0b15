// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { namesIn, renderApp } from './render-app.js';

afterEach(cleanup);

function openForm() {
  fireEvent.click(screen.getByRole('button', { name: 'New engagement' }));
  return screen.getByRole('dialog', { name: 'New engagement' });
}

/** The text of the message the field points at with aria-describedby. */
function description(field: HTMLElement): string {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('the New engagement form', () => {
  it('is a modal dialog that takes focus, and Escape closes it and gives focus back', async () => {
    await renderApp();
    const opener = screen.getByRole('button', { name: 'New engagement' });
    opener.focus();
    const dialog = openForm();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog', async () => {
    await renderApp();
    const dialog = openForm();
    const submit = within(dialog).getByRole('button', { name: 'Add engagement' });
    submit.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(submit);
  });

  it('shows "must not be empty" beside an empty name and saves nothing', async () => {
    const { api } = await renderApp();
    const dialog = openForm();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add engagement' }));
    const name = within(dialog).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toBe('must not be empty');
    expect(api.callsOf('addEngagement')).toEqual([]);
    expect(document.activeElement).toBe(name);
  });

  it('checks every field with the contract schema before sending', async () => {
    const { api } = await renderApp();
    const dialog = openForm();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Falco' } });
    fireEvent.change(within(dialog).getByLabelText('Repository URL'), { target: { value: 'ftp://example.org' } });
    fireEvent.change(within(dialog).getByLabelText('GitHub issue'), { target: { value: 'not an issue' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add engagement' }));
    expect(description(within(dialog).getByLabelText('Repository URL'))).toMatch(/must be an http\(s\) URL/);
    expect(description(within(dialog).getByLabelText('GitHub issue'))).toMatch(/not an issue reference/);
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(api.callsOf('addEngagement')).toEqual([]);
  });

  it('adds a valid engagement to Intake and closes', async () => {
    const { api } = await renderApp();
    const dialog = openForm();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '  Falco ' } });
    fireEvent.change(within(dialog).getByLabelText('Maturity'), { target: { value: 'graduated' } });
    fireEvent.change(within(dialog).getByLabelText('Repository URL'), { target: { value: 'https://github.com/falcosecurity/falco' } });
    fireEvent.change(within(dialog).getByLabelText('Kickoff date'), { target: { value: '2026-04-01' } });
    fireEvent.change(within(dialog).getByLabelText('Pals'), { target: { value: 'Ana, , Ben ' } });
    fireEvent.change(within(dialog).getByLabelText('GitHub issue'), { target: { value: 'https://github.com/cncf/tag-security/issues/7' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add engagement' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(api.callsOf('addEngagement')).toEqual([
      {
        name: 'Falco',
        maturity: 'graduated',
        repo: 'https://github.com/falcosecurity/falco',
        kickoff: '2026-04-01',
        pals: ['Ana', 'Ben'],
        issue: 'https://github.com/cncf/tag-security/issues/7',
      },
    ]);
    expect(namesIn('Intake')).toEqual(['Falco']);
    expect(screen.getByRole('button', { name: 'Falco' }).closest('li')!.textContent).toContain('cncf/tag-security#7');
  });

  it('shows a refusal from the core beside the field it names', async () => {
    const { api } = await renderApp(createFakeApi(seededDoc([{ name: 'Kyverno' }])));
    const dialog = openForm();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'kyverno' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add engagement' }));
    const name = within(dialog).getByLabelText('Name');
    await waitFor(() => {
      expect(name.getAttribute('aria-invalid')).toBe('true');
    });
    expect(description(name)).toMatch(/already exists/);

    api.failNext('addEngagement', { code: 'invalid-input', message: 'kickoff: must be a real date written YYYY-MM-DD', field: 'kickoff' });
    fireEvent.change(name, { target: { value: 'Falco' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add engagement' }));
    const kickoff = within(dialog).getByLabelText('Kickoff date');
    await waitFor(() => {
      expect(kickoff.getAttribute('aria-invalid')).toBe('true');
    });
    expect(description(kickoff)).toBe('must be a real date written YYYY-MM-DD');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
