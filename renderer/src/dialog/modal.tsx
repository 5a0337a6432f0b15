/**
 * A modal dialog: role dialog + aria-modal, named by its heading; focus moves in, Tab is kept
 * inside, Escape closes, and focus goes back to what opened it (or to the board if that is gone).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

interface ModalProps {
  /** Id of the element whose text names the dialog. */
  readonly labelledBy: string;
  readonly onClose: () => void;
  /** 'first' focuses the first field (forms); 'dialog' focuses the dialog itself (records). */
  readonly initialFocus?: 'first' | 'dialog';
  readonly size?: 'narrow' | 'wide';
  readonly children: ReactNode;
}

/** The opener of a dialog that just closed, for one that opens in its place (see below). */
let handedOver: HTMLElement | null = null;

/** The dialog frame; its content is the caller's. */
export function Modal({ labelledBy, onClose, initialFocus = 'first', size = 'narrow', children }: ModalProps) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const active =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    // A dialog that replaces another ("Find engagements on GitHub…" in GitHub settings) returns
    // focus to what opened the first one: the control pressed inside the old one is gone.
    const opener = active && !active.closest('[role="dialog"]') ? active : (handedOver ?? active);
    const root = dialog.current;
    // Content that placed focus itself (an editor opened at a note) keeps it.
    if (root && !root.contains(document.activeElement)) (initialFocus === 'first' ? (focusables(root)[0] ?? root) : root).focus();
    return () => {
      const back = opener?.isConnected ? opener : document.getElementById('board');
      back?.focus();
      // For a dialog mounting in this same commit, in place of this one.
      handedOver = back;
      queueMicrotask(() => {
        handedOver = null;
      });
    };
    // Focus moves in once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = focusables(dialog.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        className={`dialog dialog--${size}`}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
