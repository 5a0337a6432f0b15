/** The command palette's (and the File menu's) "Backup and restore…", which opens the dialog. */
import { provideCommand } from '../palette/commands.js';

/** Registers it (idempotent: a second call replaces it). */
export function registerBackupCommands(): void {
  provideCommand('backup-restore', (store) => {
    store.getState().openPanel('backup');
    return undefined;
  });
}
