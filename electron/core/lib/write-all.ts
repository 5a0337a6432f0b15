/**
 * Writing every byte or failing: `FileHandle.write` may write fewer bytes than asked without
 * throwing (a disk that fills up mid-write, on tmpfs and others), so a caller that ignores
 * `bytesWritten` can acknowledge a truncated file. Every store write goes through here.
 */
import type { FileHandle } from 'node:fs/promises';

/** A Node-shaped write error: ENOSPC for a write that made no progress, EIO for a file that does not hold what was written. */
export function writeError(code: 'ENOSPC' | 'EIO', path: string, detail: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: ${detail}, write '${path}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = 'write';
  error.path = path;
  return error;
}

/**
 * Writes all of `data` at `position` (null: at the handle's position), looping on short writes;
 * a write that makes no progress throws an ENOSPC error. Resolves to the bytes written.
 */
export async function writeAll(
  handle: FileHandle,
  path: string,
  data: string | Uint8Array,
  position: number | null = null,
): Promise<number> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let done = 0;
  while (done < bytes.length) {
    const at = position === null ? null : position + done;
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at);
    if (!(bytesWritten > 0)) throw writeError('ENOSPC', path, `no room to write ${bytes.length - done} more bytes`);
    done += bytesWritten;
  }
  return done;
}

/** Throws unless the file behind `handle` is exactly `expected` bytes long (checked before it is trusted). */
export async function verifySize(
  handle: FileHandle,
  path: string,
  expected: number,
): Promise<{ ino: number; size: number; mtimeMs: number }> {
  const { ino, size, mtimeMs } = await handle.stat();
  if (size !== expected) throw writeError('EIO', path, `the file holds ${size} bytes of the ${expected} written`);
  return { ino, size, mtimeMs };
}
