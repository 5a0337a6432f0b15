/**
 * Backup and restore from the app's pages, with the checks of `pals backup` / `pals restore`
 * (backup-file.ts). In the desktop app the files go through its native dialogs: the page never
 * names a path, it only confirms a backup the core has already read and validated. Under
 * `pals serve` a backup is a download, and a restore is left to the command line (a page must not
 * replace the store from a browser; backups can also be far larger than a request may be).
 */
import { basename } from 'node:path';
import type { BackupChoice } from '../../shared/backup.js';
import { PalsError } from '../../shared/errors.js';
import { keepApiAddress } from '../../shared/settings-update.js';
import type { StoreDoc } from '../../shared/schema.js';
import { backupText, loadBackup } from './backup-file.js';
import type { CoreContext, Handlers } from './context.js';
import { newId } from './ids.js';

type BackupCall = 'backupStore' | 'restoreWay' | 'chooseBackup' | 'restoreBackup';

/** How long a chosen backup waits for the page's confirmation. */
const CHOICE_TTL_MS = 10 * 60_000;

/** An argument for a shell command line (quoted unless plainly safe). */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Builds the backup handlers. */
export function createBackupHandlers(ctx: CoreContext): Pick<Handlers, BackupCall> {
  let pending: { readonly choice: string; readonly doc: StoreDoc; readonly timer: NodeJS.Timeout } | null = null;
  const forget = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  const command = `pals --data ${shellWord(ctx.store.paths.dir)} restore FILE`;

  return {
    backupStore: async () => {
      const name = `security-pals-backup-${ctx.today()}.json`;
      const text = backupText(ctx.store.doc);
      const platform = ctx.exportPlatform;
      if (platform) {
        // The save dialog writes it 0600: a backup holds every note.
        const path = await platform.saveFile(name, text);
        return path ? { kind: 'saved', path } : { kind: 'cancelled' };
      }
      return { kind: 'download', filename: name, mime: 'application/json', base64: Buffer.from(text, 'utf8').toString('base64') };
    },
    restoreWay: () => Promise.resolve(ctx.exportPlatform?.openFile ? { kind: 'dialog' } : { kind: 'command-line', command }),
    chooseBackup: async (): Promise<BackupChoice> => {
      const platform = ctx.exportPlatform;
      if (!platform?.openFile) throw new PalsError('invalid-input', `restore a backup from the command line: ${command}`);
      const file = await platform.openFile('Restore from a backup', [{ name: 'Security Pals Desk backup', extensions: ['json'] }]);
      if (!file) return { kind: 'cancelled' };
      const doc = await loadBackup(file, ctx.restoreMaxBytes);
      forget();
      const choice = newId();
      const timer = setTimeout(forget, CHOICE_TTL_MS);
      timer.unref();
      pending = { choice, doc, timer };
      return {
        kind: 'chosen',
        choice,
        file: basename(file),
        engagements: doc.engagements.length,
        current: ctx.store.doc.engagements.length,
      };
    },
    restoreBackup: async ({ choice }) => {
      if (!pending || pending.choice !== choice) {
        throw new PalsError('not-found', 'that backup is no longer chosen (it was replaced or waited too long): choose it again');
      }
      const { doc } = pending;
      forget();
      // This machine's API address stays: a backup does not decide where the GitHub token goes.
      const kept = await ctx.store.replace(keepApiAddress(doc, ctx.store.doc), 'before-restore');
      return { engagements: doc.engagements.length, kept };
    },
  };
}
