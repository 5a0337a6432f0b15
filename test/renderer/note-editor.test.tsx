// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agendaFor } from '../../shared/agenda.js';
import { journalKey } from '../../renderer/src/notes/draft-journal.js';
import { createFakeApi } from './fake-api.js';
import { loadedDialog, renderApp } from './render-app.js';
import { seededDoc, withSeededNote } from './seeded-doc.js';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

function api() {
  const doc = seededDoc([
    { name: 'Kyverno', phase: 'meet-greet', kickoff: '2026-02-23', pals: ['Ana'] },
    { name: 'Argo', pals: ['Ben'] },
  ]);
  return createFakeApi(withSeededNote(doc, 'eng-2', 'note-1', { kind: 'follow-up', date: '2026-02-20', text: 'Argo follow-up' }));
}

async function openEditor(name: string, add = false) {
  const rendered = await renderApp(api());
  fireEvent.click(screen.getByRole('button', { name }));
  const dialog = await loadedDialog(name);
  if (add) fireEvent.click(within(dialog).getByRole('button', { name: 'Add note' }));
  else fireEvent.click(within(dialog).getByRole('tab', { name: /Notes/ }));
  const editor = within(dialog).getByRole('region', { name: 'Note editor' });
  const text = within(editor).getByLabelText<HTMLTextAreaElement>('Note');
  const status = () => within(editor).getByRole('status').textContent;
  return { ...rendered, dialog, editor, text, status };
}

