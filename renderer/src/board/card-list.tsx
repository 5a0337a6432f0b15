/**
 * A column's cards. Up to VIRTUALIZE_ABOVE cards every card is rendered (small boards stay
 * plain DOM: every card reachable by its name); beyond that, only a window of them.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { CardView } from '../../../shared/view.js';
import { DraggableCard } from './draggable-card.js';
import type { Reveal } from './kept-cards.js';
import { VirtualCardList } from './virtual-card-list.js';

/** Columns with more cards than this are virtualized (a screenful is about six). */
export const VIRTUALIZE_ABOVE = 60;

interface ListProps {
  readonly cards: readonly CardView[];
  /** The column title's id: the list is named by the title alone. */
  readonly titleId: string;
  /** The card last dropped on this column, to scroll into view. */
  readonly reveal: Reveal | null;
}

function PlainCardList({ cards, titleId, reveal }: ListProps) {
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
    <div className="column-scroll" data-column-scroll="">
      <ul ref={list} role="list" aria-labelledby={titleId} className="column-cards">
        {cards.map((e, i) => (
          <DraggableCard key={e.id} engagement={e} index={i} />
        ))}
      </ul>
    </div>
  );
}

/** The list of a column; memoised so drag-over highlights of the column leave it alone. */
export const CardList = memo(function CardList(props: ListProps) {
  return props.cards.length > VIRTUALIZE_ABOVE ? <VirtualCardList {...props} /> : <PlainCardList {...props} />;
});
