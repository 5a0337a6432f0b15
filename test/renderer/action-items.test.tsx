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
  let doc = seededDoc([{ name: 'Kyverno', pals: ['Ana'] }, { name: 'Argo' }]);
  doc = withSeededNote(doc, 'eng-1', 'note-k', {
    kind: 'meet-greet',
    date: '2026-02-02',
    text: 'Kyverno meet & greet',
    actions: [
      { text: 'Send the self-assessment template', owner: 'Ana', due: '2026-03-05' },
      { text: 'Book the follow-up', owner: 'Ben', done: true },
    ],
  });
  return createFakeApi(
    withSeededNote(doc, 'eng-2', 'note-a', {
      kind: 'follow-up',
      date: '2026-02-20',
      text: 'Argo follow-up',
      actions: [{ text: 'Draft the threat model', owner: 'Ben', due: '2026-02-27' }, { text: 'Ask TOC for input' }],
    }),
  );
}

/** Each row's action item, owner, due and project cells, as a reader hears them. */
const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].slice(1, 5).map((td) => td.textContent));

describe('the action items view', () => {
  it('is one tab (or Ctrl+2) away, and lists every open item, the soonest due first', async () => {
    await renderApp(api());
    fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    expect(screen.getByRole('tab', { name: 'Action items' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: 'Open action items' })).toBeTruthy();
    await screen.findByRole('table');
    const shown = rows();
    expect(shown.map((r) => [r[0], r[3]])).toEqual([
      ['Draft the threat model', 'Argo'],
      ['Send the self-assessment template', 'Kyverno'],
      ['Ask TOC for input', 'Argo'],
    ]);
    // The due state is said in words beside the date (today is 2026-03-02), not shown by colour alone.
    expect(shown[0]![2]).toMatch(/27.*Overdue$/);
    expect(shown[1]![2]).toMatch(/5.*Due soon$/);
    expect(shown[2]![2]).toBe('No date');
    // Ben is on no card as a pal: the owner is kept and marked.
    expect(shown.map((r) => r[1])).toEqual(['Bennot a pal', 'Ana', 'No owner']);
    expect(screen.queryByRole('list', { name: 'Intake' })).toBeNull(); // the board is hidden
    fireEvent.click(screen.getByRole('tab', { name: 'Board' }));
    expect(screen.getByRole('list', { name: 'Intake' })).toBeTruthy();
  });

  it('filters by owner through the core, offering the owners present', async () => {
    const { api: fake } = await renderApp(api());
    fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await screen.findByRole('table');
    const owner = screen.getByLabelText<HTMLSelectElement>('Owner');
    expect([...owner.options].map((o) => o.text)).toEqual(['Everyone', 'Ana', 'Ben']);
    fireEvent.change(owner, { target: { value: 'Ben' } });
    await waitFor(() => {
      expect(rows().map((r) => r[0])).toEqual(['Draft the threat model']);
    });
    expect(fake.callsOf('openActions')).toContainEqual({ owner: 'Ben', includeDone: false });
    expect(screen.getByText('1 open item for Ben')).toBeTruthy();
  });

  it('ticks an item off, then refetches', async () => {
    const { api: fake } = await renderApp(api());
    fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Draft the threat model' }));
    await waitFor(() => {
      expect(rows().map((r) => r[0])).toEqual(['Send the self-assessment template', 'Ask TOC for input']);
    });
    expect(fake.callsOf('setActionDone')).toEqual([{ id: 'eng-2', noteId: 'note-a', actionId: 'note-a-a1', done: true }]);
    expect(fake.doc.engagements[1]!.notes[0]!.actions[0]!.done).toBe(true);
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Send the self-assessment template' }));
    });
  });

  it('shows done items after the open ones when asked, and ticks one back on', async () => {
    const { api: fake } = await renderApp(api());
    fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show done items' }));
    await waitFor(() => {
      expect(rows().map((r) => r[0])).toEqual([
        'Draft the threat model',
        'Send the self-assessment template',
        'Ask TOC for input',
        'Book the follow-up',
      ]);
    });
    expect(screen.getByText('3 open items, 1 done')).toBeTruthy();
    const booked = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Book the follow-up' });
    expect(booked.checked).toBe(true);
    fireEvent.click(booked);
    await waitFor(() => {
      expect(fake.doc.engagements[0]!.notes[0]!.actions[1]!.done).toBe(false);
    });
    expect(fake.callsOf('setActionDone')).toEqual([{ id: 'eng-1', noteId: 'note-k', actionId: 'note-k-a2', done: false }]);
    await screen.findByText('4 open items, 0 done');
  });

  it("exports the calendar, every pal's or one pal's, through the save dialog", async () => {
    const fake = api();
    fake.saveFolder = '/home/ana';
    await renderApp(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Export calendar…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export calendar' });
    const whose = within(dialog).getByLabelText<HTMLSelectElement>('Calendar for');
    expect([...whose.options].map((o) => o.text)).toEqual(['Every pal', 'Ana']);
    fireEvent.change(whose, { target: { value: 'Ana' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('Saved to /home/ana/security-pals-ana.ics')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Export calendar' })).toBeNull();
    expect(fake.callsOf('exportCalendar')).toEqual([{ pal: 'Ana' }]);
    const ics = String(fake.saves[0]!.data);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('UID:action-note-k-a1@security-pals-desk');
    expect(ics).not.toContain('note-a-a1'); // Ben's item on Argo is not Ana's
  });

  it('follows changes made elsewhere, and opens the note an item came from', async () => {
    const { api: fake } = await renderApp(api());
    fireEvent.click(screen.getByRole('tab', { name: 'Action items' }));
    await screen.findByRole('table');
    fake.doc = withSeededNote(fake.doc, 'eng-1', 'note-k2', { kind: 'general', text: 'later', actions: [{ text: 'Added by the CLI' }] });
    fake.emitExternalChange();
    await screen.findByRole('checkbox', { name: 'Added by the CLI' });
    const row = screen.getByRole('checkbox', { name: 'Send the self-assessment template' }).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Open note' }));
    const dialog = await loadedDialog('Kyverno');
    const editor = within(dialog).getByRole('region', { name: 'Note editor' });
    expect(within(editor).getByLabelText<HTMLTextAreaElement>('Note').value).toBe('Kyverno meet & greet');
    expect(within(editor).getByLabelText<HTMLInputElement>('Action item 1').value).toBe('Send the self-assessment template');
    expect(within(editor).getByLabelText<HTMLInputElement>('Due date of action item 1').value).toBe('2026-03-05');
  });
});

describe('the desktop menu', () => {
  it('switches views, opens New engagement and focuses the search', async () => {
    const { api: fake } = await renderApp(api());
    fake.emitMenu('show-actions');
    expect(await screen.findByRole('heading', { name: 'Open action items' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Action items' }));
    fake.emitMenu('search');
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search' }));
    });
    fake.emitMenu('new-engagement');
    expect(await screen.findByRole('dialog', { name: 'New engagement' })).toBeTruthy();
    fake.emitMenu('show-actions'); // ignored while a dialog is open
    expect(screen.getByRole('tab', { name: 'Board' }).getAttribute('aria-selected')).toBe('true');
  });
});
