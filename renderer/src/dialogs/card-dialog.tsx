/** An engagement's full record in a dialog named by the project: details, history, notes, delete. */
import { useId } from 'react';
import { PHASE_TITLES } from '../../../shared/phases.js';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import { DueBadge } from '../board/card-parts.js';
import { CloseIcon } from '../icons.js';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { DeleteEngagement } from './delete-engagement.js';
import { EngagementEditForm } from './engagement-edit-form.js';
import { Modal } from './modal.js';
import { NotesSection } from './notes-section.js';
import { PhaseHistory } from './phase-history.js';

/** The dialog for one card; if the engagement disappears (deleted elsewhere) it says so. */
export function CardDialog({ id }: { readonly id: string }) {
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

  const { github, repo } = engagement;
  return (
    <Modal labelledBy={titleId} onClose={close} initialFocus="dialog" size="wide">
      <header className="dialog-head">
        <div className="dialog-heading">
          <h2 id={titleId} className="dialog-title">
            {engagement.name}
          </h2>
          <p className="dialog-sub">
            <span>{PHASE_TITLES[engagement.phase]}</span>
            <DueBadge state={engagement.due.state} />
            {engagement.example && <span className="tag tag--example">Example</span>}
            {engagement.onHold && <span className="tag tag--hold">On hold</span>}
            {repo && isHttpUrl(repo) && (
              <a href={repo} target="_blank" rel="noreferrer noopener" className="link">
                Repository
              </a>
            )}
            {github && isHttpUrl(github.url) && (
              <a href={github.url} target="_blank" rel="noreferrer noopener" className="link">
                {github.issue}
              </a>
            )}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          <CloseIcon />
        </button>
      </header>
      <div className="dialog-body record">
        <EngagementEditForm engagement={engagement} onCancel={close} />
        <aside className="record-side" aria-label="History and notes">
          <PhaseHistory history={engagement.history} />
          <NotesSection engagementId={engagement.id} notes={engagement.notes} />
          <DeleteEngagement engagement={engagement} onDeleted={closeDialog} />
        </aside>
      </div>
    </Modal>
  );
}
