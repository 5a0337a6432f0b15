/** One action item: a checkbox named by its text, who owns it, by when, where it came from. */
import { useId, useState } from 'react';
import type { OpenActionView } from '../../../shared/view.js';
import { formatDay } from '../format/dates.js';
import { NOTE_KIND_LABELS } from '../format/labels.js';
import { useAppStore } from '../store/store-context.js';

/** The due state in words (never colour alone); on track and undated say nothing more than the date. */
const DUE_WORDS = { overdue: 'Overdue', 'due-soon': 'Due soon' } as const;

/** When it is due: the date, and overdue or due soon in words beside it. */
function DueCell({ item, today }: { readonly item: OpenActionView; readonly today: string | undefined }) {
  if (item.due === null) return <span className="muted">No date</span>;
  const words = item.dueState === 'overdue' || item.dueState === 'due-soon' ? DUE_WORDS[item.dueState] : null;
  return (
    <span className="action-due-cell">
      <time dateTime={item.due}>{formatDay(item.due, today)}</time>
      {words && <span className={`badge badge--${item.dueState}`}>{words}</span>}
    </span>
  );
}

/** Who owns it; an owner who is on no card as a pal is marked (a contact, or a misspelt pal). */
function OwnerCell({ item }: { readonly item: OpenActionView }) {
  const owner = item.action.owner;
  if (owner === null) return <span className="muted">No owner</span>;
  return (
    <>
      <span dir="auto">{owner}</span>
      {item.ownerIsPal === false && <span className="tag tag--not-pal">not a pal</span>}
    </>
  );
}

/** A table row; `onTicked` runs once the core changed it (an open item then leaves its place). */
export function ActionRow({
  item,
  today,
  onTicked,
}: {
  readonly item: OpenActionView;
  readonly today?: string;
  readonly onTicked: () => void;
}) {
  const setActionDone = useAppStore((s) => s.setActionDone);
  const openCard = useAppStore((s) => s.openCard);
  const announce = useAppStore((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const { action } = item;
  const text = action.text.trim() || 'Untitled action item';

  const toggle = async () => {
    if (busy) return;
    const done = !action.done;
    setBusy(true);
    const ok = await setActionDone({ engagementId: item.engagementId, noteId: item.noteId, actionId: action.id }, done);
    setBusy(false);
    if (!ok) return;
    announce(`${done ? 'Done' : 'Open again'}: ${text}`);
    onTicked();
  };

  return (
    <tr className={[busy ? 'action-busy' : '', action.done ? 'action-done' : ''].filter(Boolean).join(' ') || undefined}>
      <td className="col-done">
        <input
          type="checkbox"
          className="checkbox"
          aria-labelledby={textId}
          checked={busy ? !action.done : action.done}
          aria-disabled={busy}
          onChange={() => void toggle()}
        />
      </td>
      <td id={textId} className="action-cell-text" dir="auto">
        {text}
      </td>
      <td>
        <OwnerCell item={item} />
      </td>
      <td className="action-cell-due">
        <DueCell item={item} today={today} />
      </td>
      <td dir="auto">{item.engagementName}</td>
      <td className="action-cell-when">
        {NOTE_KIND_LABELS[item.noteKind]} · {formatDay(item.noteDate)}
      </td>
      <td className="action-cell-open">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            openCard(item.engagementId, item.noteId);
          }}
        >
          Open note
        </button>
      </td>
    </tr>
  );
}
