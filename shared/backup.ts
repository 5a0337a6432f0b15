/** Backup and restore as the app's pages see them (the command line has `backup --out` and `restore FILE`). */

/** How this host restores a backup: with the app's own dialogs, or — under `pals serve` — from the command line. */
export type RestoreWay = { readonly kind: 'dialog' } | { readonly kind: 'command-line'; readonly command: string };

/**
 * A backup chosen in the open dialog and already checked (a regular file, not too large, a valid
 * store): the page shows what a restore would replace and asks to confirm with `choice`. The
 * page never names a file: the path stays in the core.
 */
export type BackupChoice =
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'chosen';
      readonly choice: string;
      /** The file's name (without its folder), to show. */
      readonly file: string;
      /** Engagements in the backup, and on the board now. */
      readonly engagements: number;
      readonly current: number;
    };

/** What a restore did: the engagements now on the board, and where the replaced store was kept. */
export interface RestoreDone {
  readonly engagements: number;
  readonly kept: string | null;
}
