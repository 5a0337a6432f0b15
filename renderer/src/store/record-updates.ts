/** Pure updates of the open record (the whole engagement the card dialog shows) with notes this page saved. */
import type { Note } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';

const later = (a: string, b: string) => (a > b ? a : b);

/** The record with a saved note in place of its older copy (appended when new); an older answer never replaces a newer note. */
export function withSavedNote(view: EngagementView, note: Note): EngagementView {
  const current = view.notes.find((n) => n.id === note.id);
  if (current && current.updatedAt > note.updatedAt) return view;
  const notes = current ? view.notes.map((n) => (n.id === note.id ? note : n)) : [...view.notes, note];
  // The core stamps the engagement with the note's time whenever a note changes.
  return { ...view, notes, updatedAt: later(note.updatedAt, view.updatedAt) };
}

/** The record without one note. */
export function withoutNote(view: EngagementView, noteId: string): EngagementView {
  return { ...view, notes: view.notes.filter((n) => n.id !== noteId) };
}
