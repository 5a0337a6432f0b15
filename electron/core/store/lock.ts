/**
 * A lock file that lets several processes (the app, CLIs) take turns writing one data folder.
 * Created with O_EXCL; holds the owner's pid so a lock left by a killed process is taken over
 * at once instead of after a timeout.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { PalsError } from '../../../shared/errors.js';
import { errnoCode, isProcessAlive, nodeFs, type Fs } from '../lib/fs.js';

export interface LockOptions {
  readonly fs?: Fs;
  /** How long to wait for another process before giving up. */
  readonly timeoutMs?: number;
  /** A lock older than this is abandoned even if its pid is alive (pid reuse). */
  readonly staleMs?: number;
}

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly at: number;
  readonly token: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tokens of locks this process released but could not delete (an I/O error): they hold nothing. */
const leftBehind = new Set<string>();

async function readInfo(fs: Fs, path: string): Promise<LockInfo | 'missing' | 'unreadable'> {
  try {
    const parsed = JSON.parse(await fs.readFile(path, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.at === 'number' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, host: String(parsed.host), at: parsed.at, token: parsed.token };
    }
    return 'unreadable';
  } catch (error) {
    return errnoCode(error) === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

/** Takes the lock, waiting for other holders; resolves to a function that releases it. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const fs = options.fs ?? nodeFs;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 5 * 60_000;
  const me: LockInfo = { pid: process.pid, host: hostname(), at: Date.now(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  let unreadableSince: number | null = null;
  for (let round = 0; ; round++) {
    try {
      const handle = await fs.open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ ...me, at: Date.now() }));
      } catch (error) {
        // A lock file we could not fill (a full disk) would make everyone wait for nobody.
        await handle.close().catch(() => undefined);
        await fs.unlink(path).catch(() => undefined);
        throw error;
      } finally {
        await handle.close().catch(() => undefined);
      }
      return () => releaseLock(fs, path, me.token);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
    const info = await readInfo(fs, path);
    if (info === 'missing') continue;
    let stale: boolean;
    if (info === 'unreadable') {
      // A holder may be between creating the file and writing its pid; give it a moment.
      unreadableSince ??= Date.now();
      stale = Date.now() - unreadableSince > 2_000;
    } else {
      unreadableSince = null;
      const sameHost = info.host === me.host;
      // Our own pid is alive, but a lock of ours we already released holds nothing.
      stale = (sameHost && (leftBehind.has(info.token) || !isProcessAlive(info.pid))) || Date.now() - info.at > staleMs;
    }
    if (stale) {
      await takeOver(fs, path, info);
      continue;
    }
    if (Date.now() > deadline) {
      const who = info === 'unreadable' ? 'another process' : `another pals process (pid ${info.pid})`;
      throw new PalsError(
        'store-locked',
        `${who} is holding the data folder's lock (${path}); try again, or delete that file if no pals or app is running`,
      );
    }
    await sleep(Math.min(50, 5 + round * 5) + Math.random() * 10);
  }
}

/** Removes a stale lock only if it is still the one we judged stale. */
async function takeOver(fs: Fs, path: string, seen: LockInfo | 'unreadable'): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(path, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readInfo(fs, aside);
  const same = seen === 'unreadable' ? moved === 'unreadable' : typeof moved === 'object' && moved.token === seen.token;
  if (!same) {
    // Someone else's fresh lock: put it back (link fails if yet another one appeared meanwhile).
    await fs.link(aside, path).catch(() => undefined);
  }
  await fs.unlink(aside).catch(() => undefined);
}

async function releaseLock(fs: Fs, path: string, token: string): Promise<void> {
  const info = await readInfo(fs, path);
  if (typeof info === 'object' && info.token === token) {
    await fs.unlink(path).catch(() => {
      leftBehind.add(token);
    });
  }
}
