/** The record of an engagement: its heading, and the Details, Notes and Retrospective tabs. */
import { useEffect, useId, type ReactNode } from 'react';
import type { EngagementView } from '../../../shared/view.js';
import { AssessmentExport } from '../export/assessment-export.js';
import { AssessmentPrAction } from '../export/assessment-pr.js';
import { GithubSection } from '../github/github-section.js';
import { SecuritySection } from '../intake/security-section.js';
import { PlusIcon } from '../icons.js';
import { NotesPanel } from '../notes/notes-panel.js';
import { RetroPanel } from '../retro/retro-panel.js';
import { createRetroSession } from '../retro/retro-session.js';
import { useAppStore } from '../store/store-context.js';
import { TabList, tabPanelProps } from '../tabs/tab-list.js';
import { DeleteEngagement } from './delete-engagement.js';
import { EngagementEditForm } from './engagement-edit-form.js';
import { PhaseHistory } from './phase-history.js';
import { useCardView, type CardTab } from './use-card-view.js';

/** The dialog's tabs once the record is loaded; "Add note" sits beside them so it is always one click away. */
export function CardRecord(props: {
  readonly engagement: EngagementView;
  readonly noteId: string | undefined;
  readonly onClose: () => void;
}) {
  const { engagement, onClose: close } = props;
  const today = useAppStore((s) => s.board?.today ?? new Date().toISOString().slice(0, 10));
  const query = useAppStore((s) => s.search);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const edit = useAppStore((s) => s.edit);
  const view = useCardView(engagement, today, props.noteId, query);
  // "New note" from the command palette (or its shortcut) while this card is open, or to open it at a new note.
  const newNoteWanted = useAppStore((s) => s.newNoteFor === engagement.id);
  const requestNewNote = useAppStore((s) => s.requestNewNote);
  const { startNote } = view;
  useEffect(() => {
    if (!newNoteWanted) return;
    requestNewNote(null);
    startNote();
  }, [newNoteWanted, requestNewNote, startNote]);
  const prefix = useId();
  const tabs: { id: CardTab; label: ReactNode }[] = [
    { id: 'details', label: 'Details' },
    {
      id: 'notes',
      label: (
        <>
          Notes <span className="tab-count">{engagement.notes.length}</span>
        </>
      ),
    },
    { id: 'retro', label: 'Retrospective' },
  ];
  return (
    <>
      <div className="dialog-tabs">
        <TabList prefix={prefix} label="Engagement record" tabs={tabs} selected={view.tab} onSelect={view.setTab} />
        <button type="button" className="button button--small" onClick={view.startNote}>
          <PlusIcon /> Add note
        </button>
      </div>
      <div className="dialog-body">
        <div {...tabPanelProps(prefix, 'details', view.tab === 'details')} className="record">
          <EngagementEditForm engagement={engagement} onCancel={close} />
          <aside className="record-side" aria-label="Security, GitHub and history">
            <SecuritySection engagement={engagement} />
            <GithubSection engagement={engagement} />
            <PhaseHistory engagement={engagement} />
            <div className="side-actions">
              <AssessmentExport id={engagement.id} />
              <AssessmentPrAction key={engagement.id} id={engagement.id} />
            </div>
            <DeleteEngagement engagement={engagement} onDeleted={closeDialog} />
          </aside>
        </div>
        <div {...tabPanelProps(prefix, 'notes', view.tab === 'notes')}>
          {view.tab === 'notes' && <NotesPanel engagement={engagement} view={view} />}
        </div>
        <div {...tabPanelProps(prefix, 'retro', view.tab === 'retro')}>
          {view.tab === 'retro' && (
            <RetroPanel engagement={engagement} session={view.retro.get('retro', () => createRetroSession(engagement, edit))} />
          )}
        </div>
      </div>
    </>
  );
}
