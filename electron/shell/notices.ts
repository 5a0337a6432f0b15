/**
 * What the app tells the user at start-up, in the same words the CLI uses: a data file that was
 * recovered or upgraded, or a data folder that cannot be opened at all; and how any failure is worded.
 */
import type { Recovery } from '../core/store/store.js';

/** The message box for a recovery or migration, or null when opening was uneventful. */
export function recoveryNotice(recovery: Recovery | null): { readonly message: string; readonly detail: string } | null {
  if (!recovery) return null;
  if (recovery.migratedFrom !== undefined) {
    return {
      message: 'Your data file was upgraded',
      detail: `It was in format ${recovery.migratedFrom}; a copy of the old file is in the backups folder.`,
    };
  }
  const journal = recovery.journalChanges ? `, with the ${recovery.journalChanges} changes of the journal replayed` : '';
  const cost = recovery.complete ? ' Nothing saved was lost.' : ' Changes saved after that backup may be missing.';
  const from = recovery.restoredFrom
    ? `The newest good backup was loaded: ${recovery.restoredFrom}${journal}.${cost}`
    : 'No good backup was found, so the board starts empty.';
  return {
    message: 'Your data file could not be read',
    detail: `${recovery.reason}. It was moved to ${recovery.movedAside ?? '(nowhere: it was missing)'}. ${from}`,
  };
}

/** The words of a failure (an Error's message, or whatever was thrown), for a dialog or a log line. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
