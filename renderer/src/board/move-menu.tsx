/**
 * "Move to…": a menu button on every card listing the other phases, the keyboard and
 * pointer alternative to dragging (WAI-ARIA menu button pattern).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { PHASES, PHASE_TITLES, type Phase } from '../../../shared/phases.js';
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
export function MoveMenu(props: { readonly id: string; readonly name: string; readonly phase: Phase; readonly describedBy: string }) {
  const { id, name, phase, describedBy } = props;
  const move = useAppStore((s) => s.move);
  const focusCard = useAppStore((s) => s.requestCardFocus);
  const announce = useAppStore((s) => s.announce);
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const [place, setPlace] = useState<Place>({ right: 0 });
  const [dated, setDated] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();
  const targets = PHASES.filter((p) => p !== phase);

  useLayoutEffect(() => {
    if (!open || !menu.current) return;
    const items = menu.current.querySelectorAll<HTMLElement>('[role="menuitem"]');
    items[open === 'first' ? 0 : items.length - 1]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(null);
    };
    const close = () => {
      setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    window.addEventListener('resize', close);
    window.addEventListener('scroll', close, true);
    return () => {
      document.removeEventListener('pointerdown', away);
      window.removeEventListener('resize', close);
      window.removeEventListener('scroll', close, true);
    };
  }, [open]);

  const show = (where: 'first' | 'last') => {
    if (button.current) setPlace(placeBelow(button.current));
    setOpen(where);
  };
  const closeMenu = () => {
    setOpen(null);
    button.current?.focus();
  };
  const choose = (to: Phase) => {
    setOpen(null);
    focusCard(id); // the card re-renders in another column; bring focus along
    void move(id, to).then((ok) => {
      if (ok) announce(`${name} moved to ${PHASE_TITLES[to]}.`);
    });
  };

  const chooseDated = () => {
    setOpen(null);
    button.current?.focus(); // the dialog gives focus back here when it closes
    setDated(true);
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      Escape: closeMenu,
      // Tab leaves the menu as if from its button: on to the next control (or back, with Shift).
      Tab: () => {
        setOpen(null);
        button.current?.focus();
      },
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    action();
  };

  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="button button--small button--quiet move-button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        aria-describedby={describedBy}
        onClick={() => {
          if (open) setOpen(null);
          else show('first');
        }}
        onKeyDown={onButtonKey}
      >
        Move to…
      </button>
      {open &&
        createPortal(
          <ul ref={menu} id={menuId} role="menu" aria-labelledby={buttonId} className="menu" style={place} onKeyDown={onMenuKey}>
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
