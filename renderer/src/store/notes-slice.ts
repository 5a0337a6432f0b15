/**
 * The notes slice: meeting notes are saved through the core and the board mirror is patched
 * with what came back; note search is a plain query (its results belong to the panel showing them).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, PalsApi } from '../../../shared/api.js';
import type { Note } from '../../../shared/schema.js';
import type { SearchHit } from '../../../shared/search.js';
import { withSavedNote, withoutNote } from './board-updates.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Note actions (state lives in the board snapshot). */
export interface NotesSlice {
  readonly addNote: (id: string, note: ApiArgs<'addNote'>['note']) => Promise<ApiResponse<Note>>;
  readonly updateNote: (id: string, noteId: string, patch: ApiArgs<'updateNote'>['patch']) => Promise<ApiResponse<Note>>;
  readonly removeNote: (id: string, noteId: string) => Promise<ApiResponse<{ readonly id: string }>>;
  readonly searchNotes: (query: string) => Promise<ApiResponse<readonly SearchHit[]>>;
}

/** Builds the notes slice over an API. */
export function createNotesSlice(api: PalsApi): StateCreator<Store, [], [], NotesSlice> {
  return (set) => {
    const saved = (id: string, res: ApiResponse<Note>) => {
      if (res.ok) set((s) => (s.board ? { board: withSavedNote(s.board, id, res.value) } : {}));
      return res;
    };
    return {
      addNote: async (id, note) => saved(id, await safeCall(() => api.addNote({ id, note }))),
      updateNote: async (id, noteId, patch) => saved(id, await safeCall(() => api.updateNote({ id, noteId, patch }))),
      removeNote: async (id, noteId) => {
        const res = await safeCall(() => api.removeNote({ id, noteId }));
        if (res.ok) set((s) => (s.board ? { board: withoutNote(s.board, id, noteId) } : {}));
        return res;
      },
      searchNotes: (query) => safeCall(() => api.search({ query, limit: 30 })),
    };
  };
}
