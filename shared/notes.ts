/**
 * Pure operations on meeting notes and their action items (see engagements.ts for the rules:
 * ids and times come in as values so the store can replay an operation).
 */
import { dayOf } from './dates.js';
import { findEngagement, type Applied } from './engagements.js';
import { PalsError } from './errors.js';
import type { NotePatch } from './inputs.js';
import type { ActionItem, Engagement, Note, StoreDoc } from './schema.js';

function replaceNote(doc: StoreDoc, engagement: Engagement, note: Note, at: string): StoreDoc {
  const next: Engagement = { ...engagement, notes: engagement.notes.map((n) => (n.id === note.id ? note : n)), updatedAt: at };
  return { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) };
}

/** The note `noteId` of engagement `ref`, or a not-found error naming both. */
export function findNote(doc: StoreDoc, ref: string, noteId: string): { engagement: Engagement; note: Note } {
  const engagement = findEngagement(doc, ref);
  const note = engagement.notes.find((n) => n.id === noteId);
  if (!note) throw new PalsError('not-found', `"${engagement.name}" has no note ${noteId} (was it deleted in another window?)`);
  return { engagement, note };
}

/**
 * Applies an editor's change to a note. New action items get ids from `newIds` in order; an
 * item sent with an id keeps it. A patch that changes nothing returns the same document.
 */
export function updateNote(
  doc: StoreDoc,
  ref: string,
  noteId: string,
  patch: NotePatch,
  at: string,
  newIds: readonly string[] = [],
): Applied<Note> {
  const { engagement, note } = findNote(doc, ref, noteId);
  let fresh = 0;
  const before = new Map(note.actions.map((a) => [a.id, a]));
  const actions: ActionItem[] | undefined = patch.actions?.map((a) => {
    const id = a.id ?? newIds[fresh++] ?? `${noteId}-a${fresh}`;
    // An editor that does not send `due` (an older window) keeps the stored one instead of clearing it.
    const due = a.due !== undefined ? a.due : (before.get(id)?.due ?? null);
    return { id, text: a.text, owner: a.owner ?? null, done: a.done ?? false, due };
  });
  if (actions) assertUniqueActionIds(doc, note, actions);
  const next: Note = {
    ...note,
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.text !== undefined ? { text: patch.text } : {}),
    ...(patch.date !== undefined ? { date: patch.date } : {}),
    ...(patch.attendees !== undefined ? { attendees: patch.attendees } : {}),
    ...(actions !== undefined ? { actions } : {}),
  };
  if (JSON.stringify(next) === JSON.stringify(note)) return { doc, value: note };
  const stamped: Note = { ...next, updatedAt: at };
  return { doc: replaceNote(doc, engagement, stamped, at), value: stamped };
}

/**
 * Action ids are unique across the store (`pals action done ID` names one item): an item new to
 * this note may not reuse an id that any other note holds, nor may one list hold an id twice.
 */
function assertUniqueActionIds(doc: StoreDoc, note: Note, actions: readonly ActionItem[]): void {
  const mine = new Set<string>();
  for (const a of actions) {
    if (mine.has(a.id)) throw new PalsError('duplicate', `action item id ${a.id} is given twice`, 'actions');
    mine.add(a.id);
  }
  const arriving = new Set(actions.map((a) => a.id).filter((id) => !note.actions.some((a) => a.id === id)));
  if (arriving.size === 0) return; // the common autosave: the same items, edited
  for (const e of doc.engagements) {
    for (const n of e.notes) {
      if (n === note) continue;
      const clash = n.actions.find((a) => arriving.has(a.id));
      if (clash) throw new PalsError('duplicate', `action item id ${clash.id} is already used in "${e.name}"`, 'actions');
    }
  }
}

/** Ticks an action item off (or back on) wherever it is. */
export function setActionDone(doc: StoreDoc, ref: string, noteId: string, actionId: string, done: boolean, at: string): Applied<Note> {
  const { note } = findNote(doc, ref, noteId);
  if (!note.actions.some((a) => a.id === actionId)) throw new PalsError('not-found', `no action item ${actionId} in that note`);
  const actions = note.actions.map((a) => (a.id === actionId ? { ...a, done } : a));
  return updateNote(doc, ref, noteId, { actions }, at);
}

/** Deletes a note. */
export function removeNote(doc: StoreDoc, ref: string, noteId: string, at: string): Applied<Note> {
  const { engagement, note } = findNote(doc, ref, noteId);
  const next: Engagement = { ...engagement, notes: engagement.notes.filter((n) => n.id !== noteId), updatedAt: at };
  return { doc: { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) }, value: note };
}

/** An action item with where it lives, for the cross-engagement view. */
export interface OpenAction {
  readonly engagementId: string;
  readonly engagementName: string;
  readonly noteId: string;
  readonly noteDate: string;
  readonly action: ActionItem;
}

/** Which items `openActions` lists. */
export interface ActionFilter {
  /** Only this owner's (case-insensitive, spaces trimmed). */
  readonly owner?: string | null;
  /** Done items too, after every open one (so they can be ticked back on). */
  readonly includeDone?: boolean;
}

/**
 * Open action items across engagements (done ones too when asked, after them), the soonest due
 * first: a coordinator reads from the top what must happen next. Items without a due date follow
 * the dated ones; ties go by the note's date, oldest meeting first.
 */
export function openActions(doc: StoreDoc, { owner, includeDone = false }: ActionFilter = {}): OpenAction[] {
  const wanted = owner?.trim().toLowerCase();
  const out: OpenAction[] = [];
  for (const e of doc.engagements) {
    for (const n of e.notes) {
      for (const a of n.actions) {
        if (a.done && !includeDone) continue;
        if (wanted && (a.owner ?? '').trim().toLowerCase() !== wanted) continue;
        out.push({ engagementId: e.id, engagementName: e.name, noteId: n.id, noteDate: n.date ?? dayOf(n.createdAt), action: a });
      }
    }
  }
  return out.sort(byOpenThenDue);
}

/** Open before done, then by due date (undated last), then by the meeting's date. */
function byOpenThenDue(x: OpenAction, y: OpenAction): number {
  if (x.action.done !== y.action.done) return x.action.done ? 1 : -1;
  const [dx, dy] = [x.action.due, y.action.due];
  if (dx !== dy) {
    if (dx === null) return 1;
    if (dy === null) return -1;
    return dx.localeCompare(dy);
  }
  return x.noteDate.localeCompare(y.noteDate);
}
