/**
 * Note search for the board's search box: asks the core (`search`) 200 ms after the last
 * keystroke, for queries of two characters or more, and again when the data changes.
 */
import { useEffect, useState } from 'react';
import type { SearchHitView } from '../../../shared/view.js';
import { useAppStore } from '../store/store-context.js';

/** Queries shorter than this show no note matches (one letter matches nearly everything). */
export const MIN_QUERY = 2;
const DEBOUNCE_MS = 200;

interface Answer {
  readonly query: string;
  readonly hits: readonly SearchHitView[];
  readonly error: string | null;
}

/** The note hits for `query` (engagement-name hits are the board's own filter). */
export function useNoteSearch(query: string): { hits: readonly SearchHitView[]; pending: boolean; error: string | null } {
  const searchNotes = useAppStore((s) => s.searchNotes);
  const board = useAppStore((s) => s.board);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const wanted = query.trim();

  useEffect(() => {
    if (wanted.length < MIN_QUERY) return;
    let live = true;
    const timer = setTimeout(() => {
      void searchNotes(wanted).then((res) => {
        if (!live) return;
        setAnswer({
          query: wanted,
          hits: res.ok ? res.value.filter((h) => h.noteId !== null) : [],
          error: res.ok ? null : res.error.message,
        });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, searchNotes, board]);

  const current = answer?.query === wanted ? answer : null;
  return { hits: current?.hits ?? [], pending: current === null, error: current?.error ?? null };
}
