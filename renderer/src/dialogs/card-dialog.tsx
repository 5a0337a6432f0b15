/** An engagement's full record in a dialog named by the project: details, notes, retrospective. */
import { useId } from 'react';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { CardRecord } from './card-record.js';
import { Modal } from './modal.js';

/** The dialog for one card (at note `noteId` if given); if the engagement disappears it says so. */
export function CardDialog({ id, noteId }: { readonly id: string; readonly noteId?: string | undefined }) {
  const engagement = useAppStore(selectEngagement(id));
  const closeDialog = useAppStore((s) => s.closeDialog);
  const requestCardFocus = useAppStore((s) => s.requestCardFocus);
  const titleId = useId();
  const close = () => {
    closeDialog();
    if (engagement) requestCardFocus(id); // the card may have moved column while the dialog was open
  };

  if (!engagement) {
    return (
      <Modal labelledBy={titleId} onClose={closeDialog}>
        <header className="dialog-head">
          <h2 id={titleId} className="dialog-title">
            Engagement not found
          </h2>
        </header>
        <p className="dialog-body">This engagement was deleted, perhaps from the command line or another window.</p>
        <footer className="dialog-foot">
          <button type="button" className="button button--primary" onClick={closeDialog}>
            Close
          </button>
        </footer>
      </Modal>
    );
  }

  return <CardRecord engagement={engagement} noteId={noteId} titleId={titleId} onClose={close} />;
}
