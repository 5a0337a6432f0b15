/**
 * The draft journal: every keystroke of a note is also written to localStorage (one key per
 * engagement and note), and cleared once the store confirms that exact draft. If the core
 * died mid-typing, the next time the note opens the journal still holds the newer text.
 */
import type { Journal } from './save-types.js';
import { sameDraft, type NoteDraft } from './note-draft.js';

const PREFIX = 'pals.note-draft.';

/** One journal entry: the draft, the note version it was typed over, and when. */
export interface DraftEntry {
  readonly draft: NoteDraft;
  /** The stored note's `updatedAt` the draft was typed over ('' for a note not created yet). */
  readonly base: string;
  /** When it was written (ms since the epoch). */
  readonly at: number;
}

/** A note's journal; `base` and the key follow the note as saves and creation go on. */
export interface NoteJournal extends Journal<NoteDraft> {
  readonly read: () => DraftEntry | null;
  /** The stored version changed (a save was confirmed): later entries are typed over it. */
  readonly setBase: (updatedAt: string) => void;
  /** The note got its id (it was created): move the entry to the note's own key. */
  readonly moveTo: (noteId: string) => void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: autosave still works, only the crash journal is off
  }
}

/** The key of a note's entry (`noteId` may be a "new-…" key before the note exists). */
export function journalKey(engagementId: string, noteId: string): string {
  return `${PREFIX}${engagementId}.${noteId}`;
}

function parse(raw: string | null): DraftEntry | null {
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<DraftEntry>;
    return entry.draft && typeof entry.draft.text === 'string' && typeof entry.at === 'number' ? (entry as DraftEntry) : null;
  } catch {
    return null;
  }
}

/** The journal of one note. */
export function noteJournal(engagementId: string, noteId: string, base: string, now: () => number = Date.now): NoteJournal {
  let key = journalKey(engagementId, noteId);
  let current = base;
  let last: NoteDraft | null = null;
  const put = (draft: NoteDraft) => {
    last = draft;
    try {
      storage()?.setItem(key, JSON.stringify({ draft, base: current, at: now() } satisfies DraftEntry));
    } catch {
      // quota full: the editor still holds the text and the save state says whether it was stored
    }
  };
  return {
    write: put,
    clear: () => {
      last = null;
      storage()?.removeItem(key);
    },
    read: () => parse(storage()?.getItem(key) ?? null),
    setBase: (updatedAt) => {
      current = updatedAt;
    },
    moveTo: (id) => {
      storage()?.removeItem(key);
      key = journalKey(engagementId, id);
      if (last) put(last);
    },
  };
}

/** Whether an entry holds edits the stored note lacks, typed over this version or after it. */
export function shouldRestore(entry: DraftEntry, stored: NoteDraft, updatedAt: string): boolean {
  if (sameDraft(entry.draft, stored)) return false;
  return entry.base === updatedAt || entry.at > Date.parse(updatedAt);
}

/** Every journal entry of this engagement, keyed by note id ("new-…" for notes never created). */
export function journalEntries(engagementId: string): { readonly key: string; readonly entry: DraftEntry }[] {
  const store = storage();
  if (!store) return [];
  const prefix = journalKey(engagementId, '');
  const out: { key: string; entry: DraftEntry }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    const entry = key?.startsWith(prefix) ? parse(store.getItem(key)) : null;
    if (key && entry) out.push({ key: key.slice(prefix.length), entry });
  }
  return out;
}

/** Journal entries of notes that were never created (the core was down), for this engagement. */
export function orphanDrafts(engagementId: string): { readonly key: string; readonly entry: DraftEntry }[] {
  return journalEntries(engagementId).filter((e) => e.key.startsWith('new-'));
}
