/** The engagement's notes, newest meeting first: kind, date and first line; one is open. */
import { dayOf } from '../../../shared/dates.js';
import type { Note } from '../../../shared/schema.js';
import { formatDay, formatInstant } from '../format/dates.js';
import { NOTE_KIND_LABELS } from '../format/labels.js';
import { firstLine, type NoteDraft } from './note-draft.js';

/** Meeting date (else creation time), newest first. */
export function newestFirst(notes: readonly Note[]): Note[] {
  const when = (n: Note) => n.date ?? dayOf(n.createdAt);
  return [...notes].sort((a, b) => when(b).localeCompare(when(a)) || b.createdAt.localeCompare(a.createdAt));
}

function Summary({ kind, date, text }: { readonly kind: Note['kind']; readonly date: string; readonly text: string }) {
  const line = firstLine(text, kind);
  return (
    <>
      <span className="note-item-meta">
        <span className="note-kind">{NOTE_KIND_LABELS[kind]}</span> · {date}
      </span>
      <span className="visually-hidden"> — </span>
      <span className={`note-item-line${line ? '' : ' muted'}`} dir="auto">
        {line || 'Empty note'}
      </span>
    </>
  );
}

/** The list; `pending` is a new note the core has not created yet (shown first, not a button). */
export function NoteList(props: {
  readonly notes: readonly Note[];
  readonly openId: string | null;
  readonly pending: NoteDraft | null;
  readonly onOpen: (noteId: string) => void;
}) {
  const { notes, openId, pending, onOpen } = props;
  return (
    <ol className="note-list">
      {pending && (
        <li className="note-item note-item--open" aria-current="true">
          <Summary kind={pending.kind} date={pending.date ? formatDay(pending.date) : 'No date'} text={pending.text} />
        </li>
      )}
      {newestFirst(notes).map((n) => (
        <li key={n.id}>
          <button
            type="button"
            className={`note-item${n.id === openId ? ' note-item--open' : ''}`}
            aria-current={n.id === openId ? 'true' : undefined}
            onClick={() => {
              onOpen(n.id);
            }}
          >
            <Summary kind={n.kind} date={n.date ? formatDay(n.date) : formatInstant(n.createdAt)} text={n.text} />
          </button>
        </li>
      ))}
    </ol>
  );
}
