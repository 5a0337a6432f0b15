/**
 * Backup files, the one way for every host: the bytes a backup holds (the whole store as plain
 * JSON, the shape of `pals.json`), and reading one back with the checks a restore makes whoever
 * asks (`pals restore`, the app's Restore): a regular file, not over a size limit, read without
 * blocking and never past its limit, then validated in full.
 */
import { parseDocText } from '../../shared/document.js';
import { PalsError } from '../../shared/errors.js';
import type { StoreDoc } from '../../shared/schema.js';
import { readNamedFile } from './lib/bounded-read.js';

/** The largest backup a restore reads: a 5,000-engagement store is ~70 MB pretty-printed. */
export const RESTORE_MAX_BYTES = 256 * 1024 * 1024;

/** What a backup file holds: the store, pretty-printed (people read and diff backups). */
export function backupText(doc: StoreDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A backup's text, read through the one bounded reader (lib/bounded-read.ts): a FIFO, a device or a
 * /proc file is refused without hanging or reading it whole, and nothing it holds is quoted.
 */
export async function readBackup(file: string, max: number = RESTORE_MAX_BYTES): Promise<string> {
  try {
    return (await readNamedFile(file, { max, what: 'a backup can be' })).toString('utf8');
  } catch (error) {
    if (error instanceof PalsError) throw new PalsError(error.code, `${error.message}; the store was not changed`);
    throw error;
  }
}

/** Reads and validates a backup (hand-edited ones included); refuses anything else without changing the store. */
export async function loadBackup(file: string, max: number = RESTORE_MAX_BYTES): Promise<StoreDoc> {
  const text = await readBackup(file, max);
  try {
    return parseDocText(text).doc;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (error instanceof PalsError && error.code === 'store-newer') {
      throw new PalsError('store-newer', `${file} cannot be restored: ${why}; the store was not changed`);
    }
    throw new PalsError('invalid-input', `${file} is not a Security Pals Desk backup: ${why}; the store was not changed`);
  }
}
