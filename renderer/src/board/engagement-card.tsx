/** One engagement on the board: opens its record, drags between columns, moves by menu. */
import { useDraggable } from '@dnd-kit/core';
import { memo, useEffect, useId, useRef, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import type { EngagementView } from '../../../shared/view.js';
import { MATURITY_LABELS } from '../format/labels.js';
import { GripIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';
import { CardTags, DueLine, GithubChip, NoteCount } from './card-parts.js';
import type { CardDragData } from './drag-announcements.js';
import { MoveMenu } from './move-menu.js';

interface SensorListeners {
  readonly onPointerDown?: PointerEventHandler;
  readonly onKeyDown?: KeyboardEventHandler;
}

/** A card; memoised so a change to one engagement re-renders only its card. */
export const EngagementCard = memo(function EngagementCard({ engagement: e }: { readonly engagement: EngagementView }) {
  const openCard = useAppStore((s) => s.openCard);
  const today = useAppStore((s) => s.board?.today);
  const wantsFocus = useAppStore((s) => s.focusCard === e.id);
  const requestCardFocus = useAppStore((s) => s.requestCardFocus);
  const data: CardDragData = { name: e.name, phase: e.phase };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: e.id, data });
  const { onPointerDown, onKeyDown } = (listeners ?? {}) as SensorListeners;
  const openButton = useRef<HTMLButtonElement>(null);
  const nameId = useId();

  useEffect(() => {
    if (!wantsFocus) return;
    openButton.current?.focus();
    requestCardFocus(null);
  }, [wantsFocus, requestCardFocus]);

  const pals = e.pals.length ? e.pals.join(', ') : 'No pal yet';
  return (
    <li
      ref={setNodeRef}
      className={`card${isDragging ? ' card--dragging' : ''}${e.onHold ? ' card--hold' : ''}`}
      onPointerDown={onPointerDown}
    >
      <CardTags example={e.example} onHold={e.onHold} />
      <div className="card-head">
        <h3 className="card-title">
          <button
            ref={openButton}
            id={nameId}
            type="button"
            className="card-open"
            onClick={() => {
              openCard(e.id);
            }}
          >
            {e.name}
          </button>
        </h3>
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="icon-button drag-handle"
          {...attributes}
          aria-label={`Drag ${e.name}`}
          title="Drag to another column (or press space, then the arrow keys)"
          onKeyDown={onKeyDown}
        >
          <GripIcon />
        </button>
      </div>
      <p className="card-meta">
        <span>{MATURITY_LABELS[e.maturity]}</span>
        <span aria-hidden="true"> · </span>
        <span className="card-pals">
          <span className="visually-hidden">Pals: </span>
          {pals}
        </span>
      </p>
      <DueLine due={e.due} today={today} />
      <div className="card-foot">
        <GithubChip github={e.github} />
        <NoteCount count={e.notes.length} />
        <MoveMenu id={e.id} name={e.name} phase={e.phase} describedBy={nameId} />
      </div>
    </li>
  );
});
