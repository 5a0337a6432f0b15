/**
 * One note open in the editor, without React: its journal, its autosave engine, and the save
 * that sends only the changed fields (creating the note first when it is new). Opening a note
 * whose journal holds newer, unsaved text restores that text and saves it.
 */
import type { ApiResponse } from '../../../shared/api.js';
import type { NotePatch } from '../../../shared/inputs.js';
import type { Note } from '../../../shared/schema.js';
import { createAutosave, type Autosave } from './autosave.js';
import type { SaveOutcome, Timers } from './save-types.js';
import { noteJournal, shouldRestore } from './draft-journal.js';
import { draftOf, fieldsReader, notePatch, sameDraft, type DraftFields, type NoteDraft } from './note-draft.js';

/** The save state's reason after restoring text from the journal. */
export const RESTORED = 'restored unsaved text from this device';

/** The store calls a note session needs (the notes slice's actions). */
export interface NoteCalls {
  readonly addNote: (
    id: string,
    note: { kind: Note['kind']; text: string; date: string | null; attendees: string[] },
  ) => Promise<ApiResponse<Note>>;
  readonly updateNote: (id: string, noteId: string, patch: NotePatch) => Promise<ApiResponse<Note>>;
}

export interface NoteSessionInit {
  readonly engagementId: string;
  /** The stored note, or null for a note not created yet. */
  readonly note: Note | null;
  /** A new note's first draft (used when `note` is null). */
  readonly draft?: NoteDraft;
  /** A new note's journal id ("new-…"), until the core gives it an id. */
  readonly newKey?: string;
  /** Told once a new note exists in the store. */
  readonly onCreated?: (note: Note) => void;
  readonly timers?: Timers;
}

/** The open note. */
export interface NoteSession {
  readonly engine: Autosave<NoteDraft>;
  /** The note's id (null until a new note is created). */
  readonly noteId: () => string | null;
  /** True when the editor opened on unsaved text from this device's journal. */
  readonly restored: boolean;
  /** Everything but the text, stable until a field changes. */
  readonly fields: () => DraftFields;
  /** Shows a newer version saved elsewhere (the CLI, another window) if nothing here is pending. */
  readonly adopt: (note: Note) => void;
}

const OK: SaveOutcome = { ok: true };
const failed = (res: { readonly error: { readonly message: string } }): SaveOutcome => ({ ok: false, message: res.error.message });

/** Opens a note (reading its journal once). */
export function createNoteSession(init: NoteSessionInit, calls: NoteCalls): NoteSession {
  const { engagementId, note } = init;
  const stored = note ? draftOf(note) : null;
  let noteId = note?.id ?? null;
  let version = note?.updatedAt ?? '';
  const journal = noteJournal(engagementId, noteId ?? init.newKey ?? 'new-note', note?.updatedAt ?? '');
  const entry = journal.read();
  const restore = entry && (!stored || !note || shouldRestore(entry, stored, note.updatedAt)) ? entry.draft : null;
  if (entry && !restore) journal.clear();

  const update = async (id: string, patch: NotePatch): Promise<SaveOutcome> => {
    const res = await calls.updateNote(engagementId, id, patch);
    if (!res.ok) return failed(res);
    version = res.value.updatedAt;
    journal.setBase(version);
    return OK;
  };

  const save = async (draft: NoteDraft, saved: NoteDraft | null): Promise<SaveOutcome> => {
    if (noteId !== null) {
      const patch = notePatch(saved, draft);
      return Object.keys(patch).length === 0 ? OK : update(noteId, patch);
    }
    const res = await calls.addNote(engagementId, {
      kind: draft.kind,
      text: draft.text,
      date: draft.date === '' ? null : draft.date,
      attendees: [...draft.attendees],
    });
    if (!res.ok) return failed(res);
    noteId = res.value.id;
    version = res.value.updatedAt;
    journal.moveTo(noteId);
    journal.setBase(version);
    init.onCreated?.(res.value);
    const rest = notePatch(draftOf(res.value), draft); // action items are not part of addNote
    return Object.keys(rest).length === 0 ? OK : update(noteId, rest);
  };

  const engine = createAutosave<NoteDraft>({
    initial: restore ?? stored ?? init.draft ?? { kind: 'general', date: '', attendees: [], text: '', actions: [] },
    saved: stored,
    ...(restore ? { notice: RESTORED } : {}),
    save,
    equals: sameDraft,
    journal,
    ...(init.timers ? { timers: init.timers } : {}),
  });
  return {
    engine,
    noteId: () => noteId,
    restored: restore !== null,
    fields: fieldsReader(engine.latest),
    adopt: (next) => {
      if (next.id !== noteId || next.updatedAt <= version) return;
      if (engine.reset(draftOf(next))) {
        version = next.updatedAt;
        journal.setBase(version);
      }
    },
  };
}
