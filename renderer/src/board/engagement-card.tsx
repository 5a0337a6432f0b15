/** One engagement on the board: opens its record, drags between columns, moves by menu. */
import type { DraggableAttributes } from '@dnd-kit/core';
import { memo, useEffect, useId, useRef, type KeyboardEventHandler } from 'react';
import type { CardView } from '../../../shared/view.js';
import { MATURITY_LABELS } from '../format/labels.js';
import { GripIcon } from './card-icons.js';
import { useAppStore } from '../store/store-context.js';
import { CardGithubDetail } from '../github/card-github.js';
import { CardTags, DueLine, GithubChip, NoteCount } from './card-parts.js';
import { MoveMenu } from './move-menu.js';
import { ScoreLine } from '../rounds/score-line.js';
import { CardSecurityLine } from '../intake/card-security.js';

/** What the draggable shell hands its card's drag handle (stable while the drag state stands). */
export interface DragHandle {
  readonly attributes: DraggableAttributes;
  readonly onKeyDown: KeyboardEventHandler | undefined;
  readonly setActivatorNodeRef: (node: HTMLElement | null) => void;
}

/**
 * A card's contents (its list item is the shell in draggable-card.tsx); memoised so drag moves
 * and changes to other engagements do not re-render it.
 */
export const EngagementCard = memo(function EngagementCard(props: {
  readonly engagement: CardView;
  readonly handle: DragHandle;
  /** The swimlane the card shows in (null without lanes): a focus request may name one. */
  readonly lane: string | null;
  /** The board's one card in the tab order (board-keys.ts); the others' controls are reached by arrow keys. */
  readonly tabStop: boolean;
}) {
  const { engagement: e, handle, lane, tabStop } = props;
  const tabIndex = tabStop ? 0 : -1;
  const openCard = useAppStore((s) => s.openCard);
  const today = useAppStore((s) => s.board?.today);
  const wantsFocus = useAppStore((s) => s.focusCard === e.id && (s.focusLane === null || s.focusLane === lane));
  const requestCardFocus = useAppStore((s) => s.requestCardFocus);
  const openButton = useRef<HTMLButtonElement>(null);
  const nameId = useId();

  useEffect(() => {
    if (!wantsFocus) return;
    openButton.current?.focus();
    requestCardFocus(null);
  }, [wantsFocus, requestCardFocus]);

  const pals = e.pals.length ? e.pals.join(', ') : 'No pal yet';
  return (
    <>
      <CardTags example={e.example} onHold={e.onHold} />
      <div className="card-head">
        <h3 className="card-title">
          <button
            ref={openButton}
            id={nameId}
            type="button"
            className="card-open"
            tabIndex={tabIndex}
            onClick={() => {
              openCard(e.id);
            }}
          >
            {e.name}
          </button>
        </h3>
        <button
          ref={handle.setActivatorNodeRef}
          type="button"
          className="icon-button drag-handle"
          {...handle.attributes}
          tabIndex={tabIndex}
          aria-label={`Drag ${e.name}`}
          title="Drag to another column (or press space, then the arrow keys)"
          onKeyDown={handle.onKeyDown}
        >
          <GripIcon />
        </button>
      </div>
      <p className="card-meta">
        {MATURITY_LABELS[e.maturity]}
        <span className="card-pals">
          <span className="visually-hidden">Pals: </span>
          {pals}
        </span>
      </p>
      {e.phase === 'intake' && <ScoreLine score={e.score} round={e.round} />}
      {e.phase === 'intake' && <CardSecurityLine card={e} describedBy={nameId} tabIndex={tabIndex} />}
      <DueLine due={e.due} today={today} />
      <CardGithubDetail card={e} />
      <div className="card-foot">
        <GithubChip github={e.github} />
        <NoteCount count={e.noteCount} />
        <MoveMenu id={e.id} name={e.name} phase={e.phase} describedBy={nameId} lane={lane} tabIndex={tabIndex} />
      </div>
    </>
  );
});
