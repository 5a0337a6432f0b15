/** One timebox phase: a labelled region holding a labelled list of cards, and a drop target. */
import { useDroppable } from '@dnd-kit/core';
import { memo, useId, useMemo } from 'react';
import { PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import { windowLabel } from '../format/labels.js';
import { selectColumnCards, selectColumnTotal, selectFiltering, selectWindows } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { CardList } from './card-list.js';
import { CheckAllButton } from '../intake/check-all-button.js';
import type { Reveal } from './kept-cards.js';

/** A column; its region and list are named by the title alone (the count stays out of the name). */
export const BoardColumn = memo(function BoardColumn({ phase, reveal }: { readonly phase: Phase; readonly reveal: Reveal | null }) {
  // The selector returns the same array until this column's cards change (see selectors.ts).
  const cards = useAppStore(useMemo(() => selectColumnCards(phase), [phase]));
  const total = useAppStore(useMemo(() => selectColumnTotal(phase), [phase]));
  const filtering = useAppStore(selectFiltering);
  const windows = useAppStore(selectWindows);
  const { setNodeRef, isOver } = useDroppable({ id: phase });
  const titleId = useId();
  const count = filtering && cards.length !== total ? `${cards.length} of ${total}` : String(total);

  return (
    <section ref={setNodeRef} className={`column${isOver ? ' column--over' : ''}`} aria-labelledby={titleId}>
      <header className="column-head">
        <div className="column-title-row">
          <h2 id={titleId} className="column-title">
            {PHASE_TITLES[phase]}
          </h2>
          <span className="column-count">
            {count}
            <span className="visually-hidden"> {total === 1 ? 'engagement' : 'engagements'}</span>
          </span>
        </div>
        {phase === 'intake' ? (
          <div className="column-window-row">
            <p className="column-window">{windowLabel(phase, windows)}</p>
            <CheckAllButton cards={cards} />
          </div>
        ) : (
          <p className="column-window">{windowLabel(phase, windows)}</p>
        )}
      </header>
      <CardList cards={cards} titleId={titleId} reveal={reveal} />
      {cards.length === 0 && <p className="column-empty">{filtering && total > 0 ? 'No matching cards' : 'No cards'}</p>}
    </section>
  );
});
