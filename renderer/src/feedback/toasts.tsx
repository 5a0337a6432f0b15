/** Messages in the corner: errors (role alert) stay until dismissed; info (role status) fades. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CloseIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';
import type { Toast } from '../store/ui-slice.js';

const INFO_MS = 6_000;

function ToastItem({ toast }: { readonly toast: Toast }) {
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    if (toast.kind !== 'info') return;
    const timer = setTimeout(() => {
      dismiss(toast.id);
    }, INFO_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [toast, dismiss]);
  return (
    <li className={`toast toast--${toast.kind}`}>
      <p role={toast.kind === 'error' ? 'alert' : 'status'} className="toast-text">
        {toast.text}
      </p>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss"
        onClick={() => {
          dismiss(toast.id);
        }}
      >
        <CloseIcon />
      </button>
    </li>
  );
}

/** The toast stack. */
export function Toasts() {
  const toasts = useAppStore(useShallow((s) => s.toasts));
  if (toasts.length === 0) return null;
  return (
    <ul className="toasts" aria-label="Messages">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </ul>
  );
}
