// @vitest-environment jsdom
/**
 * Long columns are virtualized: only a window of cards is in the DOM, with list positions for
 * screen readers, while short columns (and every small board) keep every card. jsdom has no
 * layout, so the column's scroll box and the cards get fixed heights here.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VIRTUALIZE_ABOVE } from '../../renderer/src/board/card-list.js';
import type { NewEngagementInput } from '../../shared/inputs.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { column, namesIn, renderApp } from './render-app.js';

const VIEW = 600;
const CARD = 150;

const restore: (() => void)[] = [];
function stub(name: 'clientHeight' | 'offsetHeight' | 'scrollHeight', get: (el: HTMLElement) => number) {
  const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return get(this);
    },
  });
  restore.push(() => {
    if (before) Object.defineProperty(HTMLElement.prototype, name, before);
  });
}

beforeAll(() => {
  stub('clientHeight', (el) => (el.hasAttribute('data-column-scroll') ? VIEW : 0));
  stub('offsetHeight', (el) => (el.matches('li.card') ? CARD : 0));
  // The list's height is what the virtualizer wrote on it.
  stub('scrollHeight', (el) =>
    el.hasAttribute('data-column-scroll') ? parseFloat((el.firstElementChild as HTMLElement).style.height) || 0 : 0,
  );
  // jsdom does not scroll: keep scrollTop and tell listeners, as a browser would.
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    this.scrollTop = typeof options === 'number' ? options : (options?.top ?? this.scrollTop);
    this.dispatchEvent(new Event('scroll'));
  };
  restore.push(() => {
    delete (Element.prototype as Partial<Element>).scrollTo;
  });
});
afterAll(() => {
  for (const undo of restore.reverse()) undo();
});
afterEach(cleanup);

const intake = (n: number): NewEngagementInput[] => Array.from({ length: n }, (_, i) => ({ name: `Project ${String(i + 1)}` }));

function api(inIntake: number) {
  return createFakeApi(seededDoc([...intake(inIntake), { name: 'Kyverno', phase: 'draft' }, { name: 'Argo', phase: 'draft' }]));
}

const items = (title: string) => within(column(title)).queryAllByRole('listitem');
const scroller = (title: string) => column(title).closest<HTMLElement>('[data-column-scroll]')!;

async function scrollTo(title: string, top: number) {
  await act(async () => {
    scroller(title).scrollTo({ top });
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('long columns (virtualized)', () => {
  it('renders only a window of a long column, with its place in the whole list', async () => {
    await renderApp(api(300));
    const shown = items('Intake');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(15); // 600 px of 150 px cards, plus a few either side
    expect(shown[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(shown.every((li) => li.getAttribute('aria-setsize') === '300')).toBe(true);
    expect(namesIn('Intake').slice(0, 2)).toEqual(['Project 1', 'Project 2']);
    // The column still counts every card, and the short column renders all of its cards, plainly.
    expect(within(screen.getByRole('region', { name: 'Intake' })).getByText('300')).toBeTruthy();
    expect(namesIn('Self-assessment draft')).toEqual(['Kyverno', 'Argo']);
    expect(items('Self-assessment draft').some((li) => li.hasAttribute('aria-posinset'))).toBe(false);
  });

  it('renders the cards in view as the column scrolls', async () => {
    await renderApp(api(300));
    await scrollTo('Intake', 150 * (CARD + 8));
    // Project 1, the board's one card in the tab order, stays rendered (Tab must find it); the rest follow the scroll.
    const positions = items('Intake')
      .map((li) => Number(li.getAttribute('aria-posinset')))
      .filter((p) => p !== 1);
    expect(positions).toContain(151);
    expect(positions).not.toContain(2);
    expect(Math.max(...positions) - Math.min(...positions)).toBeLessThan(15);
    expect(screen.getByRole('button', { name: 'Project 151' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Project 2' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Project 1' }).tabIndex).toBe(0);
  });

  it(`keeps every card of a column of ${String(VIRTUALIZE_ABOVE)} and virtualizes one more`, async () => {
    await renderApp(api(VIRTUALIZE_ABOVE));
    expect(items('Intake')).toHaveLength(VIRTUALIZE_ABOVE);
    cleanup();
    await renderApp(api(VIRTUALIZE_ABOVE + 1));
    expect(items('Intake').length).toBeLessThan(15);
  });

  it('searches and filters over every card, not only the rendered ones', async () => {
    await renderApp(api(300));
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'project 299' } });
    expect(namesIn('Intake')).toEqual(['Project 299']);
    expect(within(screen.getByRole('region', { name: 'Intake' })).getByText('1 of 300')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'project 1' } }); // 1, 10–19, 100–199: 111 cards
    const shown = items('Intake');
    expect(shown.length).toBeLessThan(15);
    expect(shown[0]!.getAttribute('aria-setsize')).toBe('111');
  });

  it('keeps the focused card rendered when it scrolls out of view', async () => {
    await renderApp(api(300));
    const button = screen.getByRole('button', { name: 'Project 2' });
    act(() => {
      button.focus();
    });
    await scrollTo('Intake', 200 * (CARD + 8));
    expect(button.isConnected).toBe(true);
    expect(document.activeElement).toBe(button);
    const positions = items('Intake').map((li) => Number(li.getAttribute('aria-posinset')));
    expect(positions[0]).toBe(2); // kept, ahead of the window in document order
    expect(positions.slice(1).every((p) => p > 150)).toBe(true);
  });

  it('moves a card into a long column with "Move to…", scrolls to it and gives it focus', async () => {
    const { api: fake } = await renderApp(createFakeApi(seededDoc([...intake(300), { name: 'Kyverno', phase: 'draft' }])));
    const card = screen.getByRole('button', { name: 'Kyverno' }).closest('li')!;
    fireEvent.click(within(card).getByRole('button', { name: 'Move to…' }));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Intake' }));
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kyverno' }));
    });
    const moved = screen.getByRole('button', { name: 'Kyverno' }).closest('li')!;
    expect(moved.getAttribute('aria-posinset')).toBe('301'); // the board keeps the store's order
    expect(scroller('Intake').scrollTop).toBeGreaterThan(0);
    expect(namesIn('Self-assessment draft')).toEqual([]);
    await waitFor(() => {
      expect(fake.doc.engagements.find((e) => e.name === 'Kyverno')?.phase).toBe('intake');
    });
  });
  it(`keeps focus on a card when its column grows past ${String(VIRTUALIZE_ABOVE)} cards and becomes virtualized`, async () => {
    const { api: fake } = await renderApp(api(VIRTUALIZE_ABOVE));
    act(() => {
      screen.getByRole('button', { name: 'Project 5' }).focus();
    });
    // Another window adds a card to the column: 61 cards, rendered as a window from now on.
    await act(async () => {
      await fake.addEngagement({ name: 'Project 61' });
      await fake.settled();
    });
    await waitFor(() => {
      expect(items('Intake').length).toBeLessThan(15);
    });
    const focused = screen.getByRole('button', { name: 'Project 5' });
    expect(focused.closest('li')!.getAttribute('aria-setsize')).toBe(String(VIRTUALIZE_ABOVE + 1));
    expect(document.activeElement).toBe(focused);
  });

  it(`keeps focus on a card scrolled far down when the column shrinks back to ${String(VIRTUALIZE_ABOVE)} cards`, async () => {
    const { api: fake } = await renderApp(api(VIRTUALIZE_ABOVE + 1));
    await scrollTo('Intake', 55 * (CARD + 8));
    act(() => {
      screen.getByRole('button', { name: 'Project 57' }).focus();
    });
    expect(screen.queryByRole('button', { name: 'Project 1' })).toBeNull(); // far above the window
    await act(async () => {
      const id = fake.doc.engagements.find((e) => e.name === 'Project 1')!.id;
      await fake.removeEngagement({ id });
      await fake.settled();
    });
    await waitFor(() => {
      expect(items('Intake')).toHaveLength(VIRTUALIZE_ABOVE);
    });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Project 57' }));
  });

  it(`keeps focus on a card moved with "Move to…" into a column of ${String(VIRTUALIZE_ABOVE)} cards`, async () => {
    await renderApp(api(VIRTUALIZE_ABOVE));
    const card = screen.getByRole('button', { name: 'Kyverno' }).closest('li')!;
    fireEvent.click(within(card).getByRole('button', { name: 'Move to…' }));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Intake' }));
    await waitFor(() => {
      expect(items('Intake').length).toBeLessThan(15);
    });
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kyverno' }));
    });
  });

  it('reaches a card far down a virtualized column by arrow keys, one card in the tab order at a time', async () => {
    await renderApp(api(300));
    const first = screen.getByRole('button', { name: 'Project 1' });
    // Only the first card's controls are in the tab order: its name, drag handle, security check and Move to….
    const tabbable = () =>
      within(screen.getByRole('main'))
        .queryAllByRole('listitem')
        .flatMap((li) =>
          [...li.querySelectorAll<HTMLElement>('button')]
            .filter((b) => b.tabIndex === 0)
            .map((b) => b.getAttribute('aria-label') ?? b.textContent),
        );
    expect(tabbable()).toEqual(['Project 1', 'Drag Project 1', 'Check security status', 'Move to…']);
    act(() => {
      first.focus();
    });
    fireEvent.keyDown(first, { key: 'End' });
    // Project 300 was never rendered: the column scrolls to it, renders it and focuses it.
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Project 300');
    });
    expect(tabbable()).toEqual(['Project 300', 'Drag Project 300', 'Check security status', 'Move to…']);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Project 299');
    });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Argo');
    });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Kyverno');
    });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Project 1');
    });
  });
});
