// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addRound, editRound } from '../../shared/rounds.js';
import { AT, createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { namesIn, renderApp } from './render-app.js';

afterEach(cleanup);

/** Two intake cards (Falco needs the program more), one in Draft, one done. */
function doc() {
  return seededDoc([
    { name: 'Kyverno', maturity: 'incubating', criteria: { security: 'audited' } },
    { name: 'Falco', maturity: 'sandbox', criteria: { security: 'none', priority: 5 } },
    { name: 'Argo', phase: 'draft', kickoff: '2026-01-12' },
    { name: 'Flux', phase: 'done', kickoff: '2025-10-01' },
  ]);
}

async function openSettings() {
  fireEvent.click(screen.getByRole('button', { name: 'Round settings' }));
  return screen.findByRole('dialog', { name: 'Round settings' });
}

const week = (dialog: HTMLElement, label: string) => within(dialog).getByRole<HTMLInputElement>('spinbutton', { name: label });

describe('round settings', () => {
  it('opens from the board on the round shown, with the windows as a table and the dates for a sample kickoff', async () => {
    await renderApp(createFakeApi(doc()));
    const dialog = await openSettings();
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('Round 1');
    expect(within(dialog).getByText('This is the current round: new engagements join it.')).toBeTruthy();
    const table = within(dialog).getByRole('table', { name: /Phase windows/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Intake', 'Meet & greet', 'Follow-up', 'Self-assessment draft', 'In review']);
    expect(week(dialog, 'Self-assessment draft start week').value).toBe('6');
    expect(week(dialog, 'Self-assessment draft end week').value).toBe('8');
    fireEvent.change(within(dialog).getByLabelText('Sample kickoff'), { target: { value: '2026-03-02' } });
    const draft = within(table).getByRole('row', { name: /Self-assessment draft/ });
    // Week 6 starts 36 days after the kickoff; week 8 closes 56 days after it.
    expect([...draft.querySelectorAll('time')].map((t) => t.getAttribute('dateTime'))).toEqual(['2026-04-07', '2026-04-27']);
    const intake = within(table).getByRole('row', { name: /^Intake/ });
    expect([...intake.querySelectorAll('time')].map((t) => t.getAttribute('dateTime'))).toEqual(['2026-03-02']);
  });

  it('shows the core’s message beside an overlapping window, sends nothing, then saves the fixed windows', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    const dialog = await openSettings();
    fireEvent.change(week(dialog, 'Self-assessment draft start week'), { target: { value: '4' } });
    const start = week(dialog, 'Self-assessment draft start week');
    expect(start.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(start.getAttribute('aria-describedby')!)?.textContent;
    expect(message).toBe('draft (weeks 4–8) overlaps follow-up (week 4); each phase must start after the previous one ends');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('status').textContent).toBe('Not saved: fix the fields marked above');
    expect(fake.callsOf('editRound')).toEqual([]);

    fireEvent.change(start, { target: { value: '5' } });
    fireEvent.change(week(dialog, 'Self-assessment draft end week'), { target: { value: '9' } });
    expect(start.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(week(dialog, 'In review start week'), { target: { value: '-1' } });
    expect(week(dialog, 'In review start week').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(week(dialog, 'In review start week'), { target: { value: '10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved')).toBeTruthy();
    expect(fake.callsOf('editRound')).toEqual([
      {
        id: 'default',
        windows: {
          intake: { start: 0, end: 0 },
          'meet-greet': { start: 1, end: 1 },
          'follow-up': { start: 4, end: 4 },
          draft: { start: 5, end: 9 },
          review: { start: 10, end: 16 },
        },
      },
    ]);
    expect(fake.doc.rounds[0]!.windows.draft).toEqual({ start: 5, end: 9 });
  });

  it('refuses a name another round has, beside the name, with the core’s words', async () => {
    const fake = createFakeApi(addRound(doc(), { name: 'Pilot' }, AT).doc);
    await renderApp(fake);
    const dialog = await openSettings();
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'pilot' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const name = within(dialog).getByLabelText('Name');
    await waitFor(() => {
      expect(name.getAttribute('aria-invalid')).toBe('true');
    });
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe(
      'a round called "Pilot" already exists (id pilot); choose another name',
    );
    expect(fake.doc.rounds.map((r) => r.name)).toEqual(['Round 1', 'Pilot']);
  });

  it('edits the selection weights, which re-sorts the Intake column by score', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    expect(namesIn('Intake')).toEqual(['Falco', 'Kyverno']);
    const falco = screen.getByRole('button', { name: 'Falco' }).closest('li')!;
    expect(within(falco).getByText(/^Selection score/).textContent).toBe('Selection score 80 of 100');
    const dialog = await openSettings();
    const weights = within(dialog).getByRole('group', { name: 'Selection score weights' });
    for (const label of ['Security status', 'Maturity', 'Priority']) {
      fireEvent.change(within(weights).getByLabelText(label), { target: { value: '0' } });
    }
    fireEvent.change(within(weights).getByLabelText('Sponsor input'), { target: { value: '11' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(weights).getByLabelText('Sponsor input').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('editRound')).toEqual([]);
    fireEvent.change(within(weights).getByLabelText('Sponsor input'), { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved')).toBeTruthy();
    expect(fake.callsOf('editRound')).toEqual([{ id: 'default', criteriaWeights: { security: 0, sponsor: 4, maturity: 0, priority: 0 } }]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    // Neither has a sponsor now: both score 0, and the tie keeps board order.
    await waitFor(() => {
      expect(within(screen.getByRole('button', { name: 'Falco' }).closest('li')!).getByText(/^Selection score/).textContent).toBe(
        'Selection score 0 of 100',
      );
    });
    expect(namesIn('Intake')).toEqual(['Kyverno', 'Falco']);
  });

  it('starts the next round, carrying the unfinished engagements over and making it current', async () => {
    const fake = createFakeApi(doc());
    const { store } = await renderApp(fake);
    const settings = await openSettings();
    fireEvent.click(within(settings).getByRole('button', { name: 'Start next round…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start next round' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('Round 2');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
    const carry = within(dialog).getByLabelText<HTMLInputElement>('Carry over the 3 unfinished engagements of Round 1');
    expect(carry.checked).toBe(true);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Make it the current round (new engagements join it)').checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start round' }));
    // The new round's settings follow, to adjust its windows.
    const next = await screen.findByRole('dialog', { name: 'Round settings' });
    await waitFor(() => {
      expect(within(next).getByLabelText<HTMLInputElement>('Name').value).toBe('Round 2');
    });
    expect(fake.callsOf('addRound')).toEqual([{ name: 'Round 2', like: 'default', use: true, carryOver: true }]);
    expect(fake.doc.settings.currentRound).toBe('round-2');
    expect(Object.fromEntries(fake.doc.engagements.map((e) => [e.name, e.round]))).toEqual({
      Kyverno: 'round-2',
      Falco: 'round-2',
      Argo: 'round-2',
      Flux: 'default',
    });
    // Each keeps its history; the move between rounds is recorded.
    const argo = fake.doc.engagements.find((e) => e.name === 'Argo')!;
    expect(argo.history.map((h) => h.to)).toEqual(['draft']);
    expect(argo.roundMoves.map((m) => [m.from, m.to])).toEqual([['default', 'round-2']]);
    expect(store.getState().announcement).toBe('Round 2 started as the current round; 3 unfinished engagements carried over.');
    fireEvent.click(within(next).getByRole('button', { name: 'Close' }));
    await waitFor(() => {
      expect(screen.getByLabelText<HTMLSelectElement>('Round').selectedOptions[0]!.textContent).toBe('Round 2');
    });
    expect(namesIn('Done')).toEqual([]);
    expect(namesIn('Self-assessment draft')).toEqual(['Argo']);
  });

  it('refuses a taken name for a new round beside the field, and changes nothing', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    const settings = await openSettings();
    fireEvent.click(within(settings).getByRole('button', { name: 'New round…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New round' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Make it the current round (new engagements join it)').checked).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: ' round 1 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create round' }));
    const name = within(dialog).getByLabelText('Name');
    await waitFor(() => {
      expect(name.getAttribute('aria-invalid')).toBe('true');
    });
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toMatch(/already exists/);
    expect(fake.doc.rounds).toHaveLength(1);
  });

  it('deletes a round that holds engagements only by moving them to another round', async () => {
    const fake = createFakeApi(addRound(doc(), { name: 'Round 2', use: true, carryOver: true }, AT).doc);
    await renderApp(fake);
    const settings = await openSettings();
    expect(within(settings).getByLabelText<HTMLInputElement>('Name').value).toBe('Round 2');
    fireEvent.change(within(settings).getByLabelText('Round to edit'), { target: { value: 'default' } });
    expect(within(settings).getByLabelText<HTMLInputElement>('Name').value).toBe('Round 1');
    fireEvent.click(within(settings).getByRole('button', { name: 'Delete round…' }));
    const confirm = within(settings).getByRole('group', { name: 'Confirm deleting the round' });
    expect(confirm.textContent).toContain('Round 1 holds 1 engagement.');
    expect(within(confirm).getByLabelText<HTMLSelectElement>('Move its engagements to').value).toBe('round-2');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Move and delete' }));
    await waitFor(() => {
      expect(fake.doc.rounds.map((r) => r.id)).toEqual(['round-2']);
    });
    expect(fake.callsOf('removeRound')).toEqual([{ id: 'default', moveTo: 'round-2' }]);
    expect(fake.doc.engagements.every((e) => e.round === 'round-2')).toBe(true);
    await waitFor(() => {
      expect(within(settings).getByLabelText<HTMLInputElement>('Name').value).toBe('Round 2');
    });
    expect(within(settings).getByText(/keeps at least one round/)).toBeTruthy();
  });

  it('shows the core’s refusal when a round cannot be deleted', async () => {
    const fake = createFakeApi(addRound(doc(), { name: 'Round 2' }, AT).doc);
    await renderApp(fake);
    const settings = await openSettings();
    fake.failNext('removeRound', {
      code: 'invalid-input',
      message: '"Round 1" holds 4 engagements; say which round they move to',
      field: 'moveTo',
    });
    fireEvent.click(within(settings).getByRole('button', { name: 'Delete round…' }));
    fireEvent.click(within(settings).getByRole('button', { name: 'Move and delete' }));
    expect((await within(settings).findByRole('alert')).textContent).toBe(
      'Not deleted: "Round 1" holds 4 engagements; say which round they move to',
    );
    expect(fake.doc.rounds).toHaveLength(2);
  });

  it('is reachable from the command palette: "Round settings…" and "Start next round…"', async () => {
    await renderApp(createFakeApi(doc()));
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    const box = within(palette).getByRole('combobox');
    fireEvent.change(box, { target: { value: 'next round' } });
    expect(within(palette).getAllByRole('option')[0]!.textContent).toContain('Start next round…');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('dialog', { name: 'Start next round' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Start next round' }), { key: 'Escape' });
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const again = await screen.findByRole('dialog', { name: 'Command palette' });
    fireEvent.change(within(again).getByRole('combobox'), { target: { value: 'round settings' } });
    fireEvent.keyDown(within(again).getByRole('combobox'), { key: 'Enter' });
    expect(await screen.findByRole('dialog', { name: 'Round settings' })).toBeTruthy();
  });

  it('points the deck view at the round the board shows', async () => {
    const fake = createFakeApi(addRound(doc(), { name: 'Round 2' }, AT).doc);
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Round'), { target: { value: 'round-2' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Retrospective deck' }));
    await waitFor(() => {
      expect(fake.callsOf('deckPreview').at(-1)).toMatchObject({ options: { round: 'round-2' } });
    });
    // Every round shown: the deck is about the current round.
    fireEvent.change(screen.getByLabelText('Round'), { target: { value: '*' } });
    await waitFor(() => {
      expect(fake.callsOf('deckPreview').at(-1)).toMatchObject({ options: { round: 'default' } });
    });
  });

  it('shows a change saved elsewhere (the CLI) while the dialog is open and untouched', async () => {
    const fake = createFakeApi(doc());
    await renderApp(fake);
    const dialog = await openSettings();
    await fake.settled();
    fake.doc = editRound(fake.doc, 'default', { name: 'Pilot', windows: { review: { start: 12, end: 20 } } }).doc;
    fake.emitExternalChange();
    await waitFor(() => {
      expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('Pilot');
    });
    expect(week(dialog, 'In review end week').value).toBe('20');
  });
});
