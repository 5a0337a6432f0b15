/**
 * "Matches in notes" under the toolbar: what the search box finds inside meeting notes; each
 * result opens its engagement with that note in the editor. ↓ from the search box enters the
 * list, ↑/↓ move within it, Escape goes back to the box.
 */
import type { KeyboardEvent } from 'react';
import type { SearchHitView } from '../../../shared/view.js';
import { formatDay, formatInstant } from '../format/dates.js';
import { NOTE_KIND_LABELS } from '../format/labels.js';
import { useAppStore } from '../store/store-context.js';
import { Highlight } from './highlight.js';
import { MIN_QUERY, useNoteSearch } from './use-note-search.js';

/** The id of the matches list (the search box moves focus into it). */
export const MATCHES_ID = 'note-matches';

function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const search = document.getElementById('board-search');
  if (event.key === 'Escape' || (event.key === 'ArrowUp' && at <= 0)) search?.focus();
  else if (event.key === 'ArrowUp') buttons[at - 1]?.focus();
  else if (event.key === 'ArrowDown') buttons[at + 1]?.focus();
  else return;
  event.preventDefault();
}

function Meta({ hit }: { readonly hit: SearchHitView }) {
  const { note } = hit;
  if (!note) return null;
  return (
    <span className="match-meta">
      {NOTE_KIND_LABELS[note.kind]} · {note.date ? formatDay(note.date) : formatInstant(note.createdAt)}
    </span>
  );
}

/** The panel (nothing while the query is shorter than two characters). */
export function NoteMatches() {
  const query = useAppStore((s) => s.search);
  const openCard = useAppStore((s) => s.openCard);
  const { hits, pending, error } = useNoteSearch(query);
  if (query.trim().length < MIN_QUERY) return null;
  return (
    <section className="matches" aria-labelledby="matches-title">
      <h2 id="matches-title" className="matches-title">
        Matches in notes
      </h2>
      {error && <p className="field-error">Could not search the notes: {error}</p>}
      {!error && hits.length === 0 && (
        <p className="matches-none" role="status">
          {pending ? 'Searching the notes…' : `No note mentions “${query.trim()}”.`}
        </p>
      )}
      {hits.length > 0 && (
        <ul id={MATCHES_ID} className="match-list" onKeyDown={moveFocus}>
          {hits.map((h) => (
            <li key={`${h.engagementId}-${h.noteId ?? ''}`}>
              <button
                type="button"
                className="match"
                onClick={() => {
                  openCard(h.engagementId, h.noteId ?? undefined);
                }}
              >
                <span className="match-name">{h.engagementName}</span>
                <Meta hit={h} />
                <span className="visually-hidden">: </span>
                <span className="match-snippet" dir="auto">
                  <Highlight text={h.snippet} query={query} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
