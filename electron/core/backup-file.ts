/**
 * Backup files, the one way for every host: the bytes a backup holds (the whole store as plain
 * JSON, the shape of `pals.json`), and reading one back with the checks a restore makes whoever
 * asks (`pals restore`, the app's Restore): a regular file, not over a size limit, checked before
 * it is read, then validated in full.
 */
import { open } from 'node:fs/promises';
import { parseDocText } from '../../shared/document.js';
import { PalsError } from '../../shared/errors.js';
import type { StoreDoc } from '../../shared/schema.js';
import { describeReadError } from './store/fs.js';

/** The largest backup a restore reads: a 5,000-engagement store is ~70 MB pretty-printed. */
export const RESTORE_MAX_BYTES = 256 * 1024 * 1024;

/** What a backup file holds: the store, pretty-printed (people read and diff backups). */
export function backupText(doc: StoreDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A backup's text, refused before it is read when it is not a regular file (a FIFO, a device
 * such as /dev/zero) or larger than `max`: a restore must never fill the memory.
 */
export async function readBackup(file: string, max: number = RESTORE_MAX_BYTES): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new PalsError('io', `cannot read ${file}: ${describeReadError(error)}`);
  }
  try {
    // The checks and the read go through one handle: the file cannot be swapped in between.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new PalsError('invalid-input', `${file} is not a regular file; the store was not changed`);
    if (stats.size > max) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      throw new PalsError(
        'invalid-input',
        `${file} is ${mb(stats.size)}, more than a backup can be (${mb(max)}); the store was not changed`,
      );
    }
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof PalsError) throw error;
    throw new PalsError('io', `cannot read ${file}: ${describeReadError(error)}`);
  } finally {
    await handle.close();
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
