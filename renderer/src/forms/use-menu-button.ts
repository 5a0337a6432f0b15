/**
 * The WAI-ARIA menu button pattern, once: a button that opens a `role="menu"` list of
 * `role="menuitem"` buttons. ArrowDown/ArrowUp on the button open it on the first/last item;
 * in the menu the arrows wrap, Home/End jump, Escape closes and returns focus to the button, and
 * Tab closes it and moves on from the button. A pointer press outside or a resize (and, if asked,
 * a scroll) closes it.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

type Where = 'first' | 'last';

export interface MenuButtonOptions<P extends CSSProperties> {
  /** Where the menu sits before it is first shown. */
  readonly initialPlace: P;
  /** Where the menu sits for the button, measured each time it opens. */
  readonly placeFor: (button: HTMLElement) => P;
  /** Close on any scroll too (for menus portalled out of a scrolling list). */
  readonly closeOnScroll?: boolean;
}

const ITEM = '[role="menuitem"]';

export function useMenuButton<P extends CSSProperties>(options: MenuButtonOptions<P>) {
  const { initialPlace, placeFor, closeOnScroll = false } = options;
  const [open, setOpen] = useState<null | Where>(null);
  const [place, setPlace] = useState<P>(initialPlace);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();

  useLayoutEffect(() => {
    if (!open || !menu.current) return;
    const items = menu.current.querySelectorAll<HTMLElement>(ITEM);
    items[open === 'first' ? 0 : items.length - 1]?.focus();
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
    if (closeOnScroll) window.addEventListener('scroll', close, true);
    return () => {
      document.removeEventListener('pointerdown', away);
      window.removeEventListener('resize', close);
      if (closeOnScroll) window.removeEventListener('scroll', close, true);
    };
  }, [open, closeOnScroll]);

  const show = (where: Where) => {
    if (button.current) setPlace(placeFor(button.current));
    setOpen(where);
  };
  /** Close the menu, leaving focus where it is. */
  const close = () => {
    setOpen(null);
  };
  /** Close the menu and give focus back to its button. */
  const closeToButton = () => {
    setOpen(null);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM)];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      Escape: closeToButton,
      // Tab leaves the menu as if from its button: on to the next control (or back, with Shift).
      Tab: closeToButton,
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    action();
  };

  /** Spread on the menu button. */
  const buttonProps = {
    ref: button,
    id: buttonId,
    type: 'button' as const,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open !== null,
    'aria-controls': open ? menuId : undefined,
    onClick: () => {
      if (open) setOpen(null);
      else show('first');
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    },
  };
  /** Spread on the menu's `<ul>` (rendered only while `open`). */
  const menuProps = {
    ref: menu,
    id: menuId,
    role: 'menu' as const,
    'aria-labelledby': buttonId,
    style: place,
    onKeyDown: onMenuKey,
  };

  return { open: open !== null, button, buttonProps, menuProps, close, closeToButton };
}
