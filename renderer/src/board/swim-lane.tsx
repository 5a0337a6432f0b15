/**
 * One swimlane: a region named by the pal (or "No pal"), its load against the soft limit (over the
 * limit said in words and shown in colour), and a cell per phase.
 */
import { memo, useId, useMemo } from 'react';
import { PHASES } from '../../../shared/phases.js';
import type { Lane } from '../store/lane-selectors.js';
import type { LaneRef } from './draggable-card.js';
import type { Reveal } from './kept-cards.js';
import { cellId, LaneCell } from './lane-cell.js';

/** The card last dropped on the board, and on which cell. */
export type Dropped = Reveal & { readonly target: string };

/** The load line: "3 active of 2 — over the limit". */
function loadText(lane: Lane): string {
  const active = `${lane.active} active`;
  if (lane.pal === null) return active;
  return lane.over ? `${active} of ${lane.limit} — over the limit` : `${active} of ${lane.limit}`;
}

/** A lane; memoised so a change in another lane leaves it alone. */
export const SwimLane = memo(function SwimLane(props: {
  readonly lane: Lane;
  readonly dropped: Dropped | null;
  /** Just outside the view: each cell shows its first card only (see lane-board.tsx). */
  readonly preview?: boolean;
}) {
  const { lane, dropped, preview = false } = props;
  const titleId = useId();
  const name = lane.pal ?? 'No pal';
  const ref = useMemo<LaneRef>(() => ({ key: lane.key, name }), [lane.key, name]);
  return (
    <section className={`lane${lane.over ? ' lane--over' : ''}`} aria-labelledby={titleId} aria-describedby={`${titleId}-load`}>
      <header className="lane-head">
        <h2 id={titleId} className="lane-title">
          {name}
        </h2>
        <span id={`${titleId}-load`} className={`lane-load${lane.over ? ' lane-load--over' : ''}`}>
          {loadText(lane)}
        </span>
      </header>
      <div className="lane-cells">
        {PHASES.map((phase) => {
          const id = cellId(lane.key, phase);
          return (
            <LaneCell
              key={phase}
              lane={ref}
              phase={phase}
              cards={lane.cells[phase]}
              reveal={dropped?.target === id ? dropped : null}
              preview={preview}
            />
          );
        })}
      </div>
    </section>
  );
});
