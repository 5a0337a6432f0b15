/** The kanban board: six timebox columns, drag and drop by pointer and keyboard. */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useState } from 'react';
import { isPhase, PHASES } from '../../../shared/phases.js';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { BoardColumn } from './board-column.js';
import { CardPreview } from './card-preview.js';
import { columnKeyboardCoordinates } from './column-keyboard.js';
import { announcements, cardData, screenReaderInstructions } from './drag-announcements.js';

// The pointer decides where a mouse drop lands; keyboard drags have no pointer, so fall back to overlap.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** The board itself (toolbar and banners live around it). */
export function Board() {
  const move = useAppStore((s) => s.move);
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const dragged = useAppStore(selectEngagement(draggedId ?? ''));
  const today = useAppStore((s) => s.board?.today);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    setDraggedId(String(active.id));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggedId(null);
    const to = over ? String(over.id) : '';
    if (isPhase(to) && to !== cardData(active).phase) void move(String(active.id), to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDraggedId(null);
      }}
    >
      <div className="board" id="board" tabIndex={-1}>
        {PHASES.map((phase) => (
          <BoardColumn key={phase} phase={phase} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{draggedId && dragged ? <CardPreview engagement={dragged} today={today} /> : null}</DragOverlay>
    </DndContext>
  );
}
