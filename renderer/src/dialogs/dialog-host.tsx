/** Renders whichever dialog the UI slice says is open. */
import { useAppStore } from '../store/store-context.js';
import { CardDialog } from './card-dialog.js';
import { NewEngagementDialog } from './new-engagement-dialog.js';

/** At most one dialog at a time. */
export function DialogHost() {
  const dialog = useAppStore((s) => s.dialog);
  if (!dialog) return null;
  return dialog.kind === 'new' ? <NewEngagementDialog /> : <CardDialog key={dialog.id} id={dialog.id} noteId={dialog.noteId} />;
}
