/**
 * The board by keyboard: one card in the tab order at a time (a roving tabindex, as the WAI-ARIA
 * grid pattern and GitHub Projects' board do), arrow keys between cards (card-grid.ts), and the
 * tab stop kept on a card the board still shows.
 */
import { useDndMonitor } from '@dnd-kit/core';
import { useLayoutEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { selectCardGrid } from '../store/grid-selectors.js';
import { useAppStore, useStoreApi } from '../store/store-context.js';
import type { CardSpot } from '../store/ui-slice.js';
import { firstSpot, hasSpot, stepCard, type GridKey } from './card-grid.js';

const KEYS = new Set<string>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** The card (and lane) an element belongs to, from its list item's data attributes. */
export function spotOf(element: EventTarget | null): CardSpot | null {
  const item = element instanceof Element ? element.closest<HTMLElement>('[data-card]') : null;
  const id = item?.dataset.card;
  return id ? { id, lane: item.dataset.cardLane ?? null } : null;
}

/** Handlers for the board's container (inside the DnD context): arrows move focus, focus moves the tab stop. */
export function useBoardKeys(): {
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
} {
  const store = useStoreApi();
  // While a card is dragged by keyboard, the arrows are the drag's (dnd-kit listens on the document, after us).
  const dragging = useRef(false);
  useDndMonitor({
    onDragStart: () => {
      dragging.current = true;
    },
    onDragEnd: () => {
      dragging.current = false;
    },
    onDragCancel: () => {
      dragging.current = false;
    },
  });
  return useMemo(
    () => ({
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        if (!KEYS.has(event.key) || dragging.current || event.altKey || event.metaKey || event.shiftKey) return;
        if (event.ctrlKey && event.key !== 'Home' && event.key !== 'End') return;
        const target = event.target as HTMLElement;
        // The Move to… menu: its items take the arrows, and its button opens on up and down.
        if (target.closest('[role="menu"]')) return;
        if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && target.hasAttribute('aria-haspopup')) return;
        if (target.getAttribute('aria-pressed') === 'true') return;
        const from = spotOf(target);
        if (!from) return;
        event.preventDefault(); // at an edge too: the column does not scroll away from the focused card
        const s = store.getState();
        const next = stepCard(selectCardGrid(s), from, event.key as GridKey, event.ctrlKey);
        if (!next) return;
        s.setTabStop(next);
        // The card may not be rendered (a virtualized column or lane): it renders, scrolls into view and takes focus.
        s.requestCardFocus(next.id, next.lane);
      },
      onFocus: (event: FocusEvent<HTMLElement>) => {
        const spot = spotOf(event.target);
        if (spot) store.getState().setTabStop(spot);
      },
    }),
    [store],
  );
}

/** Keeps the tab stop on a card the board shows (the first one when its card is filtered out, moved away or deleted). */
export function useTabStopKeeper(): void {
  const grid = useAppStore(selectCardGrid);
  const tabStop = useAppStore((s) => s.tabStop);
  const setTabStop = useAppStore((s) => s.setTabStop);
  useLayoutEffect(() => {
    if (tabStop && hasSpot(grid, tabStop)) return;
    setTabStop(firstSpot(grid));
  }, [grid, tabStop, setTabStop]);
}

/** Whether this card (in this lane) is the board's tab stop: its controls are then in the tab order. */
export function useIsTabStop(id: string, lane: string | null): boolean {
  return useAppStore((s) => s.tabStop !== null && s.tabStop.id === id && s.tabStop.lane === lane);
}