describe('the note editor', () => {
  it('starts a meet & greet note from its agenda when the card is in Meet & greet', async () => {
    const { editor, text, api: fake } = await openEditor('Kyverno', true);
    expect(text.value).toBe(agendaFor('meet-greet'));
    expect(text.selectionStart).toBe(text.value.length);
    expect(within(editor).getByLabelText<HTMLSelectElement>('Kind').value).toBe('meet-greet');
    await waitFor(() => {
      expect(fake.callsOf('addNote')).toEqual([
        { id: 'eng-1', note: { kind: 'meet-greet', text: agendaFor('meet-greet'), date: '2026-03-02', attendees: [] } },
      ]);
    });
    // Untouched, the agenda follows the kind; once typed in, the text stays.
    fireEvent.change(within(editor).getByLabelText('Kind'), { target: { value: 'follow-up' } });
    expect(text.value).toBe(agendaFor('follow-up'));
    fireEvent.change(text, { target: { value: `${agendaFor('follow-up')}- they asked about SBOMs\n` } });
    fireEvent.change(within(editor).getByLabelText('Kind'), { target: { value: 'general' } });
    expect(text.value).toContain('they asked about SBOMs');
  });

  it('says "Saving…" then "Saved" as it autosaves, sending only the text', async () => {
    const { text, status, api: fake } = await openEditor('Argo');
    expect(status()).toBe('Saved');
    fireEvent.change(text, { target: { value: 'Argo follow-up\n- 🙂 שלום, مرحبا\n---\n<!-- _class: lead -->' } });
    expect(status()).toBe('Saving…');
    await waitFor(() => {
      expect(status()).toBe('Saved');
    });
    expect(fake.callsOf('updateNote')).toEqual([
      { id: 'eng-2', noteId: 'note-1', patch: { text: 'Argo follow-up\n- 🙂 שלום, مرحبا\n---\n<!-- _class: lead -->' } },
    ]);
    expect(text.getAttribute('dir')).toBe('auto');
    expect(localStorage.getItem(journalKey('eng-2', 'note-1'))).toBeNull();
  });

  it('keeps the text when a save fails, shows why, and saves on Retry', async () => {
    const { editor, text, status, api: fake } = await openEditor('Argo');
    fake.failNext('updateNote', { code: 'offline', message: 'the Security Pals Desk core is not reachable' });
    fireEvent.change(text, { target: { value: 'typed while the core was down' } });
    await waitFor(() => {
      expect(status()).toBe('Not saved: the Security Pals Desk core is not reachable');
    });
    expect(text.value).toBe('typed while the core was down');
    expect(localStorage.getItem(journalKey('eng-2', 'note-1'))).toContain('typed while the core was down');
    fireEvent.click(within(editor).getByRole('button', { name: 'Retry' }));
    await waitFor(() => {
      expect(status()).toBe('Saved');
    });
    expect(fake.doc.engagements[1]!.notes[0]!.text).toBe('typed while the core was down');
    expect(localStorage.getItem(journalKey('eng-2', 'note-1'))).toBeNull();
  });

  it('previews markdown through the sanitizer: pasted HTML and scripts show as text', async () => {
    const { editor, text } = await openEditor('Argo');
    expect(editor.querySelector('.markdown')).toBeNull(); // nothing rendered while writing
    fireEvent.change(text, {
      target: { value: '## Agenda\n\n**bold** and [docs](https://github.com/cncf/tag-security)\n\n<script>alert(1)</script>' },
    });
    fireEvent.click(within(editor).getByRole('tab', { name: 'Preview' }));
    const preview = within(editor).getByRole('tabpanel', { name: 'Preview' });
    expect(await within(preview).findByRole('heading', { level: 2, name: 'Agenda' })).toBeTruthy();
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    const link = within(preview).getByRole('link', { name: 'docs' });
    expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.textContent).toContain('<script>alert(1)</script>');
    fireEvent.click(within(editor).getByRole('tab', { name: 'Write' }));
    expect(text.value).toContain('<script>alert(1)</script>');
  });

  it('saves attendees and action items with the note', async () => {
    const { editor, status, api: fake } = await openEditor('Argo');
    fireEvent.click(within(editor).getByRole('checkbox', { name: 'Ben' }));
    fireEvent.change(within(editor).getByLabelText('Other attendee'), { target: { value: 'Maintainer Mo' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add attendee' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Add action item' }));
    expect(document.activeElement).toBe(within(editor).getByLabelText('Action item 1'));
    fireEvent.change(within(editor).getByLabelText('Action item 1'), { target: { value: 'Share the self-assessment template' } });
    fireEvent.change(within(editor).getByLabelText('Owner of action item 1'), { target: { value: 'Ben' } });
    await waitFor(() => {
      expect(status()).toBe('Saved');
    });
    const note = fake.doc.engagements[1]!.notes[0]!;
    expect(note.attendees).toEqual(['Ben', 'Maintainer Mo']);
    expect(note.actions.map((a) => [a.text, a.owner, a.done])).toEqual([['Share the self-assessment template', 'Ben', false]]);
    fireEvent.click(within(editor).getByRole('checkbox', { name: 'Action item 1 done' }));
    await waitFor(() => {
      expect(fake.doc.engagements[1]!.notes[0]!.actions[0]!.done).toBe(true);
    });
    expect(fake.doc.engagements[1]!.notes[0]!.actions[0]!.id).toBe(note.actions[0]!.id);
  });

  it("saves an action item's due date with the note, and clears it", async () => {
    const { editor, status, api: fake } = await openEditor('Argo');
    fireEvent.click(within(editor).getByRole('button', { name: 'Add action item' }));
    fireEvent.change(within(editor).getByLabelText('Action item 1'), { target: { value: 'Send the threat model' } });
    const due = within(editor).getByLabelText<HTMLInputElement>('Due date of action item 1');
    expect(due.type).toBe('date');
    fireEvent.change(due, { target: { value: '2026-03-09' } });
    await waitFor(() => {
      expect(fake.doc.engagements[1]!.notes[0]!.actions[0]?.due).toBe('2026-03-09');
    });
    expect(status()).toBe('Saved');
    fireEvent.change(due, { target: { value: '' } });
    await waitFor(() => {
      expect(fake.doc.engagements[1]!.notes[0]!.actions[0]!.due).toBeNull();
    });
    expect(fake.doc.engagements[1]!.notes[0]!.actions[0]!.text).toBe('Send the threat model');
  });

  it('saves when its tab is left, and shows the same text on coming back', async () => {
    const { dialog, text, api: fake } = await openEditor('Argo');
    fireEvent.change(text, { target: { value: 'typed, then a look at the details' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Details' }));
    expect(within(dialog).queryByRole('region', { name: 'Note editor' })).toBeNull();
    expect(fake.callsOf('updateNote')).toHaveLength(1); // flushed at once
    fireEvent.click(within(dialog).getByRole('tab', { name: /Notes/ }));
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Note').value).toBe('typed, then a look at the details');
  });

  it('saves at once when the dialog closes, without waiting for the pause', async () => {
    const { dialog, text, api: fake } = await openEditor('Argo');
    fireEvent.change(text, { target: { value: 'last words before closing' } });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(fake.callsOf('updateNote')).toEqual([{ id: 'eng-2', noteId: 'note-1', patch: { text: 'last words before closing' } }]);
    await waitFor(() => {
      expect(fake.doc.engagements[1]!.notes[0]!.text).toBe('last words before closing');
    });
  });

  it('restores text this device typed but never saved, says so, and saves it', async () => {
    const fake = api();
    const stored = fake.doc.engagements[1]!.notes[0]!;
    const draft = {
      kind: 'follow-up',
      date: '2026-02-20',
      attendees: [],
      actions: [],
      text: 'Argo follow-up, and what I typed as the core died',
    };
    localStorage.setItem(journalKey('eng-2', 'note-1'), JSON.stringify({ draft, base: stored.updatedAt, at: Date.now() }));
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Argo' }));
    const dialog = await loadedDialog('Argo');
    // The dialog opens where the unsaved text is.
    expect(within(dialog).getByRole('tab', { name: /Notes/ }).getAttribute('aria-selected')).toBe('true');
    const editor = within(dialog).getByRole('region', { name: 'Note editor' });
    expect(within(editor).getByLabelText<HTMLTextAreaElement>('Note').value).toBe(draft.text);
    expect(within(editor).getByRole('status').textContent).toBe('Not saved: restored unsaved text from this device');
    expect(within(editor).getByText(/Restored text this device typed/)).toBeTruthy();
    await waitFor(() => {
      expect(within(editor).getByRole('status').textContent).toBe('Saved');
    });
    expect(fake.doc.engagements[1]!.notes[0]!.text).toBe(draft.text);
  });

  it('deletes a note after confirmation', async () => {
    const { dialog, editor, api: fake } = await openEditor('Argo');
    fireEvent.click(within(editor).getByRole('button', { name: 'Delete note' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => {
      expect(fake.doc.engagements[1]!.notes).toEqual([]);
    });
    expect(within(dialog).queryByRole('region', { name: 'Note editor' })).toBeNull();
    expect(within(dialog).getByText(/No notes yet/)).toBeTruthy();
  });
});
