/**
 * Keyboard dragging between columns: left and right arrows jump to the previous or next
 * column (dnd-kit's default moves 25 px per press, which is no use on a board).
 */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/** Moves the dragged card's rectangle into the neighbouring column. */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault(); // no order inside a column
  if (step === 0) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
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
