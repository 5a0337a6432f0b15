/**
 * A note as its editor holds it (the draft), and the rules between a draft and the store:
 * which fields changed (so a save sends only those), equality, the list's first line.
 */
import { agendaFor, isAgenda, isAgendaLine } from '../../../shared/agenda.js';
import type { NotePatch } from '../../../shared/inputs.js';
import type { Phase } from '../../../shared/phases.js';
import type { Note, NoteKind, Windows } from '../../../shared/schema.js';
import { randomId } from './new-id.js';

/** An action item in the editor; its id is made here so the store keeps it as given. */
export interface DraftAction {
  readonly id: string;
  readonly text: string;
  readonly owner: string;
  readonly done: boolean;
  /** YYYY-MM-DD, or '' for none; absent in a draft journalled before due dates existed (the stored one is kept). */
  readonly due?: string;
}

/** Everything the note editor changes. */
export interface NoteDraft {
  readonly kind: NoteKind;
  readonly date: string;
  readonly attendees: readonly string[];
  readonly text: string;
  readonly actions: readonly DraftAction[];
}

/** The draft showing a stored note. */
export function draftOf(note: Note): NoteDraft {
  return {
    kind: note.kind,
    date: note.date ?? '',
    attendees: note.attendees,
    text: note.text,
    actions: note.actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner ?? '', done: a.done, due: a.due ?? '' })),
  };
}

/** The kind a new note gets from the card's phase: the meeting that phase is about. */
export function kindForPhase(phase: Phase): NoteKind {
  return phase === 'meet-greet' || phase === 'follow-up' ? phase : 'general';
}

/** A new note's draft: dated today, its text the agenda of its kind in its round's weeks. */
export function newDraft(kind: NoteKind, today: string, windows: Windows): NoteDraft {
  return { kind, date: today, attendees: [], text: agendaFor(kind, windows), actions: [] };
}

/** A fresh action item id in the contract's id format. */
export function newActionId(): string {
  return randomId();
}

function storedActions(d: NoteDraft) {
  return d.actions
    .filter((a) => a.text.trim() !== '')
    .map((a) => ({
      id: a.id,
      text: a.text,
      owner: a.owner.trim() === '' ? null : a.owner.trim(),
      done: a.done,
      ...(a.due === undefined ? {} : { due: a.due === '' ? null : a.due }),
    }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `next` that differ from `saved` (all of them for a note not stored yet). */
export function notePatch(saved: NoteDraft | null, next: NoteDraft): NotePatch {
  const patch: { -readonly [K in keyof NotePatch]: NotePatch[K] } = {};
  if (!saved || saved.kind !== next.kind) patch.kind = next.kind;
  if (!saved || saved.date !== next.date) patch.date = next.date === '' ? null : next.date;
  if (!saved || saved.text !== next.text) patch.text = next.text;
  if (!saved || !same(saved.attendees, next.attendees)) patch.attendees = [...next.attendees];
  if (!saved || !same(storedActions(saved), storedActions(next))) patch.actions = storedActions(next);
  return patch;
}

/** True when two drafts would store the same note (the text is compared first: cheap when it differs). */
export function sameDraft(a: NoteDraft, b: NoteDraft): boolean {
  return a === b || (a.text === b.text && Object.keys(notePatch(a, b)).length === 0);
}

/** The line the notes list shows: the first one the pal wrote (not the agenda's), without markdown marks. */
export function firstLine(text: string, kind: NoteKind = 'general'): string {
  const lines = text
    .slice(0, 4_000)
    .split('\n')
    .filter((l) => l.trim() !== '' && l.trim() !== '-');
  const line = lines.find((l) => !isAgendaLine(l, kind)) ?? lines[0];
  return line?.replace(/^\s*(#{1,6}|[-*+])\s+/, '').trim() ?? '';
}

/** Whether changing the kind may replace the text with the new kind's agenda (nothing typed yet). */
export function isUntouched(text: string, kind: NoteKind): boolean {
  return text.trim() === '' || isAgenda(text, kind);
}

/** The draft without its text: what the editor's other controls show. */
export type DraftFields = Omit<NoteDraft, 'text'>;

/** Reads the fields, returning the same object until one of them changes (for useSyncExternalStore). */
export function fieldsReader(read: () => NoteDraft): () => DraftFields {
  let last: DraftFields | null = null;
  return () => {
    const d = read();
    if (last?.kind === d.kind && last.date === d.date && last.attendees === d.attendees && last.actions === d.actions) return last;
    last = { kind: d.kind, date: d.date, attendees: d.attendees, actions: d.actions };
    return last;
  };
}
