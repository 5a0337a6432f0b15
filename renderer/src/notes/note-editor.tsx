/** One open note: kind, date, save state, body (write / preview), attendees, action items. */
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { agendaFor } from '../../../shared/agenda.js';
import { NOTE_KINDS, type Note, type NoteKind } from '../../../shared/schema.js';
import { ChoiceSelect, Field } from '../forms/fields.js';
import { NOTE_KIND_LABELS } from '../format/labels.js';
import { selectEngagementWindows } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { ActionItemsEditor } from './action-items-editor.js';
import { AttendeesField, type Person } from './attendees-field.js';
import { NoteBody, type CaretOnOpen } from './note-body.js';
import { NoteDelete } from './note-delete.js';
import { isUntouched, type NoteDraft } from './note-draft.js';
import { createNoteSession, type NoteSession } from './note-session.js';
import { SaveStatus } from './save-status.js';
import type { SessionCache } from './session-cache.js';
import { useAutosave } from './use-autosave.js';

/** Which note the editor shows: a stored one (`noteId`), or a new one (its first `draft`). */
export interface EditorTarget {
  /** Stays the same while a new note gets its id, so the editor is not remounted. */
  readonly key: string;
  readonly noteId: string | null;
  readonly draft?: NoteDraft;
}

interface Props {
  readonly engagementId: string;
  readonly engagementName: string;
  readonly people: readonly Person[];
  readonly target: EditorTarget;
  /** Where the editor finds this note's session again after a tab switch. */
  readonly sessions: SessionCache<NoteSession>;
  /** The stored note as the board has it now (null while a new note is being created). */
  readonly note: Note | null;
  readonly caret: CaretOnOpen;
  readonly onCreated: (key: string, noteId: string) => void;
  readonly onDeleted: () => void;
}

/** The editor; mount it with `key={target.key}` so each note gets its own autosave. */
export function NoteEditor(props: Props) {
  const { engagementId, engagementName, people, target, sessions, note, caret, onCreated, onDeleted } = props;
  const addNote = useAppStore((s) => s.addNote);
  const updateNote = useAppStore((s) => s.updateNote);
  const pushToast = useAppStore((s) => s.pushToast);
  const windows = useAppStore(selectEngagementWindows(engagementId));
  const prefix = useId();
  const [session] = useState(() =>
    sessions.get(target.key, () =>
      createNoteSession(
        {
          engagementId,
          note: target.noteId ? note : null,
          newKey: target.key,
          ...(target.draft ? { draft: target.draft } : {}),
          onCreated: (created) => {
            onCreated(target.key, created.id);
          },
        },
        { addNote, updateNote },
      ),
    ),
  );
  const { engine } = session;
  const state = useAutosave(engine, (last) => {
    if (last.kind !== 'failed') return;
    pushToast(
      'error',
      `A note of ${engagementName} was not saved (${last.message}). Its text is kept on this device: open the note again to save it.`,
    );
  });
  const fields = useSyncExternalStore(engine.subscribe, session.fields);

  useEffect(() => {
    if (note) session.adopt(note);
  }, [note, session]);

  const set = (patch: Partial<NoteDraft>) => {
    engine.update({ ...engine.latest(), ...patch });
  };
  const setKind = (kind: NoteKind) => {
    const { text, kind: before } = engine.latest();
    set(isUntouched(text, before) ? { kind, text: agendaFor(kind, windows) } : { kind });
  };
  const owners = [...new Set([...people.map((p) => p.name), ...fields.attendees])];

  return (
    <section className="note-editor" aria-label="Note editor">
      <div className="note-editor-head">
        <Field prefix={prefix} name="kind" label="Kind">
          {(c) => <ChoiceSelect control={c} value={fields.kind} choices={NOTE_KINDS} labels={NOTE_KIND_LABELS} onChange={setKind} />}
        </Field>
        <Field prefix={prefix} name="date" label="Date">
          {(c) => (
            <input
              {...c}
              className="input"
              type="date"
              value={fields.date}
              onChange={(e) => {
                set({ date: e.target.value });
              }}
            />
          )}
        </Field>
        <SaveStatus state={state} onRetry={() => void engine.flush()} />
        <NoteDelete session={session} engagementId={engagementId} onDeleted={onDeleted} />
      </div>
      {session.restored && <p className="notice">Restored text this device typed that had not reached the store.</p>}
      <div className="note-editor-grid">
        <NoteBody session={session} caret={caret} />
        <div className="note-editor-side">
          <AttendeesField
            people={people}
            value={fields.attendees}
            onChange={(attendees) => {
              set({ attendees });
            }}
          />
          <ActionItemsEditor
            actions={fields.actions}
            owners={owners}
            onChange={(actions) => {
              set({ actions });
            }}
          />
        </div>
      </div>
    </section>
  );
}
