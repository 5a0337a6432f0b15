/** One phase of one swimlane: a drop target holding a list named by the phase's title. */
import { useDroppable } from '@dnd-kit/core';
import { memo, useMemo } from 'react';
import { PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import type { CardView } from '../../../shared/view.js';
import { CardList } from './card-list.js';
import type { DropData } from './drag-announcements.js';
import type { LaneRef } from './draggable-card.js';
import type { Reveal } from './kept-cards.js';

/**
 * A lane's cells are short (about two cards tall): more than this many cards and a cell renders
 * only those in view and one more, so a board of two hundred lanes stays a few dozen cards.
 */
export const LANE_VIRTUALIZE_ABOVE = 3;
const LANE_OVERSCAN = 1;
/** A cell's scroll height (lanes.css: `.lane-cell > .column-scroll` max-height). */
const CELL_HEIGHT = 336;

/** The drop target's id: unique on the board, one per lane and phase. */
export function cellId(laneKey: string, phase: Phase): string {
  return `${laneKey}\u0000${phase}`;
}

/** A cell; re-renders only when its cards (or the drag-over highlight) change. */
export const LaneCell = memo(function LaneCell(props: {
  readonly lane: LaneRef;
  readonly phase: Phase;
  readonly cards: readonly CardView[];
  readonly reveal: Reveal | null;
  /** Show the first card only (a lane just outside the view). */
  readonly preview: boolean;
}) {
  const { lane, phase, reveal, preview } = props;
  const cards = useMemo(() => (preview ? props.cards.slice(0, 1) : props.cards), [preview, props.cards]);
  const data = useMemo<DropData>(() => ({ phase, lane: lane.name, laneKey: lane.key }), [phase, lane]);
  const { setNodeRef, isOver } = useDroppable({ id: cellId(lane.key, phase), data });
  return (
    <div ref={setNodeRef} className={`lane-cell${isOver ? ' lane-cell--over' : ''}`}>
      <CardList
        cards={cards}
        label={PHASE_TITLES[phase]}
        reveal={reveal}
        lane={lane}
        virtualizeAbove={LANE_VIRTUALIZE_ABOVE}
        overscan={LANE_OVERSCAN}
        initialHeight={CELL_HEIGHT}
      />
    </div>
  );
});
