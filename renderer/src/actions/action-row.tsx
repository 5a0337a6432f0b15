/** One open action item: a checkbox named by its text, who owns it, where it came from. */
import { useId, useState } from 'react';
import type { OpenActionView } from '../../../shared/view.js';
import { formatDay } from '../format/dates.js';
import { NOTE_KIND_LABELS } from '../format/labels.js';
import { useAppStore } from '../store/store-context.js';

/** A table row; `onTicked` runs once the core marked it done (it then leaves the list). */
export function ActionRow({ item, onTicked }: { readonly item: OpenActionView; readonly onTicked: () => void }) {
  const setActionDone = useAppStore((s) => s.setActionDone);
  const openCard = useAppStore((s) => s.openCard);
  const announce = useAppStore((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const { action } = item;
  const text = action.text.trim() || 'Untitled action item';

  const tick = async () => {
    if (busy) return;
    setBusy(true);
    const ok = await setActionDone({ engagementId: item.engagementId, noteId: item.noteId, actionId: action.id }, true);
    setBusy(false);
    if (!ok) return;
    announce(`Done: ${text}`);
    onTicked();
  };

  return (
    <tr className={busy ? 'action-busy' : undefined}>
      <td className="col-done">
        <input
          type="checkbox"
          className="checkbox"
          aria-labelledby={textId}
          checked={busy}
          aria-disabled={busy}
          onChange={() => void tick()}
        />
      </td>
      <td id={textId} className="action-cell-text" dir="auto">
        {text}
      </td>
      <td dir="auto">{action.owner ?? <span className="muted">No owner</span>}</td>
      <td dir="auto">{item.engagementName}</td>
      <td className="action-cell-when">
        {NOTE_KIND_LABELS[item.noteKind]} ·{formatDay(item.noteDate)}
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
