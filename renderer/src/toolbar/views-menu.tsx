/**
 * "Views": a menu button (WAI-ARIA menu button pattern) listing the saved views, and the dialog
 * to save the current one or delete one.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SavedView } from '../../../shared/schema.js';
import { ChevronDownIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';

const NO_VIEWS: readonly SavedView[] = [];

interface Item {
  readonly key: string;
  readonly label: string;
  readonly run: () => void;
}

/** The button and its menu. */
export function ViewsMenu() {
  const saved = useAppStore((s) => s.board?.settings.views.saved ?? NO_VIEWS);
  const applyView = useAppStore((s) => s.applyView);
  const openPanel = useAppStore((s) => s.openPanel);
  const announce = useAppStore((s) => s.announce);
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  // Right-aligned under the button (which sits at the toolbar's right end), so a long view name grows it leftwards.
  const [place, setPlace] = useState<{ top: number; right: number }>({ top: 0, right: 0 });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const items: Item[] = [
    ...saved.map((v) => ({
      key: `view:${v.name}`,
      label: v.name,
      run: () => {
        applyView(v);
        announce(`Showing the view ${v.name}.`);
      },
    })),
    {
      key: 'save',
      label: 'Save current view as…',
      run: () => {
        openPanel('views');
      },
    },
    ...(saved.length
      ? [
          {
            key: 'delete',
            label: 'Delete a saved view…',
            run: () => {
              openPanel('views');
            },
          },
        ]
      : []),
  ];

  useLayoutEffect(() => {
    if (!open || !menu.current) return;
    const all = menu.current.querySelectorAll<HTMLElement>('[role="menuitem"]');
    all[open === 'first' ? 0 : all.length - 1]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return undefined;
    const away = (event: Event) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(null);
    };
    const close = () => {
      setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('pointerdown', away);
      window.removeEventListener('resize', close);
    };
  }, [open]);

  const show = (where: 'first' | 'last') => {
    const r = button.current?.getBoundingClientRect();
    if (r) setPlace({ top: r.bottom + 4, right: Math.max(8, window.innerWidth - r.right) });
    setOpen(where);
  };
  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(all.length - 1),
      Escape: () => {
        setOpen(null);
        button.current?.focus();
      },
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
        className="button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          if (open) setOpen(null);
          else show('first');
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          show(event.key === 'ArrowDown' ? 'first' : 'last');
        }}
      >
        Views
        <ChevronDownIcon />
      </button>
      {/* In the toolbar (a fixed box, not clipped by it), so it sits in the page's regions and Tab order. */}
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-labelledby={buttonId} className="menu menu--views" style={place} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <li key={item.key} role="none" className={item.key === 'save' && i > 0 ? 'menu-separated' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                onClick={() => {
                  setOpen(null);
                  button.current?.focus();
                  item.run();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
