/**
 * The one way to read a file a person named (a backup to restore, a note's text): whatever the
 * path turns out to be, the read ends, stays small and says nothing of what the file holds.
 * - Opened non-blocking, so a FIFO (or a device) cannot hold the open forever; then anything
 *   but a regular file is refused before a byte is read.
 * - A file larger than the limit is refused by its size; otherwise at most size + 1 bytes are
 *   read (a page, for a file that says it is empty), so a file that yields more than its size
 *   says (`/proc/self/pagemap` reports 0 and yields half a gigabyte) is refused after a few
 *   bytes too many, never read to its end.
 * - Errors name the file and what is wrong with it, never its contents.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { PalsError } from '../../../shared/errors.js';
import { describeReadError } from './fs.js';

/** How far past its size a file is read to learn that it holds more than it says. */
const PROBE_BYTES = 8192;

/** Bytes in words: "12 MB", "900 kB", "17 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** How `readNamedFile` describes the file in its refusals ("a backup", "a note"). */
export interface NamedFileLimits {
  readonly max: number;
  /** What the file should be, for the size message: "a backup can be", "a note can hold". */
  readonly what: string;
}

/** The bytes of the regular file `file`, at most `limits.max` of them; see the file comment. */
export async function readNamedFile(file: string, limits: NamedFileLimits): Promise<Buffer> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer (POSIX; 0 elsewhere).
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new PalsError('io', `cannot read ${file}: ${describeReadError(error)}`);
  }
  try {
    // The checks and the read go through one handle: the file cannot be swapped in between.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new PalsError('invalid-input', `${file} is ${kindOf(stats)}, not a regular file`);
    if (stats.size > limits.max) {
      throw new PalsError('invalid-input', `${file} is ${sizeText(stats.size)}, more than ${limits.what} (${sizeText(limits.max)})`);
    }
    // Room for one byte past the size (some /proc files refuse reads that small or unaligned: give them a page).
    const buffer = Buffer.alloc(Math.min(limits.max + 1, Math.max(stats.size + 1, PROBE_BYTES)));
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > stats.size) {
      throw new PalsError(
        'invalid-input',
        `${file} holds more than its size says (a file that grows while read, or a system file such as those in /proc); copy it to an ordinary file first`,
      );
    }
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof PalsError) throw error;
    throw new PalsError('io', `cannot read ${file}: ${describeReadError(error)}`);
  } finally {
    await handle.close();
  }
}
