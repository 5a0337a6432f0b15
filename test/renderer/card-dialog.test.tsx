// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { loadedDialog, namesIn, renderApp } from './render-app.js';

afterEach(cleanup);

function api() {
  return createFakeApi(
    seededDoc([
      { name: 'Kyverno', maturity: 'incubating', kickoff: '2026-01-12', pals: ['Ana'], reaction: 'Where do we start?' },
      { name: 'Argo' },
    ]),
  );
}

async function openCard(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  return loadedDialog(name);
}

describe('the card dialog', () => {
  it('opens from the card, named by the project, on its Details tab', async () => {
    await renderApp(api());
    const dialog = await openCard('Kyverno');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(dialog);
    expect(within(dialog).getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')).toBe('true');
    expect(
      within(dialog)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['Details', 'Notes 0', 'Retrospective']);
    const value = (label: string) => within(dialog).getByLabelText<HTMLInputElement>(label).value;
    expect(value('Name')).toBe('Kyverno');
    expect(value('Maturity')).toBe('incubating');
    expect(value('Kickoff date')).toBe('2026-01-12');
    expect(value('Phase')).toBe('intake');
    expect(value('Pals')).toBe('Ana');
    for (const label of ['Repository URL', 'GitHub issue', 'Selection criteria', 'On hold']) {
      expect(within(dialog).getByLabelText(label)).toBeTruthy();
    }
    expect(within(dialog).getByRole('button', { name: 'Add note' })).toBeTruthy();
  });

  it('moves between tabs with the arrow keys, showing one panel at a time', async () => {
    await renderApp(api());
    const dialog = await openCard('Kyverno');
    const details = within(dialog).getByRole('tab', { name: 'Details' });
    details.focus();
    fireEvent.keyDown(details, { key: 'ArrowRight' });
    const notes = within(dialog).getByRole('tab', { name: /Notes/ });
    expect(document.activeElement).toBe(notes);
    expect(notes.getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByRole('tabpanel', { name: /Notes/ })).toBeTruthy();
    fireEvent.keyDown(notes, { key: 'End' });
    const panel = within(dialog).getByRole('tabpanel', { name: 'Retrospective' });
    expect(within(panel).getByLabelText<HTMLTextAreaElement>('Initial reaction').value).toBe('Where do we start?');
    expect(within(dialog).queryAllByRole('tabpanel')).toHaveLength(1);
  });

  it('saves only what changed, moves on a phase change, and lists the phase history', async () => {
    const { api: fake } = await renderApp(api());
    const dialog = await openCard('Kyverno');
    fireEvent.change(within(dialog).getByLabelText('Selection criteria'), { target: { value: 'TOC input; young project' } });
    fireEvent.click(within(dialog).getByLabelText('On hold'));
    fireEvent.change(within(dialog).getByLabelText('Phase'), { target: { value: 'meet-greet' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Changes saved')).toBeTruthy();
    expect(fake.callsOf('editEngagement')).toEqual([{ id: 'eng-1', patch: { onHold: true, selection: 'TOC input; young project' } }]);
    expect(fake.callsOf('moveEngagement')).toEqual([{ id: 'eng-1', phase: 'meet-greet' }]);
    expect(namesIn('Meet & greet')).toEqual(['Kyverno']);
    const history = within(within(dialog).getByRole('region', { name: 'Phase history' })).getAllByRole('listitem');
    expect(history.map((li) => li.querySelector('.history-move')?.textContent)).toEqual(['Added in Intake', 'Intake → Meet & greet']);
    expect(history[1]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-02T10:00:00.002Z'); // the fake's clock: the edit at +1 ms, the move at +2 ms
    expect(screen.getByRole('button', { name: 'Kyverno' }).closest('li')!.textContent).toContain('On hold');
  });

  it('shows validation messages beside the fields and sends nothing', async () => {
    const { api: fake } = await renderApp(api());
    const dialog = await openCard('Kyverno');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const name = within(dialog).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('must not be empty');
    expect(fake.callsOf('editEngagement')).toEqual([]);
  });

  it('adds a note with "Add note": the text takes focus and autosaves, the save state says so', async () => {
    const { api: fake } = await renderApp(api());
    const dialog = await openCard('Argo');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add note' }));
    const note = within(dialog).getByLabelText<HTMLTextAreaElement>('Note');
    expect(document.activeElement).toBe(note);
    expect(note.value).toBe(''); // Argo is in Intake: a general note, no agenda
    const editor = within(dialog).getByRole('region', { name: 'Note editor' });
    fireEvent.change(note, { target: { value: '<b>not bold</b>\n# not a heading' } });
    expect(within(editor).getByRole('status').textContent).toBe('Saving…');
    await waitFor(() => {
      expect(within(editor).getByRole('status').textContent).toBe('Saved');
    });
    expect(fake.callsOf('addNote')).toEqual([{ id: 'eng-2', note: { kind: 'general', text: '', date: '2026-03-02', attendees: [] } }]);
    const created = fake.doc.engagements[1]!.notes[0]!; // its id is the core's: random, like every new record's
    expect(fake.callsOf('updateNote')).toEqual([{ id: 'eng-2', noteId: created.id, patch: { text: '<b>not bold</b>\n# not a heading' } }]);
    expect(fake.doc.engagements[1]!.notes[0]!.text).toBe('<b>not bold</b>\n# not a heading');
    expect(
      within(dialog)
        .getByRole('button', { name: /^General · .*<b>not bold<\/b>$/ })
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(dialog.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: 'Argo' }).closest('li')!.textContent).toContain('1 note');
  });

  it('deletes only after confirmation, then closes', async () => {
    const { api: fake } = await renderApp(api());
    const dialog = await openCard('Argo');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete engagement' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(fake.callsOf('removeEngagement')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete engagement' }));
    expect(within(dialog).getByText(/Delete Argo for good\? This cannot be undone\./)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(fake.callsOf('removeEngagement')).toEqual([{ id: 'eng-2' }]);
    expect(screen.queryByRole('button', { name: 'Argo' })).toBeNull();
  });

  it('closes on Escape and on Cancel without saving, returning focus to the card', async () => {
    const { api: fake } = await renderApp(api());
    const card = screen.getByRole('button', { name: 'Argo' });
    card.focus();
    let dialog = await openCard('Argo');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Argo CD' } });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Argo' }));
    });
    dialog = await openCard('Argo');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsOf('editEngagement')).toEqual([]);
  });
});
