/**
 * Files in `DATA/backups/`: rolling copies of the store (`pals-<time>.json`), copies taken before
 * a migration or a restore, and damaged files or journals moved aside (`damaged-…`, `journal-…`).
 *
 * A rolling copy follows every write of `pals.json` (a whole write, a fold of the journal, a
 * restore), so the newest one is always the file as last written, and the journal holds every
 * change since: a `pals.json` damaged on disk is recovered from the two without losing anything
 * saved. Older copies are thinned to one per interval and one per day. Only `pals-*` files are
 * rotated; nothing moved aside is ever deleted by the app.
 */
import { constants } from 'node:fs';
import { join } from 'node:path';
import { errnoCode, nodeFs, type Fs } from './fs.js';
import { syncDir } from './durable-write.js';
import type { storePaths } from '../paths.js';
import { MS_PER_DAY } from '../../../shared/dates.js';

type Paths = ReturnType<typeof storePaths>;

export interface BackupPolicy {
  /** Besides the newest copy, one per interval is kept (the newest of it), so a burst of edits leaves one copy… */
  readonly minIntervalMs: number;
  /** …for this many of the latest intervals that saw a write… */
  readonly keepNewest: number;
  /** …plus the newest of each day for this many days. */
  readonly keepDays: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { minIntervalMs: 10 * 60_000, keepNewest: 10, keepDays: 14 };

const ROLLING = /^pals-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d+)?\.json$/;

/** A file-name-safe UTC timestamp (no colons, for Windows). */
export function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function timeOf(name: string): number | null {
  const m = ROLLING.exec(name);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** The `-N` a name got when another copy had the same millisecond (0: none). */
function sequenceOf(name: string): number {
  return Number(/Z-(\d+)\.json$/.exec(name)?.[1] ?? 0);
}

/** Rolling backups, newest first (by time, then by the sequence of copies made in one millisecond). */
export async function listRollingBackups(paths: Paths, fs: Fs = nodeFs): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.backups);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((n) => {
      const time = timeOf(n);
      return time === null ? [] : [{ n, time, seq: sequenceOf(n) }];
    })
    .sort((a, b) => b.time - a.time || b.seq - a.seq)
    .map(({ n }) => join(paths.backups, n));
}

async function freeName(fs: Fs, dir: string, base: string): Promise<string> {
  for (let i = 0; ; i++) {
    const candidate = join(dir, i === 0 ? `${base}.json` : `${base}-${i}.json`);
    try {
      await fs.stat(candidate);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return candidate;
      throw error;
    }
  }
}

/** Copies the current store file into backups under `prefix-<time>.json`; returns its path. */
export async function copyToBackups(paths: Paths, prefix: string, now: Date, fs: Fs = nodeFs): Promise<string> {
  await fs.mkdir(paths.backups, { recursive: true, mode: 0o700 });
  const target = await freeName(fs, paths.backups, `${prefix}-${stamp(now)}`);
  // A copy-on-write clone where the file system has them (instant, and still a separate file).
  await fs.copyFile(paths.file, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  return target;
}

/** Moves a damaged store file aside (never deleting or overwriting it); returns where it went. */
export async function moveAside(paths: Paths, now: Date, fs: Fs = nodeFs): Promise<string> {
  await fs.mkdir(paths.backups, { recursive: true });
  const target = await freeName(fs, paths.backups, `damaged-${stamp(now)}`);
  await fs.rename(paths.file, target);
  await syncDir(paths.backups, fs);
  return target;
}

/** Moves the change journal into backups (it no longer applies); returns where it went. */
export async function moveJournalAside(paths: Paths, now: Date, fs: Fs = nodeFs): Promise<string> {
  await fs.mkdir(paths.backups, { recursive: true });
  const target = await freeName(fs, paths.backups, `journal-${stamp(now)}`);
  await fs.rename(paths.journal, target);
  await syncDir(paths.backups, fs);
  await syncDir(paths.dir, fs);
  return target;
}

/**
 * Copies `pals.json`, just written, into the rolling backups and thins the older ones (call under
 * the folder's lock, right after the write). Returns the copy's path.
 */
export async function backUpWritten(paths: Paths, now: Date, policy: BackupPolicy, fs: Fs = nodeFs): Promise<string> {
  const made = await copyToBackups(paths, 'pals', now, fs);
  await prune(paths, await listRollingBackups(paths, fs), now, policy, fs);
  return made;
}

/** Deletes rolling backups outside the policy (the newest; the newest of each of N intervals; one per day for D days). */
async function prune(paths: Paths, newestFirst: string[], now: Date, policy: BackupPolicy, fs: Fs): Promise<void> {
  const keep = new Set(newestFirst.slice(0, 1));
  const slots = new Set<string>();
  const days = new Set<string>();
  for (const file of newestFirst) {
    const name = file.slice(paths.backups.length + 1);
    const t = timeOf(name);
    if (t === null) continue;
    const slot = policy.minIntervalMs > 0 ? String(Math.floor(t / policy.minIntervalMs)) : `${t}-${sequenceOf(name)}`;
    if (!slots.has(slot) && slots.size < policy.keepNewest) {
      slots.add(slot);
      keep.add(file);
    }
    if (now.getTime() - t > policy.keepDays * MS_PER_DAY) continue;
    const day = new Date(t).toISOString().slice(0, 10);
    if (!days.has(day)) {
      days.add(day);
      keep.add(file);
    }
  }
  for (const file of newestFirst) {
    if (!keep.has(file)) await fs.unlink(file).catch(() => undefined);
  }
}
