/** Renders whichever dialog the UI slice says is open. */
import { CalendarExportDialog } from '../export/calendar-export-dialog.js';
import { DiscoverDialog } from '../github/discover-dialog.js';
import { GithubSettingsDialog } from '../github/github-settings-dialog.js';
import { PalsDialog } from '../pals/pals-dialog.js';
import { RoundDialog } from '../rounds/round-dialog.js';
import { AnotherWindowDialog } from '../serve/another-window.js';
import { useAppStore } from '../store/store-context.js';
import { SavedViewsDialog } from '../toolbar/saved-views-dialog.js';
import { BackupDialog } from '../backup/backup-dialog.js';
import { CardDialog } from '../engagement/card-dialog.js';
import { NewEngagementDialog } from '../engagement/new-engagement-dialog.js';

/** At most one dialog at a time. */
export function DialogHost() {
  const dialog = useAppStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new':
      return <NewEngagementDialog />;
    case 'card':
      return <CardDialog key={dialog.id} id={dialog.id} noteId={dialog.noteId} />;
    case 'backup':
      return <BackupDialog />;
    case 'another-window':
      return <AnotherWindowDialog />;
    case 'calendar':
      return <CalendarExportDialog />;
    case 'views':
      return <SavedViewsDialog />;
    case 'round':
      return <RoundDialog mode={dialog.mode} />;
    case 'github-settings':
      return <GithubSettingsDialog />;
    case 'discover':
      return <DiscoverDialog />;
    case 'pals':
      return <PalsDialog />;
  }
}
