/** "Delete engagement", with an inline confirmation that says what will be lost. */
import type { EngagementView } from '../../../shared/view.js';
import { ConfirmDelete } from '../forms/confirm-delete.js';
import { useAppStore } from '../store/store-context.js';

/** The danger zone; `onDeleted` closes the dialog once the core has removed the engagement. */
export function DeleteEngagement({ engagement, onDeleted }: { readonly engagement: EngagementView; readonly onDeleted: () => void }) {
  const remove = useAppStore((s) => s.remove);
  const announce = useAppStore((s) => s.announce);
  const notes = engagement.notes.length;

  const confirm = async () => {
    const res = await remove(engagement.id);
    if (!res.ok) return `Not deleted: ${res.error.message}`;
    announce(`${engagement.name} was deleted.`);
    onDeleted();
    return null;
  };

  return (
    <ConfirmDelete
      className="side-section danger-zone"
      startLabel="Delete engagement"
      groupLabel="Confirm deletion"
      message={
        <>
          Delete {engagement.name}
          {notes > 0 ? ` and its ${notes} ${notes === 1 ? 'note' : 'notes'}` : ''} for good? This cannot be undone.
        </>
      }
      confirmLabel="Delete for good"
      onConfirm={confirm}
    />
  );
}
