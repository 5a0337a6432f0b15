/** "Delete engagement", with an inline confirmation that says what will be lost. */
import { useRef, useState } from 'react';
import type { EngagementView } from '../../../shared/view.js';
import { useAppStore } from '../store/store-context.js';

/** The danger zone; `onDeleted` closes the dialog once the core has removed the engagement. */
export function DeleteEngagement({ engagement, onDeleted }: { readonly engagement: EngagementView; readonly onDeleted: () => void }) {
  const remove = useAppStore((s) => s.remove);
  const announce = useAppStore((s) => s.announce);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const notes = engagement.notes.length;

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const res = await remove(engagement.id);
    setBusy(false);
    if (res.ok) {
      announce(`${engagement.name} was deleted.`);
      onDeleted();
    } else setError(`Not deleted: ${res.error.message}`);
  };

  const open = (yes: boolean) => {
    setConfirming(yes);
    setError(null);
    requestAnimationFrame(() => (yes ? keep : start).current?.focus());
  };

  if (!confirming) {
    return (
      <div className="side-section danger-zone">
        <button
          ref={start}
          type="button"
          className="button button--danger-quiet"
          onClick={() => {
            open(true);
          }}
        >
          Delete engagement
        </button>
      </div>
    );
  }
  return (
    <div className="side-section danger-zone" role="group" aria-label="Confirm deletion">
      <p className="confirm-text">
        Delete {engagement.name}
        {notes > 0 ? ` and its ${notes} ${notes === 1 ? 'note' : 'notes'}` : ''} for good? This cannot be undone.
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
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
        <button type="button" className="button button--danger" onClick={() => void confirm()}>
          Delete for good
        </button>
      </div>
    </div>
  );
}
