/** The file operations the store uses; tests pass a wrapper to inject failures (full disk…). */
import type { Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';

export type Fs = Pick<
  typeof fsp,
  'open' | 'rename' | 'unlink' | 'stat' | 'readFile' | 'mkdir' | 'copyFile' | 'readdir' | 'writeFile' | 'link'
>;

export const nodeFs: Fs = fsp;

/** The errno code of a Node error, if any. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** A short human reason for common file-system failures. */
export function describeFsError(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (is the data folder read-only?)';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'EIO':
      return 'the disk reported a read or write error (EIO); check the disk or its connection';
    case 'EFBIG':
      return 'the file is larger than this file system allows';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open; close some programs and try again';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** `describeFsError` for a file being read: a missing file is no missing folder. */
export function describeReadError(error: unknown): string {
  switch (errnoCode(error)) {
    case 'ENOENT':
      return 'there is no such file; check the path';
    case 'EISDIR':
      return 'that is a folder, not a file';
    default:
      return describeFsError(error);
  }
}

/** True if a process with this pid exists on this machine (EPERM: it exists, not ours). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

/** Identity of a version of a file: every durable write renames a new inode into place. */
export function signatureOf(stats: { ino: number; size: number; mtimeMs: number }): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** What identifies a version of `pals.json` to its journal: survives renames and `cp -p`. */
export function baseIdOf(stats: { size: number; mtimeMs: number } | null): string {
  return stats ? `${stats.size}:${stats.mtimeMs}` : 'missing';
}

/**
 * Reads a file and the stats of exactly that version (stat and read through one handle, so a
 * rename by another process in between cannot pair old bytes with new stats). Null when the
 * file does not exist.
 */
export async function readWithStats(fs: Fs, file: string): Promise<{ data: Buffer; stats: Stats } | null> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const stats = await handle.stat();
    return { data: await handle.readFile(), stats };
  } finally {
    await handle.close();
  }
}
