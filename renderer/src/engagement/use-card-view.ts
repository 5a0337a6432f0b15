/**
 * What the card dialog shows: its tab (Details, Notes, Retrospective) and which note the editor
 * has open. "Add note" starts a new note at once (the core creates it while the pal types).
 */
import { useState } from 'react';
import type { EngagementView } from '../../../shared/view.js';
import { journalEntries, shouldRestore } from '../notes/draft-journal.js';
import type { CaretOnOpen } from '../notes/note-body.js';
import { draftOf, kindForPhase, newDraft } from '../notes/note-draft.js';
import { randomId } from '../notes/new-id.js';
import type { EditorTarget } from '../notes/note-editor.js';
import { newestFirst } from '../notes/note-list.js';
import type { NoteSession } from '../notes/note-session.js';
import { createSessionCache } from '../notes/session-cache.js';
import type { RetroSession } from '../retro/retro-session.js';
import { selectEngagementWindows } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';

/** The card dialog's tabs. */
export type CardTab = 'details' | 'notes' | 'retro';

interface View {
  readonly tab: CardTab;
  readonly target: EditorTarget | null;
  readonly caret: CaretOnOpen;
}

const NONE: CaretOnOpen = { at: 'none' };

function initialView(e: EngagementView, openAt: string | undefined, query: string): View {
  if (openAt && e.notes.some((n) => n.id === openAt)) {
    return { tab: 'notes', target: { key: openAt, noteId: openAt }, caret: { at: 'match', query } };
  }
  // Text this device typed and the store never got: open where it will be restored and saved.
  const unsaved = journalEntries(e.id);
  const orphan = unsaved.find((u) => u.key.startsWith('new-'));
  if (orphan) return { tab: 'notes', target: { key: orphan.key, noteId: null, draft: orphan.entry.draft }, caret: NONE };
  const behind = e.notes.find((n) => unsaved.some((u) => u.key === n.id && shouldRestore(u.entry, draftOf(n), n.updatedAt)));
  if (behind) return { tab: 'notes', target: { key: behind.id, noteId: behind.id }, caret: NONE };
  const newest = newestFirst(e.notes)[0];
  return { tab: 'details', target: newest ? { key: newest.id, noteId: newest.id } : null, caret: NONE };
}

/** The dialog's view state; `openAt` is a note to open (from search or the action items view). */
export function useCardView(engagement: EngagementView, today: string, openAt: string | undefined, query: string) {
  const windows = useAppStore(selectEngagementWindows(engagement.id));
  const [view, setView] = useState<View>(() => initialView(engagement, openAt, query));
  const [notes] = useState(() => createSessionCache<NoteSession>());
  const [retro] = useState(() => createSessionCache<RetroSession>());
  return {
    ...view,
    /** Editor sessions live as long as the dialog, so a tab switch never shows older text. */
    notes,
    retro,
    setTab: (tab: CardTab) => {
      setView((v) => ({ ...v, tab }));
    },
    /** Starts a new note of the kind the card's phase suggests, with the caret in its text. */
    startNote: () => {
      const draft = newDraft(kindForPhase(engagement.phase), today, windows);
      setView({ tab: 'notes', target: { key: `new-${randomId()}`, noteId: null, draft }, caret: { at: 'end' } });
    },
    openNote: (noteId: string) => {
      setView((v) => ({ ...v, target: { key: noteId, noteId }, caret: NONE }));
    },
    created: (key: string, noteId: string) => {
      setView((v) => (v.target?.key === key ? { ...v, target: { ...v.target, noteId } } : v));
    },
    /** After a delete: the newest remaining note, if any. */
    deleted: (noteId: string | null) => {
      const next = newestFirst(engagement.notes).find((n) => n.id !== noteId);
      setView((v) => ({ ...v, target: next ? { key: next.id, noteId: next.id } : null, caret: NONE }));
    },
  };
}

/** The dialog's view state and its actions. */
export type CardView = ReturnType<typeof useCardView>;
