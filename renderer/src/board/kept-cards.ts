/**
 * Which cards a virtualized column keeps rendered whatever its scroll: the card holding focus
 * (so focus is never dropped when it scrolls out), the board's tab stop (so Tab finds it), the
 * card being dragged (dnd-kit needs its node and drag handle until the drop), a card just dropped
 * here and a card asked to take focus (an arrow key, the "Move to…" menu), both of which the
 * column also scrolls to.
 */
import { useDndMonitor } from '@dnd-kit/core';
import { useMemo, useState, type FocusEvent } from 'react';
import type { CardView } from '../../../shared/view.js';
import { useAppStore } from '../store/store-context.js';
import { cardData, dragId } from './drag-announcements.js';

/** A card to bring into view once; `seq` tells a new drop of the same card from the last one. */
export interface Reveal {
  readonly id: string;
  readonly seq: number;
}

/** What a column must keep rendered, and where it must scroll (`key` changes once per request). */
export interface KeptCards {
  readonly indexes: readonly number[];
  readonly scrollTo: { readonly index: number; readonly key: string } | null;
  /** Put on the list's scroll container: remembers the last card that took focus. */
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
}

/** The kept cards of one column of `cards`; `reveal` is the card last dropped on it, if any. */
export function useKeptCards(cards: readonly CardView[], reveal: Reveal | null, laneKey?: string): KeptCards {
  const [focused, setFocused] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const lane = laneKey ?? null;
  const focusRequest = useAppStore((s) => (s.focusLane === null || s.focusLane === lane ? s.focusCard : null));
  // The board's tab stop stays rendered, so Tab always finds it however far the column scrolled.
  const tabStop = useAppStore((s) => (s.tabStop?.lane === lane ? s.tabStop.id : null));
  useDndMonitor({
    onDragStart: ({ active }) => {
      // The dragged node is this list's only when it was picked up here (a card in two lanes has two).
      if (String(active.id) === dragId(cardData(active).id, laneKey)) setDragged(cardData(active).id);
    },
    onDragEnd: () => {
      setDragged(null);
    },
    onDragCancel: () => {
      setDragged(null);
    },
  });
  const indexOf = useMemo(() => new Map(cards.map((e, i) => [e.id, i])), [cards]);

  return useMemo(() => {
    const at = (id: string | null | undefined) => (id == null ? undefined : indexOf.get(id));
    const found = [focused, dragged, reveal?.id, focusRequest, tabStop].map(at).filter((i) => i !== undefined);
    const indexes = [...new Set(found)].sort((a, b) => a - b);
    const requested = at(focusRequest);
    const revealed = at(reveal?.id);
    const scrollTo =
      requested !== undefined
        ? { index: requested, key: `focus:${focusRequest ?? ''}` }
        : revealed !== undefined && reveal
          ? { index: revealed, key: `drop:${String(reveal.seq)}` }
          : null;
    const onFocus = (event: FocusEvent<HTMLElement>) => {
      const item = (event.target as Element).closest('[data-index]');
      const id = item ? cards[Number(item.getAttribute('data-index'))]?.id : undefined;
      if (id) setFocused(id);
    };
    return { indexes, scrollTo, onFocus };
  }, [cards, indexOf, focused, dragged, reveal, focusRequest, tabStop]);
}
