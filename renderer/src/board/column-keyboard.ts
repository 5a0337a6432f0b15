/**
 * Keyboard dragging between columns: left and right arrows jump to the previous or next
 * column (dnd-kit's default moves 25 px per press, which is no use on a board); with swimlanes,
 * to the previous or next phase of the card's own lane.
 */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { CardDragData, DropData } from './drag-announcements.js';

/** Moves the dragged card's rectangle into the neighbouring column. */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault(); // no order inside a column
  if (step === 0) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over, active } = context;
  if (!collisionRect) return undefined;
  // With swimlanes, a card moves between the phases of its own lane.
  const lane = (active?.data.current as Partial<CardDragData> | undefined)?.laneKey;
  const columns = droppableContainers
    .getEnabled()
    .filter((c) => (c.data.current as Partial<DropData> | undefined)?.laneKey === lane)
    .flatMap((c) => {
      const rect = droppableRects.get(c.id);
      return rect ? [{ id: c.id, rect }] : [];
    })
    .sort((a, b) => a.rect.left - b.rect.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const here = over
    ? columns.findIndex((c) => c.id === over.id)
    : columns.findIndex((c) => centre >= c.rect.left && centre <= c.rect.left + c.rect.width);
  const next = columns[here + step];
  if (here < 0 || !next) return undefined;
  const top = Math.min(Math.max(collisionRect.top, next.rect.top + 56), next.rect.top + next.rect.height - collisionRect.height);
  return { x: next.rect.left + (next.rect.width - collisionRect.width) / 2, y: top };
};
