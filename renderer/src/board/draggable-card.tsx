/**
 * The thin draggable shell around a card. dnd-kit's useDraggable re-renders on every drag
 * change (pick-up, each column crossed, every pointer move of the dragged card); only this
 * shell pays for it: the memoised card body below gets the same props and is skipped.
 */
import { useDraggable } from '@dnd-kit/core';
import { memo, useCallback, useMemo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import type { CardView } from '../../../shared/view.js';
import type { CardDragData } from './drag-announcements.js';
import { EngagementCard, type DragHandle } from './engagement-card.js';

interface SensorListeners {
  readonly onPointerDown?: PointerEventHandler;
  readonly onKeyDown?: KeyboardEventHandler;
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
}) {
  const { engagement: e, index, slot } = props;
  const data: CardDragData = { name: e.name, phase: e.phase };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: e.id, data });
  const { onPointerDown, onKeyDown } = (listeners ?? {}) as SensorListeners;
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
      aria-posinset={slot ? index + 1 : undefined}
      aria-setsize={slot?.size}
      onPointerDown={onPointerDown}
    >
      <EngagementCard engagement={e} handle={handle} />
    </li>
  );
});
