// @vitest-environment jsdom
import type { Active, Over } from '@dnd-kit/core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { announcements } from '../../renderer/src/board/drag-announcements.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { namesIn, renderApp } from './render-app.js';

afterEach(cleanup);

function api() {
  return createFakeApi(seededDoc([{ name: 'Kyverno', phase: 'draft' }, { name: 'Argo' }]));
}

function openMoveMenu(name: string) {
  const card = screen.getByRole('button', { name }).closest('li')!;
  fireEvent.click(within(card).getByRole('button', { name: 'Move to…' }));
  return screen.getByRole('menu');
}

describe('moving a card', () => {
  it('lists the other five phases in the Move to… menu and moves the card with the API', async () => {
    const { api: fake } = await renderApp(api());
    const menu = openMoveMenu('Kyverno');
    const items = within(menu)
      .getAllByRole('menuitem')
      .map((i) => i.textContent);
    expect(items).toEqual(['Intake', 'Meet & greet', 'Follow-up', 'In review', 'Done', 'Moved on a date…']);
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Intake' }));

    fireEvent.click(within(menu).getByRole('menuitem', { name: 'In review' }));
    expect(namesIn('In review')).toEqual(['Kyverno']); // at once, before the core answers
    expect(namesIn('Self-assessment draft')).toEqual([]);
    expect(fake.callsOf('moveEngagement')).toEqual([{ id: 'eng-1', phase: 'review' }]);
    await waitFor(() => {
      expect(fake.doc.engagements[0]!.phase).toBe('review');
    });
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kyverno' }));
    });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('never asks for the whole board again after its own move: the change feed carries the card', async () => {
    const { api: fake, store } = await renderApp(api());
    fireEvent.click(within(openMoveMenu('Argo')).getByRole('menuitem', { name: 'Follow-up' }));
    await waitFor(() => {
      expect(store.getState().pendingMoves).toEqual({});
    });
    expect(fake.changes.at(-1)).toMatchObject({ kind: 'cards', cards: [{ name: 'Argo', phase: 'follow-up' }] });
    expect(namesIn('Follow-up')).toEqual(['Argo']);
    expect(fake.callsOf('getBoard')).toHaveLength(1);
  });

  it('works from the keyboard: arrows walk the menu, Escape closes it and returns focus', async () => {
    await renderApp(api());
    const button = within(screen.getByRole('button', { name: 'Argo' }).closest('li')!).getByRole('button', { name: 'Move to…' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Moved on a date…');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Done');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);

    fireEvent.keyDown(button, { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Follow-up');
    fireEvent.click(document.activeElement!);
    expect(namesIn('Follow-up')).toEqual(['Argo']);
  });

  it('rolls a refused move back and shows the error', async () => {
    const { api: fake } = await renderApp(api());
    fake.failNext('moveEngagement', { code: 'store-locked', message: 'another process holds the store; try again in a moment' });
    const release = fake.hold('moveEngagement');
    fireEvent.click(within(openMoveMenu('Kyverno')).getByRole('menuitem', { name: 'Done' }));
    expect(namesIn('Done')).toEqual(['Kyverno']);
    await act(async () => {
      release();
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(namesIn('Self-assessment draft')).toEqual(['Kyverno']);
    });
    expect(namesIn('Done')).toEqual([]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not move Kyverno to Done: another process holds the store; try again in a moment');
    expect(fake.doc.engagements[0]!.phase).toBe('draft');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a card where it was moved when a refetch lands while the move is in flight', async () => {
    const { api: fake } = await renderApp(api());
    const release = fake.hold('moveEngagement');
    fireEvent.click(within(openMoveMenu('Argo')).getByRole('menuitem', { name: 'Meet & greet' }));
    fake.emitExternalChange();
    await waitFor(() => {
      expect(fake.callsOf('getBoard').length).toBeGreaterThan(1);
    });
    expect(namesIn('Meet & greet')).toEqual(['Argo']);
    await act(async () => {
      release();
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(fake.doc.engagements[1]!.phase).toBe('meet-greet');
    });
    expect(namesIn('Meet & greet')).toEqual(['Argo']);
  });

  it('gives every card a keyboard drag handle that dnd-kit describes', async () => {
    await renderApp(api());
    const handle = screen.getByRole('button', { name: 'Drag Kyverno' });
    expect(handle.getAttribute('aria-roledescription')).toBe('draggable');
    const described = document.getElementById(handle.getAttribute('aria-describedby')!);
    expect(described?.textContent).toMatch(/arrow keys/);
  });
});

/** Kyverno (put on the board on 1 February, moved to the draft on 10 February) and Argo (today is 2 March). */
function februaryApi() {
  const doc = seededDoc([{ name: 'Kyverno', phase: 'draft' }, { name: 'Argo' }]);
  const [kyverno, argo] = doc.engagements;
  const history = [
    { from: null, to: 'intake', at: '2026-02-01T10:00:00.000Z', source: 'local' },
    { from: 'intake', to: 'draft', at: '2026-02-10T10:00:00.000Z', source: 'local' },
  ] as const;
  return createFakeApi({ ...doc, engagements: [{ ...kyverno!, history: [...history] }, argo!] });
}

async function openDatedMove(name: string) {
  fireEvent.click(within(openMoveMenu(name)).getByRole('menuitem', { name: 'Moved on a date…' }));
  return screen.findByRole('dialog', { name: `${name}: moved on a date` });
}

describe('a backdated move (Moved on a date…)', () => {
  it('asks for the phase and the day, and records the move on that day', async () => {
    const { api: fake } = await renderApp(februaryApi());
    const dialog = await openDatedMove('Kyverno');
    const phase = within(dialog).getByLabelText<HTMLSelectElement>('Moved to');
    expect(document.activeElement).toBe(phase);
    expect([...phase.options].map((o) => o.textContent)).toEqual(['Intake', 'Meet & greet', 'Follow-up', 'In review', 'Done']);
    const day = within(dialog).getByLabelText<HTMLInputElement>('On');
    expect(day.type).toBe('date');
    expect(day.max).toBe('2026-03-02');
    expect(day.value).toBe('2026-03-02');

    fireEvent.change(phase, { target: { value: 'review' } });
    fireEvent.change(day, { target: { value: '2026-02-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(fake.callsOf('moveEngagement')).toEqual([{ id: 'eng-1', phase: 'review', on: '2026-02-20' }]);
    expect(namesIn('In review')).toEqual(['Kyverno']);
    expect(fake.doc.engagements[0]!.history.at(-1)).toMatchObject({ from: 'draft', to: 'review' });
    expect(fake.doc.engagements[0]!.history.at(-1)!.at.slice(0, 10)).toBe('2026-02-20');
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kyverno' }));
    });
  });

  it('shows the core refusing a day before the previous move, or a future one, beside the field', async () => {
    const { api: fake } = await renderApp(februaryApi());
    const dialog = await openDatedMove('Kyverno');
    const day = within(dialog).getByLabelText<HTMLInputElement>('On');

    fireEvent.change(day, { target: { value: '2026-02-05' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => {
      expect(day.getAttribute('aria-invalid')).toBe('true');
    });
    const error = () => document.getElementById(`${day.id}-error`)?.textContent ?? '';
    expect(day.getAttribute('aria-describedby')).toContain(`${day.id}-error`);
    expect(error()).toBe("2026-02-05 is before Kyverno's previous move (to Self-assessment draft on 2026-02-10); moves stay in order");
    expect(document.activeElement).toBe(day);

    fireEvent.change(day, { target: { value: '2026-03-09' } });
    expect(day.getAttribute('aria-invalid')).toBeNull(); // a new day clears the old message
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    await waitFor(() => {
      expect(error()).toMatch(/after today|future/);
    });
    expect(namesIn('Self-assessment draft')).toEqual(['Kyverno']);
    expect(fake.doc.engagements[0]!.history).toHaveLength(2);
    expect(fake.callsOf('moveEngagement')).toHaveLength(2);
  });

  it('closes with Escape and gives focus back to the Move to… button', async () => {
    const { api: fake } = await renderApp(februaryApi());
    const button = within(screen.getByRole('button', { name: 'Argo' }).closest('li')!).getByRole('button', { name: 'Move to…' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'End' });
    fireEvent.click(document.activeElement!);
    const dialog = await screen.findByRole('dialog', { name: 'Argo: moved on a date' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(fake.callsOf('moveEngagement')).toEqual([]);
  });
});

describe('drag announcements', () => {
  const active = { id: 'eng-1', data: { current: { name: 'Kyverno', phase: 'draft' } } } as unknown as Active;
  const over = (id: string) => ({ id, data: { current: undefined } }) as unknown as Over;

  it('name the project and the column', () => {
    expect(announcements.onDragStart({ active })).toBe('Picked up Kyverno in Self-assessment draft.');
    expect(announcements.onDragOver({ active, over: over('review') })).toBe('Kyverno is over In review.');
    expect(announcements.onDragEnd({ active, over: over('review') })).toBe('Kyverno was moved to In review.');
    expect(announcements.onDragEnd({ active, over: over('draft') })).toBe('Kyverno was dropped back in Self-assessment draft.');
    expect(announcements.onDragCancel({ active, over: null })).toBe('Moving Kyverno was cancelled; it stays in Self-assessment draft.');
  });
});
