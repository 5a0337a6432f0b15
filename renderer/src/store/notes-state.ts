/** The notes slice's shape: saving and removing notes, and note search. */
import type { ApiArgs, ApiResponse } from '../../../shared/api.js';
import type { Note } from '../../../shared/schema.js';
import type { SearchHitView } from '../../../shared/view.js';

/** Note actions (the notes themselves live in the open record). */
export interface NotesSlice {
  readonly addNote: (id: string, note: ApiArgs<'addNote'>['note']) => Promise<ApiResponse<Note>>;
  readonly updateNote: (id: string, noteId: string, patch: ApiArgs<'updateNote'>['patch']) => Promise<ApiResponse<Note>>;
  readonly removeNote: (id: string, noteId: string) => Promise<ApiResponse<{ readonly id: string }>>;
  readonly searchNotes: (query: string) => Promise<ApiResponse<readonly SearchHitView[]>>;
}
