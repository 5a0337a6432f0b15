/**
 * A column switches between its plain list and its virtualized one as it passes
 * VIRTUALIZE_ABOVE cards (another window adds a card, a card is moved in or out): the list is
 * then a new element and the card that held focus a new node, so the browser drops focus to the
 * page. This remembers the card focus was on and, after such a switch, asks for it back
 * (`requestCardFocus`: the card renders, scrolls into view and its name button takes focus).
 */
import { useLayoutEffect, useMemo, useRef, type FocusEvent } from 'react';
import type { CardView } from '../../../shared/view.js';
import { useAppStore } from '../store/store-context.js';

/** Handlers for a list's scroll container. */
export interface FocusEvents {
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/** The card holding focus in this list, kept across a switch of `mode`. */
export function useFocusAcrossModes(cards: readonly CardView[], mode: 'plain' | 'virtual'): FocusEvents {
  const requestCardFocus = useAppStore((s) => s.requestCardFocus);
  const focused = useRef<string | null>(null);
  const latest = useRef(cards);
  const shown = useRef(mode);

  useLayoutEffect(() => {
    latest.current = cards;
  }, [cards]);

  useLayoutEffect(() => {
    if (shown.current === mode) return;
    shown.current = mode;
    const id = focused.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (id && lost && latest.current.some((e) => e.id === id)) requestCardFocus(id);
  }, [mode, requestCardFocus]);

  return useMemo<FocusEvents>(
    () => ({
      onFocus: (event) => {
        const item = (event.target as Element).closest('[data-index]');
        focused.current = item ? (latest.current[Number(item.getAttribute('data-index'))]?.id ?? null) : null;
      },
      onBlur: (event) => {
        // Focus moved on by the person (not a node removed, not the window left): forget the card.
        const next = event.relatedTarget as Node | null;
        const away = event.target.isConnected && document.hasFocus() && !event.currentTarget.contains(next);
        if (away) focused.current = null;
      },
    }),
    [],
  );
}
