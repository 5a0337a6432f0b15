/**
 * A danger zone confirmed inline: one quiet button opens a group that says what will be lost,
 * with "Keep it" (focused, the safe choice) and the button that deletes. Focus moves between the
 * two so a keyboard user is never left on a control that has gone.
 */
import { useRef, useState, type ReactNode } from 'react';
import { FormError } from './fields.js';

/** What one deletion needs; `onConfirm` answers with an error message, or null once it is done. */
export interface ConfirmDeleteProps {
  /** The class of the zone while closed, and while open unless `openClassName` says otherwise. */
  readonly className: string;
  readonly openClassName?: string;
  /** The button that opens the confirmation. */
  readonly startLabel: string;
  /** The accessible name of the open confirmation group. */
  readonly groupLabel: string;
  /** What will be lost, shown in the open group. */
  readonly message: ReactNode;
  /** The button that deletes. */
  readonly confirmLabel: string;
  /** Controls between the message and the error (e.g. where the held items go). */
  readonly children?: ReactNode;
  readonly onConfirm: () => Promise<string | null>;
}

/** The closed button, or the open confirmation with its error (cleared on each open or close). */
export function ConfirmDelete(props: ConfirmDeleteProps) {
  const { className, openClassName = className, startLabel, groupLabel, message, confirmLabel, children, onConfirm } = props;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  const open = (yes: boolean) => {
    setConfirming(yes);
    setError(null);
    requestAnimationFrame(() => (yes ? keep : start).current?.focus());
  };

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const failed = await onConfirm();
    setBusy(false);
    if (failed !== null) setError(failed);
  };

  if (!confirming) {
    return (
      <div className={className}>
        <button
          ref={start}
          type="button"
          className="button button--danger-quiet"
          onClick={() => {
            open(true);
          }}
        >
          {startLabel}
        </button>
      </div>
    );
  }
  return (
    <div className={openClassName} role="group" aria-label={groupLabel}>
      <p className="confirm-text">{message}</p>
      {children}
      <FormError message={error} />
      <div className="form-actions">
        <button
          ref={keep}
          type="button"
          className="button"
          onClick={() => {
            open(false);
          }}
        >
          Keep it
        </button>
        <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
