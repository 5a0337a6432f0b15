/**
 * What the app tells the user at start-up, in the same words the CLI uses: a data file that was
 * recovered or upgraded, or a data folder that cannot be opened at all; and how any failure is worded.
 */
import { recoveryWords } from '../core/lib/recovery-text.js';
import type { Recovery } from '../core/open-core.js';

/** The message box for a recovery or migration, or null when opening was uneventful. */
export function recoveryNotice(recovery: Recovery | null): { readonly message: string; readonly detail: string } | null {
  if (!recovery) return null;
  if (recovery.migratedFrom !== undefined) {
    return {
      message: 'Your data file was upgraded',
      detail: `It was in format ${recovery.migratedFrom}; a copy of the old file is in the backups folder.`,
    };
  }
  const words = recoveryWords(recovery);
  return { message: words.title, detail: `${words.parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('. ')}.` };
}

/** The words of a failure (an Error's message, or whatever was thrown), for a dialog or a log line. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
