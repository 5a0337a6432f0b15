/**
 * One `pals serve` per data folder. A running serve keeps `DIR/pals.serve` (its pid and its
 * address, never the token); a second one finds it, says where the folder is already served and
 * stops, instead of serving the same folder on another port (two pages, two draft journals, two
 * hosts folding one journal). A file left by a process that is gone is taken over; a folder
 * that cannot be written (a read-only mount) is served without one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PalsError } from '../../shared/errors.js';
import { errnoCode, isProcessAlive } from '../core/lib/fs.js';

interface ServeInfo {
  readonly pid: number;
  /** Null while that serve is still starting. */
  readonly url: string | null;
}

/** A folder this process serves: record the address once listening, release it on the way out. */
export interface ServeClaim {
  readonly listening: (url: string) => Promise<void>;
  readonly release: () => Promise<void>;
}

const serveFile = (dir: string) => join(dir, 'pals.serve');

async function readInfo(file: string): Promise<ServeInfo | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<ServeInfo>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
      return { pid: value.pid, url: typeof value.url === 'string' && /^http:\/\/127\.0\.0\.1:\d+\/$/.test(value.url) ? value.url : null };
    }
  } catch {
    // Missing or unreadable: nobody we can name serves it.
  }
  return null;
}

function refusal(dir: string, other: ServeInfo): PalsError {
  const where = other.url ? `at ${other.url}` : 'by a pals serve that is still starting';
  return new PalsError(
    'store-locked',
    `${dir} is already served ${where} (pid ${other.pid}); open that address (its "Another window" gives another browser a way in), or stop that one first`,
  );
}

/** Claims `dir` for this process's `pals serve`; refuses (PalsError) when another live process serves it. */
export async function claimFolder(dir: string): Promise<ServeClaim> {
  const file = serveFile(dir);
  const mine = (url: string | null) => JSON.stringify({ pid: process.pid, url });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(mine(null));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      // A folder this process may not write (a read-only mount): no mark can be kept, and none is needed to
      // keep two writers apart there; serve it read-only as before.
      if (errnoCode(error) !== 'EEXIST') return { listening: () => Promise.resolve(), release: () => Promise.resolve() };
      if (attempt > 0) throw error;
      const other = await readInfo(file);
      if (other && isProcessAlive(other.pid)) throw refusal(dir, other);
      // Left by a process that is gone (or unreadable): take it over, once.
      await unlink(file).catch(() => undefined);
    }
  }
  return {
    listening: async (url) => {
      const temp = join(dir, `.pals.serve.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(temp, mine(url), { mode: 0o600 });
      await rename(temp, file);
    },
    release: async () => {
      const info = await readInfo(file);
      if (info?.pid === process.pid) await unlink(file).catch(() => undefined);
    },
  };
}
