/**
 * A column's cards. Up to VIRTUALIZE_ABOVE cards every card is rendered (small boards stay
 * plain DOM: every card reachable by its name); beyond that, only a window of them.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { CardView } from '../../../shared/view.js';
import { DraggableCard, type LaneRef } from './draggable-card.js';
import { useFocusAcrossModes, type FocusEvents } from './keep-focus.js';
import type { Reveal } from './kept-cards.js';
import { VirtualCardList } from './virtual-card-list.js';

/** Columns with more cards than this are virtualized (a screenful is about six). */
export const VIRTUALIZE_ABOVE = 60;

interface ListProps {
  readonly cards: readonly CardView[];
  /** The column title's id: the list is named by the title alone. */
  readonly titleId?: string | undefined;
  /** In a swimlane, the list is named by its phase's title (the column titles are above the lanes). */
  readonly label?: string | undefined;
  /** The card last dropped on this column, to scroll into view. */
  readonly reveal: Reveal | null;
  /** The swimlane of this list, if the board has lanes. */
  readonly lane?: LaneRef | undefined;
  /** Virtualize above this many cards (default VIRTUALIZE_ABOVE; a lane's short cells sooner). */
  readonly virtualizeAbove?: number | undefined;
  /** Cards a virtualized list renders beyond each edge of its view, and its height until measured (see virtual-card-list.tsx). */
  readonly overscan?: number | undefined;
  readonly initialHeight?: number | undefined;
}

function PlainCardList({ cards, titleId, label, reveal, lane, focusEvents }: ListProps & { readonly focusEvents: FocusEvents }) {
  const list = useRef<HTMLUListElement>(null);
  const revealed = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!reveal || revealed.current === reveal.seq) return;
    const index = cards.findIndex((e) => e.id === reveal.id);
    if (index < 0) return;
    revealed.current = reveal.seq;
    // Optional call: jsdom has no scrollIntoView.
    list.current?.querySelector(`[data-index="${String(index)}"]`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [cards, reveal]);

  return (
    <div className="column-scroll" data-column-scroll="" onFocus={focusEvents.onFocus} onBlur={focusEvents.onBlur}>
      <ul ref={list} role="list" aria-labelledby={titleId} aria-label={label} className="column-cards">
        {cards.map((e, i) => (
          <DraggableCard key={e.id} engagement={e} index={i} lane={lane} />
        ))}
      </ul>
    </div>
  );
}

/** The list of a column; memoised so drag-over highlights of the column leave it alone. */
export const CardList = memo(function CardList(props: ListProps) {
  const virtual = props.cards.length > (props.virtualizeAbove ?? VIRTUALIZE_ABOVE);
  // Passing the limit swaps one list for the other: the focused card comes along (keep-focus.ts).
  const focusEvents = useFocusAcrossModes(props.cards, virtual ? 'virtual' : 'plain');
  return virtual ? <VirtualCardList {...props} focusEvents={focusEvents} /> : <PlainCardList {...props} focusEvents={focusEvents} />;
});
