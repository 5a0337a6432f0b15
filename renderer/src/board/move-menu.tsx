/**
 * "Move to…": a menu button on every card listing the other phases, the keyboard and
 * pointer alternative to dragging (WAI-ARIA menu button pattern).
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { PHASES, PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import { useMenuButton } from '../forms/use-menu-button.js';
import { useAppStore } from '../store/store-context.js';
import { BackdatedMoveDialog } from './backdated-move.js';

interface Place {
  readonly top?: number;
  readonly bottom?: number;
  readonly right: number;
}

function placeBelow(button: HTMLElement): Place {
  const r = button.getBoundingClientRect();
  const right = Math.max(8, window.innerWidth - r.right);
  return r.bottom + 248 > window.innerHeight ? { bottom: window.innerHeight - r.top + 4, right } : { top: r.bottom + 4, right };
}

/** The card's move menu; `describedBy` points at the card's name so the button has context. */
export function MoveMenu(props: {
  readonly id: string;
  readonly name: string;
  readonly phase: Phase;
  readonly describedBy: string;
  /** The card's swimlane (null without lanes): focus follows the card within it. */
  readonly lane?: string | null;
  /** -1 unless the card is the board's tab stop. */
  readonly tabIndex?: number;
}) {
  const { id, name, phase, describedBy, lane = null, tabIndex } = props;
  const move = useAppStore((s) => s.move);
  const focusCard = useAppStore((s) => s.requestCardFocus);
  const announce = useAppStore((s) => s.announce);
  const [dated, setDated] = useState(false);
  const { open, buttonProps, menuProps, close, closeToButton } = useMenuButton<Place>({
    initialPlace: { right: 0 },
    placeFor: placeBelow,
    closeOnScroll: true,
  });
  const targets = PHASES.filter((p) => p !== phase);

  const choose = (to: Phase) => {
    close();
    focusCard(id, lane); // the card re-renders in another column; bring focus along
    void move(id, to).then((ok) => {
      if (ok) announce(`${name} moved to ${PHASE_TITLES[to]}.`);
    });
  };

  const chooseDated = () => {
    closeToButton(); // the dialog gives focus back to the button when it closes
    setDated(true);
  };

  return (
    <>
      <button
        {...buttonProps}
        tabIndex={tabIndex}
        className="button button--small button--quiet move-button"
        aria-describedby={describedBy}
      >
        Move to…
      </button>
      {open &&
        createPortal(
          <ul {...menuProps} className="menu">
            {targets.map((p) => (
              <li key={p} role="none">
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item"
                  onClick={() => {
                    choose(p);
                  }}
                >
                  {PHASE_TITLES[p]}
                </button>
              </li>
            ))}
            <li role="none" className="menu-separated">
              <button type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={chooseDated}>
                Moved on a date…
              </button>
            </li>
          </ul>,
          document.body,
        )}
      {dated && (
        <BackdatedMoveDialog
          id={id}
          name={name}
          phase={phase}
          onClose={() => {
            setDated(false);
          }}
        />
      )}
    </>
  );
}
