// @vitest-environment jsdom
/** Issue 17: the card dialog's "Self-assessment PR…" shows the ready pull request and copies its parts. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { loadedDialog, renderApp } from './render-app.js';
import { seededDoc } from './seeded-doc.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

function api() {
  return createFakeApi(
    seededDoc([
      { name: 'Kyverno <b>x</b>', maturity: 'incubating', pals: ['Ana'], repo: 'https://github.com/kyverno/kyverno' },
      { name: 'Argo' },
    ]),
  );
}

async function openPr(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  const dialog = await loadedDialog(name);
  const toggle = within(dialog).getByRole('button', { name: 'Self-assessment PR…' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  const panel = await within(dialog).findByRole('region', { name: 'Self-assessment pull request' });
  await within(panel).findByLabelText('Title');
  return { dialog, toggle, panel };
}

describe('the self-assessment PR in the card dialog', () => {
  it('shows the title, path and description the core prepares, hostile names as text', async () => {
    const fake = api();
    await renderApp(fake);
    const { toggle, panel } = await openPr('Kyverno <b>x</b>');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    expect(fake.callsOf('assessmentPullRequest')).toEqual([{ id: 'eng-1' }]);
    const title = within(panel).getByLabelText<HTMLInputElement>('Title');
    const path = within(panel).getByLabelText<HTMLInputElement>('Path');
    const body = within(panel).getByLabelText<HTMLTextAreaElement>('Description');
    expect(title.readOnly && path.readOnly && body.readOnly).toBe(true);
    expect(title.value).toContain('Kyverno');
    expect(path.value).toBe('docs/security/self-assessment.md');
    expect(body.value).toContain('docs/security/self-assessment.md');
    expect(body.value).toContain('Kyverno');
    expect(panel.querySelector('b')).toBeNull();
    expect(within(panel).getByText(/^For /).textContent).toContain('kyverno/kyverno');
    fireEvent.click(toggle);
    expect(within(document.body).queryByRole('region', { name: 'Self-assessment pull request' })).toBeNull();
  });

  it('copies with the clipboard, and selects the text where there is none', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderApp(api());
    const { panel } = await openPr('Kyverno <b>x</b>');
    const body = within(panel).getByLabelText<HTMLTextAreaElement>('Description');
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Copy description' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith(body.value);
    expect(await within(panel).findByText('Copied the description.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Copy title' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenLastCalledWith(within(panel).getByLabelText<HTMLInputElement>('Title').value);

    Reflect.deleteProperty(navigator, 'clipboard');
    const path = within(panel).getByLabelText<HTMLInputElement>('Path');
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Copy path' }));
      await Promise.resolve();
    });
    expect(within(panel).getByRole('status').textContent).toBe('Could not copy: the path is selected, copy it with Ctrl+C (⌘C).');
    expect(document.activeElement).toBe(path);
    expect([path.selectionStart, path.selectionEnd]).toEqual([0, path.value.length]);
  });

  it('says when no repository is linked, and has no axe violations', async () => {
    await renderApp(api());
    const { dialog, panel } = await openPr('Argo');
    expect(within(panel).getByText(/No repository linked yet/)).toBeTruthy();
    const result = await axe.run(dialog, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await waitFor(() => {
      expect(within(panel).getByLabelText<HTMLTextAreaElement>('Description').value).toContain('Argo');
    });
  });
});
