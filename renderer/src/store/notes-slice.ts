/**
 * The notes slice: meeting notes are saved through the core, and what came back is set on the
 * open record (the card dialog's) and the card's note count; note search is a plain query (its
 * results belong to the panel showing them).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, PalsApi } from '../../../shared/api.js';
import type { Note } from '../../../shared/schema.js';
import type { SearchHitView } from '../../../shared/view.js';
import { withNoteCount } from './board-updates.js';
import type { Freshness } from './freshness.js';
import { withoutNote, withSavedNote } from './record-updates.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Note actions (the notes themselves live in the open record). */
export interface NotesSlice {
  readonly addNote: (id: string, note: ApiArgs<'addNote'>['note']) => Promise<ApiResponse<Note>>;
  readonly updateNote: (id: string, noteId: string, patch: ApiArgs<'updateNote'>['patch']) => Promise<ApiResponse<Note>>;
  readonly removeNote: (id: string, noteId: string) => Promise<ApiResponse<{ readonly id: string }>>;
  readonly searchNotes: (query: string) => Promise<ApiResponse<readonly SearchHitView[]>>;
}

/** Builds the notes slice over an API. */
export function createNotesSlice(api: PalsApi, freshness: Freshness): StateCreator<Store, [], [], NotesSlice> {
  return (_set, get) => {
    /** The card's note count after an answer, as the core counts it (only if the feed has not said it already). */
    const count = (id: string, fresh: boolean, delta: number, at: string | null) => {
      if (!fresh) return;
      const record = get().record;
      get().patchCards((b) => {
        const card = b.engagements.find((e) => e.id === id);
        if (!card) return b;
        const total = record?.id === id && record.view ? record.view.notes.length : card.noteCount + delta;
        return withNoteCount(b, id, total, at);
      });
    };

    const saved = (id: string, run: () => Promise<ApiResponse<Note>>, isNew: boolean) =>
      freshness.call(
        id,
        () => safeCall(run),
        (res, fresh) => {
          if (!res.ok) return;
          const known = get().record?.view?.notes.some((n) => n.id === res.value.id) ?? !isNew;
          get().patchRecord(id, (view) => withSavedNote(view, res.value), res.call);
          count(id, fresh, known ? 0 : 1, res.value.updatedAt);
        },
      );

    return {
      addNote: (id, note) => saved(id, () => api.addNote({ id, note }), true),
      updateNote: (id, noteId, patch) => saved(id, () => api.updateNote({ id, noteId, patch }), false),
      removeNote: (id, noteId) =>
        freshness.call(
          id,
          () => safeCall(() => api.removeNote({ id, noteId })),
          (res, fresh) => {
            if (!res.ok) return;
            get().patchRecord(id, (view) => withoutNote(view, noteId), res.call);
            count(id, fresh, -1, null);
          },
        ),
      searchNotes: (query) => safeCall(() => api.search({ query, limit: 30 })),
    };
  };
}
