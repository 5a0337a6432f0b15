/** Focus for list editors: after a row is added or removed, focus lands on a row's main control. */
import { useEffect, useRef } from 'react';

/**
 * `list` and `addButton` go on the list and its "Add …" button; `focusRow(n)` asks for row `n`'s
 * control (found by `selector`) once the next render is on screen, a negative `n` for the button.
 */
export function useRowFocus(selector: string) {
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const pending = useRef<number | null>(null);

  useEffect(() => {
    const row = pending.current;
    if (row === null) return;
    pending.current = null;
    (row < 0 ? addButton.current : list.current?.querySelectorAll<HTMLElement>(selector)[row])?.focus();
  });

  const focusRow = (row: number) => {
    pending.current = row;
  };
  return { list, addButton, focusRow };
}
