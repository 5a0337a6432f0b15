/** The kanban board: six timebox columns (or swimlanes by pal), drag and drop by pointer and keyboard, arrow keys between cards. */
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
import { PHASES } from '../../../shared/phases.js';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { useBoardKeys, useTabStopKeeper } from './board-keys.js';
import { BoardColumn } from './board-column.js';
import { CardPreview } from './card-preview.js';
import { columnKeyboardCoordinates } from './column-keyboard.js';
import { announcements, cardData, screenReaderInstructions, target, type DropData } from './drag-announcements.js';
import { LaneBoard } from './lane-board.js';
import type { Dropped } from './swim-lane.js';

// The pointer decides where a mouse drop lands; keyboard drags have no pointer, so fall back to
// overlap. With swimlanes a card lands in its own lane only (a drop changes the phase, never the pal).
const collision: CollisionDetection = (args) => {
  const lane = cardData(args.active).laneKey;
  const droppableContainers = args.droppableContainers.filter((c) => (c.data.current as Partial<DropData> | undefined)?.laneKey === lane);
  const scoped = { ...args, droppableContainers };
  const hits = pointerWithin(scoped);
  return hits.length ? hits : rectIntersection(scoped);
};

// Cards have no order inside a column, so a column never scrolls under a drag (which would also
// re-render its window each frame); the board still scrolls sideways in a narrow window. The lanes
// never scroll under a drag either: a card moves within its own lane, which is in view.
const autoScroll: AutoScrollOptions = {
  canScroll: (element) => !element.hasAttribute('data-column-scroll') && !element.hasAttribute('data-no-autoscroll'),
};

// Module constants, not literals in render: new sensor options would give every card new drag
// listeners (and re-render every card body) each time the board re-renders, at pick-up and drop.
const pointerOptions = { activationConstraint: { distance: 6 } };
const keyboardOptions = { coordinateGetter: columnKeyboardCoordinates };
const accessibility = { announcements, screenReaderInstructions };

/** The six columns (inside the DnD context, which the keyboard handlers watch). */
function ColumnsBoard({ dropped }: { readonly dropped: Dropped | null }) {
  const keys = useBoardKeys();
  useTabStopKeeper();
  return (
    <div className="board" id="board" tabIndex={-1} onKeyDown={keys.onKeyDown} onFocus={keys.onFocus}>
      {PHASES.map((phase) => (
        <BoardColumn key={phase} phase={phase} reveal={dropped?.target === phase ? dropped : null} />
      ))}
    </div>
  );
}

/** The board itself (toolbar and banners live around it). */
export function Board() {
  const move = useAppStore((s) => s.move);
  const lanes = useAppStore((s) => s.lanes);
  const [draggedId, setDraggedId] = useState<string | null>(null);
  // The card last dropped on another column (or lane cell): that list scrolls to it (and keeps it rendered).
  const [dropped, setDropped] = useState<Dropped | null>(null);
  const drops = useRef(0);
  const dragged = useAppStore(selectEngagement(draggedId ?? ''));
  const today = useAppStore((s) => s.board?.today);
  const sensors = useSensors(useSensor(PointerSensor, pointerOptions), useSensor(KeyboardSensor, keyboardOptions));

  const onDragStart = ({ active }: DragStartEvent) => {
    setDraggedId(cardData(active).id);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggedId(null);
    const to = target(over);
    const card = cardData(active);
    if (!over || !to || to === card.phase) return;
    setDropped({ id: card.id, target: String(over.id), seq: ++drops.current });
    void move(card.id, to);
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
      {lanes === 'pal' ? <LaneBoard dropped={dropped} /> : <ColumnsBoard dropped={dropped} />}
      <DragOverlay dropAnimation={null}>{draggedId && dragged ? <CardPreview engagement={dragged} today={today} /> : null}</DragOverlay>
    </DndContext>
  );
}
