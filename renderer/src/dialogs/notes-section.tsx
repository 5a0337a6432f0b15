/** The engagement's notes, read-only for now, with "Add note" for a quick general note. */
import { useId, useRef, useState } from 'react';
import type { Note } from '../../../shared/schema.js';
import { formatDay, formatInstant } from '../format/dates.js';
import { NOTE_KIND_LABELS } from '../format/labels.js';
import { AddNoteForm } from './add-note-form.js';

/** Notes, newest first; text is shown as typed (markdown rendering comes with the note editor). */
export function NotesSection({ engagementId, notes }: { readonly engagementId: string; readonly notes: readonly Note[] }) {
  const [adding, setAdding] = useState(false);
  const [saveState, setSaveState] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const newestFirst = [...notes].reverse();

  const done = (state: string | null) => {
    setAdding(false);
    setSaveState(state ?? '');
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <section className="side-section" aria-labelledby={titleId}>
      <div className="side-head">
        <h3 id={titleId} className="side-title">
          Notes <span className="muted">({notes.length})</span>
        </h3>
        {!adding && (
          <button
            ref={addButton}
            type="button"
            className="button button--small"
            onClick={() => {
              setAdding(true);
            }}
          >
            Add note
          </button>
        )}
      </div>
      <p role="status" className="save-state">
        {adding ? '' : saveState}
      </p>
      {adding && <AddNoteForm engagementId={engagementId} onDone={done} />}
      {newestFirst.length === 0 && !adding && <p className="muted">No notes yet.</p>}
      {newestFirst.length > 0 && (
        <ol className="notes">
          {newestFirst.map((n) => (
            <li key={n.id} className="note">
              <p className="note-meta">
                <span className="note-kind">{NOTE_KIND_LABELS[n.kind]}</span>
                <span>{n.date ? formatDay(n.date) : formatInstant(n.createdAt)}</span>
              </p>
              <p className="note-text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
