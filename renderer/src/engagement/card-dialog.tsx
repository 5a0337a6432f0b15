/**
 * An engagement's full record in a dialog named by the project: details, notes, retrospective.
 * The board holds cards only, so the dialog fetches the whole record (`getEngagement`) when it
 * opens; the heading comes from the card at once, the tabs once the record is there.
 */
import { useEffect, useId } from 'react';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { CardRecord } from './card-record.js';
import { Modal } from '../dialog/modal.js';
import { RecordHead } from './record-head.js';

/** The dialog for one card (at note `noteId` if given); if the engagement disappears it says so. */
export function CardDialog({ id, noteId }: { readonly id: string; readonly noteId?: string | undefined }) {
  const card = useAppStore(selectEngagement(id));
  const record = useAppStore((s) => (s.record?.id === id ? s.record : null));
  const openRecord = useAppStore((s) => s.openRecord);
  const closeRecord = useAppStore((s) => s.closeRecord);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const requestCardFocus = useAppStore((s) => s.requestCardFocus);
  const titleId = useId();
  const close = () => {
    closeDialog();
    if (card) requestCardFocus(id); // the card may have moved column while the dialog was open
  };

  useEffect(() => {
    void openRecord(id);
    return () => {
      closeRecord(id);
    };
  }, [id, openRecord, closeRecord]);

  if (!card) {
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

  const view = record?.view ?? null;
  return (
    <Modal labelledBy={titleId} onClose={close} initialFocus="dialog" size="wide">
      <RecordHead
        titleId={titleId}
        name={card.name}
        phase={card.phase}
        due={card.due}
        example={card.example}
        onHold={card.onHold}
        repo={view?.repo ?? null}
        github={view?.github ?? null}
        onClose={close}
      />
      {view ? (
        <CardRecord engagement={view} noteId={noteId} onClose={close} />
      ) : record?.error ? (
        <div className="dialog-body">
          <p role="alert" className="form-error">
            Could not load this engagement: {record.error}
          </p>
          <button type="button" className="button" onClick={() => void openRecord(id)}>
            Try again
          </button>
        </div>
      ) : (
        <p className="dialog-body loading" role="status">
          Loading the record…
        </p>
      )}
    </Modal>
  );
}
