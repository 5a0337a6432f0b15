/** "Delete note", confirmed inline; pending autosaves are dropped first so nothing re-creates it. */
import { useState } from 'react';
import { useAppStore } from '../store/store-context.js';
import type { NoteSession } from './note-session.js';

/** The delete control of the open note. */
export function NoteDelete(props: { readonly session: NoteSession; readonly engagementId: string; readonly onDeleted: () => void }) {
  const { session, engagementId, onDeleted } = props;
  const removeNote = useAppStore((s) => s.removeNote);
  const announce = useAppStore((s) => s.announce);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    await session.engine.discard();
    const id = session.noteId();
    const res = id ? await removeNote(engagementId, id) : null;
    if (res && !res.ok) {
      setError(`Not deleted: ${res.error.message}`);
      return;
    }
    announce('The note was deleted.');
    onDeleted();
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--small button--danger-quiet"
        onClick={() => {
          setConfirming(true);
        }}
      >
        Delete note
      </button>
    );
  }
  return (
    <div className="note-delete" role="group" aria-label="Confirm deleting the note">
      <span className="confirm-text">Delete this note for good?</span>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        autoFocus
        onClick={() => {
          setConfirming(false);
        }}
      >
        Keep note
      </button>
      <button type="button" className="button button--small button--danger" onClick={() => void remove()}>
        Delete for good
      </button>
    </div>
  );
}
