/** Test documents built with the real pure operations, so they are always valid. */
import { addEngagement, addNote, editEngagement } from '../../shared/engagements.js';
import type { NewEngagementInput, NewNoteInput } from '../../shared/inputs.js';
import { updateNote } from '../../shared/notes.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { AT } from './fake-api.js';

/** A document holding engagements built with the real `addEngagement` (ids eng-1, eng-2, …). */
export function seededDoc(inputs: readonly (NewEngagementInput & { readonly reaction?: string })[]): StoreDoc {
  return inputs.reduce((doc, { reaction, ...input }, i) => {
    const id = `eng-${String(i + 1)}`;
    const added = addEngagement(doc, input, { id, at: AT }).doc;
    return reaction ? editEngagement(added, id, { reaction }, AT).doc : added;
  }, emptyDoc());
}

/** `doc` with a note added to engagement `id` (with action items given as text/owner/done/due). */
export function withSeededNote(
  doc: StoreDoc,
  id: string,
  noteId: string,
  note: NewNoteInput & { readonly actions?: readonly { text: string; owner?: string | null; done?: boolean; due?: string | null }[] },
): StoreDoc {
  const { actions, ...input } = note;
  const added = addNote(doc, id, input, { id: noteId, at: AT }).doc;
  if (!actions?.length) return added;
  const ids = actions.map((_, i) => `${noteId}-a${String(i + 1)}`);
  return updateNote(added, id, noteId, { actions: actions.map((a) => ({ ...a })) }, AT, ids).doc;
}
