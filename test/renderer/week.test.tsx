// @vitest-environment jsdom
/** The coordinator's week on the board: Needs attention, swimlanes, the Round select, views that stay, saved views, the palette. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewState } from '../../shared/schema.js';
import { addEngagement } from '../../shared/engagements.js';
import { newRound, type StoreDoc } from '../../shared/schema.js';
import { DEFAULT_VIEW } from '../../shared/views.js';
import { AT, createFakeApi } from './fake-api.js';
import { loadedDialog, namesIn, renderApp } from './render-app.js';
import { seededDoc, withSeededNote } from './seeded-doc.js';

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Today is 2026-03-02 (fake-api.ts). A draft window closes 8 weeks after kickoff, a meet & greet 1 week after.
function weekDoc(view: Partial<ViewState> = {}): StoreDoc {
  let doc = seededDoc([
    { name: 'Kyverno', phase: 'draft', kickoff: '2025-12-01', pals: ['Ana'] }, // eng-1: overdue since 26 Jan
    { name: 'Argo', phase: 'meet-greet', kickoff: '2026-02-26', pals: ['Ana'] }, // eng-2: due soon, 5 Mar
    { name: 'Both', phase: 'follow-up', pals: ['Ana', 'Cy'] }, // eng-3
    { name: 'Solo', phase: 'intake' }, // eng-4: no pal
    { name: 'Held', phase: 'review', kickoff: '2025-10-01', pals: ['Ben'], onHold: true }, // eng-5
    { name: 'Finished', phase: 'done', pals: ['Ben'] }, // eng-6
  ]);
  doc = withSeededNote(doc, 'eng-2', 'note-1', {
    kind: 'meet-greet',
    date: '2026-02-27',
    text: 'Argo meet & greet',
    actions: [{ text: 'Send the template', owner: 'Ana', due: '2026-03-03' }],
  });
  doc = { ...doc, rounds: [...doc.rounds, newRound('round-b', 'Round B')] };
  doc = addEngagement(doc, { name: 'Old one', round: 'round-b', pals: ['Dee'] }, { id: 'eng-7', at: AT }).doc;
  return { ...doc, settings: { ...doc.settings, views: { ...doc.settings.views, current: { ...DEFAULT_VIEW, ...view } } } };
}

const region = (name: string) => screen.getByRole('region', { name });
const names = (el: HTMLElement) =>
  within(el)
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('Needs attention', () => {
  it('lists phase windows and action items due soon or overdue, overdue first, each opening its card', async () => {
    await renderApp(createFakeApi(weekDoc()));
    const digest = region('Needs attention');
    // One line until opened: the count and the most urgent item.
    const urgent = await within(digest).findByRole('button', { name: /Overdue|Due soon/ });
    expect(urgent.textContent).toMatch(/^OverdueKyverno/);
    expect(within(digest).getByText('1 overdue · 2 due soon')).toBeTruthy();
    const show = within(digest).getByRole('button', { name: 'Show all that needs attention' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    const items = within(digest).getAllByRole('button', { name: /Overdue|Due soon/ });
    expect(items.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^OverdueKyvernoSelf-assessment draft window closessince (26 Jan|Jan 26)$/),
      expect.stringMatching(/^Due soonArgoAction: Send the template \(Ana\)by (3 Mar|Mar 3)$/),
      expect.stringMatching(/^Due soonArgoMeet & greet window closesby (5 Mar|Mar 5)$/),
    ]);
    expect(within(digest).getByText('1 overdue · 2 due soon')).toBeTruthy();
    fireEvent.click(items[0]!);
    await loadedDialog('Kyverno');
  });

  it('follows the board: a card moved to Done leaves the digest', async () => {
    await renderApp(createFakeApi(weekDoc()));
    const digest = region('Needs attention');
    await within(digest).findByRole('button', { name: /Kyverno/ });
    fireEvent.click(within(screen.getByRole('button', { name: 'Kyverno' }).closest('li')!).getByRole('button', { name: 'Move to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Done' }));
    await waitFor(() => {
      expect(within(digest).queryByRole('button', { name: /Kyverno/ })).toBeNull();
    });
    // Collapsed, the line shows the most urgent item; opened, both of Argo's.
    expect(within(digest).getAllByRole('button', { name: /Argo/ })).toHaveLength(1);
    fireEvent.click(within(digest).getByRole('button', { name: 'Show all that needs attention' }));
    expect(within(digest).getAllByRole('button', { name: /Argo/ })).toHaveLength(2);
  });

  it('opens and collapses, and says so when nothing is due', async () => {
    await renderApp(createFakeApi(seededDoc([{ name: 'Calm', kickoff: '2026-06-01', phase: 'meet-greet' }])));
    const digest = region('Needs attention');
    expect(await within(digest).findByText('All clear')).toBeTruthy();
    const toggle = within(digest).getByRole('button', { name: /^Show all/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(digest).getByText('Nothing is overdue, and nothing is due in the next 7 days.').closest('[hidden]')).toBeNull();
    expect(toggle.textContent).toBe('Hide what needs attention');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      within(digest)
        .getByText(/Nothing is overdue/)
        .closest('[hidden]'),
    ).not.toBeNull();
  });

  it('in a browser, shows the digest as a notification only after the user asks for it', async () => {
    const shown: { title: string; body: string | undefined }[] = [];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission = vi.fn(() => {
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted' as NotificationPermission);
      });
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification);
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    const digest = region('Needs attention');
    await within(digest).findByRole('button', { name: /Kyverno/ });
    expect(shown).toEqual([]); // nothing before the user asks
    const toggle = within(digest).getByRole('button', { name: 'Daily notification' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => {
      expect(shown).toHaveLength(1);
    });
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(shown[0]!.title).toBe('Needs attention: 1 overdue, 2 due soon');
    expect(shown[0]!.body).toMatch(/^Kyverno: Self-assessment draft window closes \(overdue 2026-01-26\)/);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => {
      expect(fake.doc.settings.notifications).toBe(false);
    });
  });
});

describe('swimlanes by pal', () => {
  it('puts a lane per pal (a card with two pals in both) and a No pal lane, each with its load against the limit', async () => {
    await renderApp(createFakeApi(weekDoc()));
    fireEvent.change(screen.getByLabelText('Swimlanes'), { target: { value: 'pal' } });
    const ana = region('Ana');
    expect(names(within(ana).getByRole('list', { name: 'Self-assessment draft' }))).toEqual(['Kyverno']);
    expect(names(ana)).toEqual(['Argo', 'Both', 'Kyverno']);
    expect(names(region('Cy'))).toEqual(['Both']);
    expect(names(region('No pal'))).toEqual(['Solo']);
    expect(names(region('Ben'))).toEqual(['Held', 'Finished']);
    // Load: active = neither intake nor done nor on hold, against the soft limit (2), over it in words.
    expect(ana.textContent).toContain('3 active of 2 — over the limit');
    expect(region('Cy').textContent).toContain('1 active of 2');
    expect(region('Cy').textContent).not.toContain('over the limit');
    expect(region('Ben').textContent).toContain('0 active of 2');
    // Another round's pal has no lane while the current round is shown.
    expect(screen.queryByRole('region', { name: 'Dee' })).toBeNull();
  });

  it('holds each pal to their own limit from the pal registry, however the cards spell them', async () => {
    const doc = weekDoc();
    await renderApp(createFakeApi({ ...doc, settings: { ...doc.settings, pals: [{ name: 'ANA', login: null, limit: 4, email: null }] } }));
    fireEvent.change(screen.getByLabelText('Swimlanes'), { target: { value: 'pal' } });
    expect(region('Ana').textContent).toContain('3 active of 4');
    expect(region('Ana').textContent).not.toContain('over the limit');
    expect(region('Cy').textContent).toContain('1 active of 2');
  });

  it('moves a card within its lane, and filters narrow the lanes', async () => {
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Swimlanes'), { target: { value: 'pal' } });
    const both = within(region('Cy')).getByRole('button', { name: 'Both' }).closest('li')!;
    fireEvent.click(within(both).getByRole('button', { name: 'Move to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Self-assessment draft' }));
    await waitFor(() => {
      expect(names(within(region('Cy')).getByRole('list', { name: 'Self-assessment draft' }))).toEqual(['Both']);
    });
    expect(names(within(region('Ana')).getByRole('list', { name: 'Self-assessment draft' }))).toEqual(['Kyverno', 'Both']);
    expect(fake.callsOf('moveEngagement')).toEqual([{ id: 'eng-3', phase: 'draft' }]);
    fireEvent.change(screen.getByLabelText('Pal'), { target: { value: 'Cy' } });
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby') && r.querySelector('h2')?.textContent)).toEqual(
      expect.arrayContaining(['Ana', 'Cy']),
    );
    expect(screen.queryByRole('region', { name: 'Ben' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'No pal' })).toBeNull();
  });
});

describe('the Round select and views that stay', () => {
  it('shows the current round by default, another round or all of them on request', async () => {
    await renderApp(createFakeApi(weekDoc()));
    const round = screen.getByLabelText('Round');
    expect(
      within(round)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Round 1', 'Round B', 'All rounds']);
    expect((round as HTMLSelectElement).value).toBe('default');
    expect(screen.queryByRole('button', { name: 'Old one' })).toBeNull();
    fireEvent.change(round, { target: { value: 'round-b' } });
    expect(namesIn('Intake')).toEqual(['Old one']);
    fireEvent.change(round, { target: { value: '*' } });
    expect(namesIn('Intake')).toEqual(['Solo', 'Old one']);
  });

  it('keeps filters, lanes and round with the data, and opens the board as it was left', async () => {
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Pal'), { target: { value: 'Ana' } });
    fireEvent.change(screen.getByLabelText('Swimlanes'), { target: { value: 'pal' } });
    fireEvent.change(screen.getByLabelText('Round'), { target: { value: '*' } });
    await waitFor(() => {
      expect(fake.doc.settings.views.current).toEqual({ ...DEFAULT_VIEW, pal: 'Ana', swimlanes: 'pal', round: '*' });
    });
    cleanup();
    // A reload: a new page over the same data.
    await renderApp(createFakeApi(fake.doc));
    expect(screen.getByLabelText<HTMLSelectElement>('Pal').value).toBe('Ana');
    expect(screen.getByLabelText<HTMLSelectElement>('Swimlanes').value).toBe('pal');
    expect(screen.getByLabelText<HTMLSelectElement>('Round').value).toBe('*');
    expect(names(region('Ana'))).toEqual(['Argo', 'Both', 'Kyverno']);
  });

  it('saves the current view by name, shows it again, and deletes it', async () => {
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: 'overdue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Views' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Save current view as…' }));
    const dialog = screen.getByRole('dialog', { name: 'Saved views' });
    fireEvent.change(within(dialog).getByLabelText('Save the current view as'), { target: { value: 'Overdue' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await within(dialog).findByRole('button', { name: 'Show Overdue' });
    expect(fake.doc.settings.views.saved).toEqual([{ ...DEFAULT_VIEW, name: 'Overdue', due: 'overdue' }]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: 'Views' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Overdue' }));
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Kyverno', 'Held']);
    fireEvent.click(screen.getByRole('button', { name: 'Views' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete a saved view…' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Saved views' })).getByRole('button', { name: 'Delete Overdue' }));
    await waitFor(() => {
      expect(fake.doc.settings.views.saved).toEqual([]);
    });
  });
});

describe('the command palette', () => {
  const palette = () => screen.getByRole('dialog', { name: 'Command palette' });
  const box = () => within(palette()).getByRole('combobox');

  it('opens with Ctrl+K, lists every command with its shortcut, filters as you type, and Enter runs one', async () => {
    await renderApp(createFakeApi(weekDoc()));
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(document.activeElement).toBe(box());
    const options = within(palette()).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['New engagement…Ctrl+N', 'Action itemsCtrl+2', 'Go to card…Ctrl+P', 'Switch round…Ctrl+Alt+R']),
    );
    fireEvent.change(box(), { target: { value: 'action' } });
    expect(within(palette()).getAllByRole('option')[0]!.textContent).toBe('Action itemsCtrl+2');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Action items' }).getAttribute('aria-selected')).toBe('true');
  });

  it('goes to a card by name, and moves the open card', async () => {
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    fireEvent.keyDown(window, { key: 'k', metaKey: true });
    fireEvent.change(box(), { target: { value: 'kyv' } });
    const card = within(palette()).getByRole('option', { name: /Kyverno.*Go to card/ });
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(box().getAttribute('aria-activedescendant')).toBe(card.id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    const dialog = await loadedDialog('Kyverno');
    fireEvent.keyDown(dialog, { key: 'k', ctrlKey: true });
    fireEvent.change(box(), { target: { value: 'move' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(within(palette()).getByRole('combobox', { name: 'Move Kyverno to' })).toBeTruthy();
    fireEvent.change(box(), { target: { value: 'review' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => {
      expect(fake.callsOf('moveEngagement')).toEqual([{ id: 'eng-1', phase: 'review' }]);
    });
    expect(screen.getByRole('dialog', { name: 'Kyverno' })).toBeTruthy(); // the card stays open
  });

  it('switches the round, starts a note, and runs from the desktop menu too', async () => {
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    fake.emitMenu('switch-round');
    expect(
      await within(await screen.findByRole('dialog', { name: 'Command palette' })).findByRole('combobox', { name: 'Show round' }),
    ).toBeTruthy();
    fireEvent.click(within(palette()).getByRole('option', { name: 'Round B' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Round').value).toBe('round-b');
    fake.emitMenu('new-note');
    await within(await screen.findByRole('dialog', { name: 'Command palette' })).findByRole('combobox', { name: 'New note for' });
    fireEvent.change(box(), { target: { value: 'argo' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    const dialog = await loadedDialog('Argo');
    await waitFor(() => {
      expect(within(dialog).getByRole('tab', { name: /Notes/ }).getAttribute('aria-selected')).toBe('true');
    });
    expect(within(dialog).getByText(/Not saved|Saving…|Saved/)).toBeTruthy();
  });

  it('closes on Escape with focus back where it was, and the desktop notification opens a card', async () => {
    const fake = createFakeApi(weekDoc());
    await renderApp(fake);
    const search = screen.getByRole('searchbox', { name: 'Search' });
    search.focus();
    fireEvent.keyDown(search, { key: 'k', ctrlKey: true });
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
    expect(document.activeElement).toBe(search);
    fake.emitOpenCard('eng-2');
    await loadedDialog('Argo');
  });
});
