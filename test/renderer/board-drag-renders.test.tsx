// @vitest-environment jsdom
/**
 * A drag changes dnd-kit's context on every step; only the thin draggable shells may follow it.
 * The card bodies (counted here through their due line) must not re-render, except the dragged
 * card's own (its handle shows it is pressed).
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as CardParts from '../../renderer/src/board/card-parts.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';
import { renderApp } from './render-app.js';

const renders = vi.hoisted(() => new Map<string, number>());

vi.mock('../../renderer/src/board/card-parts.js', async (importOriginal) => {
  const parts = await importOriginal<typeof CardParts>();
  return {
    ...parts,
    DueLine: (props: Parameters<typeof parts.DueLine>[0]) => {
      const key = props.due.windowEnd ?? 'none';
      renders.set(key, (renders.get(key) ?? 0) + 1);
      return parts.DueLine(props);
    },
  };
});

afterEach(cleanup);
beforeAll(() => {
  // dnd-kit brings the picked-up card into view; jsdom has no layout to scroll.
  Element.prototype.scrollIntoView = () => undefined;
});
afterAll(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

const total = () => [...renders.values()].reduce((a, b) => a + b, 0);

describe('dragging a card', () => {
  it('re-renders no other card body while a keyboard drag starts, moves and is cancelled', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Project ${String(i + 1)}`);
    await renderApp(createFakeApi(seededDoc(names.map((name, i) => ({ name, kickoff: `2026-01-${String(10 + i)}` })))));
    const handle = screen.getByRole('button', { name: 'Drag Project 3' });
    await waitFor(() => {
      expect(total()).toBeGreaterThanOrEqual(names.length);
    });
    act(() => {
      handle.focus();
    });
    // Focus moved the board's tab stop to Project 3 (its card and the first one change tabindex);
    // from here on, the drag itself re-renders only the dragged card.
    await waitFor(() => {
      expect(handle.tabIndex).toBe(0);
    });
    renders.clear();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await act(() => new Promise((r) => setTimeout(r, 10))); // the sensor listens from the next tick
    expect(handle.getAttribute('aria-pressed')).toBe('true');
    const pickedUp = total();
    fireEvent.keyDown(document, { code: 'ArrowRight', key: 'ArrowRight' });
    fireEvent.keyDown(document, { code: 'ArrowLeft', key: 'ArrowLeft' });
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(total()).toBe(pickedUp); // no body re-renders on a step (jsdom has no layout to move in: the bench measures real moves)
    fireEvent.keyDown(document, { code: 'Escape', key: 'Escape' });
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(handle.getAttribute('aria-pressed')).toBeNull();

    // Only Project 3's body re-rendered (its handle's pressed state), none of the other eleven.
    expect([...renders.keys()]).toEqual(['2026-01-12']);
  });
});
