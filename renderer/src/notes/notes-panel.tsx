/** The card dialog's Notes tab: the list of notes beside the open note's editor. */
import { useState } from 'react';
import type { Note } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import type { Person } from './attendees-field.js';
import { NoteEditor } from './note-editor.js';
import { NoteList } from './note-list.js';
import type { CardView } from '../engagement/use-card-view.js';

/** The engagement's pals and contacts, offered as attendees and owners. */
export function peopleOf(e: EngagementView): Person[] {
  const pals = e.pals.map((name) => ({ name, hint: 'pal' }));
  const contacts = e.contacts.map((c) => ({ name: c.name, hint: c.role ?? 'contact' }));
  const seen = new Set<string>();
  return [...pals, ...contacts].filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/** Decides once, when a note opens, whether it still exists (it may be deleted elsewhere later). */
function EditorSlot(props: Omit<Parameters<typeof NoteEditor>[0], 'note'> & { readonly note: Note | null }) {
  const [gone] = useState(() => props.target.noteId !== null && props.note === null);
  if (gone) return <p className="notes-empty">This note no longer exists; it was deleted elsewhere.</p>;
  return <NoteEditor {...props} />;
}

/** The Notes tab panel's content. */
export function NotesPanel({ engagement, view }: { readonly engagement: EngagementView; readonly view: CardView }) {
  const { target } = view;
  const note = target?.noteId ? (engagement.notes.find((n) => n.id === target.noteId) ?? null) : null;
  const pending = target && target.noteId === null ? (target.draft ?? null) : null;
  return (
    <div className="notes-panel">
      <div className="notes-panel-list">
        {engagement.notes.length === 0 && !pending && (
          <p className="notes-empty">No notes yet. “Add note” starts one; a meet & greet or follow-up note starts from its agenda.</p>
        )}
        <NoteList notes={engagement.notes} openId={target?.noteId ?? null} pending={pending} onOpen={view.openNote} />
      </div>
      {target ? (
        <EditorSlot
          key={target.key}
          engagementId={engagement.id}
          engagementName={engagement.name}
          people={peopleOf(engagement)}
          target={target}
          sessions={view.notes}
          note={note}
          caret={view.caret}
          onCreated={view.created}
          onDeleted={() => {
            view.deleted(target.noteId);
          }}
        />
      ) : (
        engagement.notes.length > 0 && <p className="notes-empty">Choose a note to read or edit it.</p>
      )}
    </div>
  );
}
