/**
 * Atomic, durable replacement of a file: write a uniquely named temp file beside it, fsync
 * it, check it holds every byte, rename it over the target, fsync the folder. A crash at any
 * moment leaves either the old file or the new one, never a mix; a failure (a full disk
 * included: short writes are errors) leaves the old file untouched.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errnoCode, isProcessAlive, nodeFs, type Fs } from './fs.js';
import { verifySize, writeAll } from './write-all.js';

/** Rename failures worth retrying: virus scanners and indexers hold files briefly (Windows). */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);

export interface DurableWriteOptions {
  readonly fs?: Fs;
  readonly renameAttempts?: number;
  readonly mode?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Replaces `target` with `data` so that it is on disk when the promise resolves. */
export async function writeFileDurable(target: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const prepared = await prepareDurable(target, data, options);
  await commitDurable(prepared, options);
}

/** A temp file holding the next version of `target`, flushed, not yet in place. */
export interface Prepared {
  readonly target: string;
  readonly temp: string;
  /** Stats of the temp file: the same file (and mtime) once renamed into place. */
  readonly stats: { readonly ino: number; readonly size: number; readonly mtimeMs: number };
}

/** First half of `writeFileDurable`: writes and flushes the temp file (slow part, no lock needed). */
export async function prepareDurable(
  target: string,
  data: string | Uint8Array | Iterable<string>,
  options: DurableWriteOptions = {},
): Promise<Prepared> {
  const fs = options.fs ?? nodeFs;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o600);
    try {
      // Every byte, at an explicit offset, or an error: a short write must never reach the rename.
      let written = 0;
      const chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
      for (const chunk of chunks) written += await writeAll(handle, temp, chunk, written);
      await handle.sync();
      const stats = await verifySize(handle, temp, written);
      return { target, temp, stats };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Second half: renames the temp file over the target (retrying transient refusals) and flushes the folder. */
export async function commitDurable(prepared: Prepared, options: DurableWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const attempts = options.renameAttempts ?? 6;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await fs.rename(prepared.temp, prepared.target);
        break;
      } catch (error) {
        if (attempt >= attempts || !TRANSIENT.has(errnoCode(error) ?? '')) throw error;
        await sleep(20 * 2 ** attempt);
      }
    }
  } catch (error) {
    await discardPrepared(prepared, fs);
    throw error;
  }
  await syncDir(dirname(prepared.target), fs);
}

/** Deletes a prepared temp file that will not be used. */
export async function discardPrepared(prepared: Prepared, fs: Fs = nodeFs): Promise<void> {
  await fs.unlink(prepared.temp).catch(() => undefined);
}

/** Flushes a folder's entry list so a rename survives power loss (a no-op where unsupported). */
export async function syncDir(dir: string, fs: Fs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF'].includes(errnoCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Deletes temp files that writers killed mid-write left beside `target` (their pid is gone). */
export async function removeOrphanTemps(target: string, fs: Fs = nodeFs): Promise<number> {
  const prefix = `.${basename(target)}.`;
  let removed = 0;
  for (const name of await fs.readdir(dirname(target)).catch(() => [] as string[])) {
    const m = name.startsWith(prefix) && name.endsWith('.tmp') ? /\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name) : null;
    if (!m || Number(m[1]) === process.pid || isProcessAlive(Number(m[1]))) continue;
    await fs.unlink(join(dirname(target), name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
