/**
 * The thin draggable shell around a card. dnd-kit's useDraggable re-renders on every drag
 * change (pick-up, each column crossed, every pointer move of the dragged card); only this
 * shell pays for it: the memoised card body below gets the same props and is skipped.
 */
import { useDraggable } from '@dnd-kit/core';
import { memo, useCallback, useMemo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import type { CardView } from '../../../shared/view.js';
import { useIsTabStop } from './board-keys.js';
import { dragId, type CardDragData } from './drag-announcements.js';
import { EngagementCard, type DragHandle } from './engagement-card.js';

interface SensorListeners {
  readonly onPointerDown?: PointerEventHandler;
  readonly onKeyDown?: KeyboardEventHandler;
}

/** A swimlane as its cards know it: its key (unique on the board) and its name (the pal, or "No pal"). */
export interface LaneRef {
  readonly key: string;
  readonly name: string;
}

/** A virtualized list's part: its length (screen readers hear "3 of 812") and its measurer. */
export interface VirtualSlot {
  readonly size: number;
  /** The virtualizer's measureElement: stable, so React never calls it again on a re-render. */
  readonly measure: (node: HTMLLIElement | null) => void;
}

/** One card as a list item that drags; `index` is its place in the column, `slot` only when virtualized. */
export const DraggableCard = memo(function DraggableCard(props: {
  readonly engagement: CardView;
  readonly index: number;
  readonly slot?: VirtualSlot | undefined;
  /** The swimlane the card is shown in (a card in two lanes drags in each on its own). */
  readonly lane?: LaneRef | undefined;
}) {
  const { engagement: e, index, slot, lane } = props;
  const data: CardDragData = { id: e.id, name: e.name, phase: e.phase, lane: lane?.name, laneKey: lane?.key };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: dragId(e.id, lane?.key), data });
  const { onPointerDown, onKeyDown } = (listeners ?? {}) as SensorListeners;
  const laneKey = lane?.key ?? null;
  const tabStop = useIsTabStop(e.id, laneKey);
  const handle = useMemo<DragHandle>(() => ({ attributes, onKeyDown, setActivatorNodeRef }), [attributes, onKeyDown, setActivatorNodeRef]);
  const measure = slot?.measure;
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      measure?.(node);
    },
    [setNodeRef, measure],
  );

  return (
    <li
      ref={ref}
      className={`card${isDragging ? ' card--dragging' : ''}${e.onHold ? ' card--hold' : ''}`}
      data-index={index}
      data-card={e.id}
      data-card-lane={lane?.key}
      aria-posinset={slot ? index + 1 : undefined}
      aria-setsize={slot?.size}
      onPointerDown={onPointerDown}
    >
      <EngagementCard engagement={e} handle={handle} lane={laneKey} tabStop={tabStop} />
    </li>
  );
});
