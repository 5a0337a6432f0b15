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
  type AutoScrollOptions,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useRef, useState } from 'react';
import { isPhase, PHASES } from '../../../shared/phases.js';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { BoardColumn } from './board-column.js';
import { CardPreview } from './card-preview.js';
import { columnKeyboardCoordinates } from './column-keyboard.js';
import { announcements, cardData, screenReaderInstructions } from './drag-announcements.js';
import type { Reveal } from './kept-cards.js';

// The pointer decides where a mouse drop lands; keyboard drags have no pointer, so fall back to overlap.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

// Cards have no order inside a column, so a column never scrolls under a drag (which would also
// re-render its window each frame); the board still scrolls sideways in a narrow window.
const autoScroll: AutoScrollOptions = { canScroll: (element) => !element.hasAttribute('data-column-scroll') };

// Module constants, not literals in render: new sensor options would give every card new drag
// listeners (and re-render every card body) each time the board re-renders, at pick-up and drop.
const pointerOptions = { activationConstraint: { distance: 6 } };
const keyboardOptions = { coordinateGetter: columnKeyboardCoordinates };
const accessibility = { announcements, screenReaderInstructions };

/** The board itself (toolbar and banners live around it). */
export function Board() {
  const move = useAppStore((s) => s.move);
  const [draggedId, setDraggedId] = useState<string | null>(null);
  // The card last dropped on another column: that column scrolls to it (and keeps it rendered).
  const [dropped, setDropped] = useState<(Reveal & { readonly phase: string }) | null>(null);
  const drops = useRef(0);
  const dragged = useAppStore(selectEngagement(draggedId ?? ''));
  const today = useAppStore((s) => s.board?.today);
  const sensors = useSensors(useSensor(PointerSensor, pointerOptions), useSensor(KeyboardSensor, keyboardOptions));

  const onDragStart = ({ active }: DragStartEvent) => {
    setDraggedId(String(active.id));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggedId(null);
    const to = over ? String(over.id) : '';
    if (!isPhase(to) || to === cardData(active).phase) return;
    setDropped({ id: String(active.id), phase: to, seq: ++drops.current });
    void move(String(active.id), to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      autoScroll={autoScroll}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDraggedId(null);
      }}
    >
      <div className="board" id="board" tabIndex={-1}>
        {PHASES.map((phase) => (
          <BoardColumn key={phase} phase={phase} reveal={dropped?.phase === phase ? dropped : null} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{draggedId && dragged ? <CardPreview engagement={dragged} today={today} /> : null}</DragOverlay>
    </DndContext>
  );
}
