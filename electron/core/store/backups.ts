/**
 * Files in `DATA/backups/`: rolling copies of the store (`pals-<sequence>-<time>.json`), copies
 * taken before a migration or a restore, and damaged files or journals moved aside
 * (`damaged-…`, `journal-…`).
 *
 * A rolling copy follows every write of `pals.json` (a whole write, a fold of the journal, a
 * restore), so the newest one is always the file as last written, and the journal holds every
 * change since: a `pals.json` damaged on disk is recovered from the two without losing anything
 * saved. Copies are ordered by a sequence number the store keeps in their names (one more than
 * the highest there), never by the clock: a clock that once ran ahead must not make an old copy
 * look newest. Each copy is read back and checked against the bytes just written before older
 * ones are thinned (to one per interval and one per day); a copy that does not match is deleted
 * and nothing is thinned, so the newest good copy is never pruned. Only `pals-*` files are
 * rotated; nothing moved aside is ever deleted by the app.
 */
import { constants } from 'node:fs';
import { join } from 'node:path';
import { errnoCode, nodeFs, type Fs } from '../lib/fs.js';
import { syncDir } from '../lib/durable-write.js';
import { digestOf } from './seal.js';
import { writeError } from '../lib/write-all.js';
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

/** `pals-<sequence>-<time>.json`; before sequences, `pals-<time>[-N].json` (older than any sequenced copy). */
const ROLLING = /^pals-(?:(\d{6,})-)?(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.json$/;

/** A file-name-safe UTC timestamp (no colons, for Windows). */
export function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

interface RollingName {
  readonly name: string;
  /** The store's sequence number (-1: a copy named before sequences). */
  readonly seq: number;
  /** The wall-clock time in its name (for thinning and for people, never for order). */
  readonly time: number;
  /** The `-N` a name got when another copy had the same name (0: none). */
  readonly dup: number;
}

function parseRolling(name: string): RollingName | null {
  const m = ROLLING.exec(name);
  if (!m) return null;
  const time = Date.parse(`${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`);
  return { name, seq: m[1] === undefined ? -1 : Number(m[1]), time, dup: Number(m[7] ?? 0) };
}

/** Newest first: by sequence; copies from before sequences by their time. */
function newestFirst(a: RollingName, b: RollingName): number {
  return b.seq - a.seq || (a.seq < 0 ? b.time - a.time : 0) || b.dup - a.dup;
}

async function rollingNames(paths: Paths, fs: Fs): Promise<RollingName[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.backups);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((n) => parseRolling(n) ?? []).sort(newestFirst);
}

/** Rolling backups, newest first (by the store's sequence, never by the clock). */
export async function listRollingBackups(paths: Paths, fs: Fs = nodeFs): Promise<string[]> {
  return (await rollingNames(paths, fs)).map(({ name }) => join(paths.backups, name));
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

/** What was just written to `pals.json`: a rolling copy must hold exactly these bytes. */
export interface WrittenFile {
  readonly size: number;
  readonly sha256: string;
}

/**
 * Copies `pals.json`, just written, into the rolling backups, reads the copy back to check it
 * holds exactly `written`, and only then thins the older ones (call under the folder's lock,
 * right after the write). Returns the copy's path; throws when the copy is not good (it is
 * deleted, and no older copy is).
 */
export async function backUpWritten(paths: Paths, now: Date, policy: BackupPolicy, written: WrittenFile, fs: Fs = nodeFs): Promise<string> {
  await fs.mkdir(paths.backups, { recursive: true, mode: 0o700 });
  const seq = ((await rollingNames(paths, fs))[0]?.seq ?? 0) + 1;
  const target = await freeName(fs, paths.backups, `pals-${String(Math.max(seq, 1)).padStart(6, '0')}-${stamp(now)}`);
  await fs.copyFile(paths.file, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  let good = false;
  try {
    const copy = await fs.readFile(target);
    good = copy.length === written.size && digestOf(copy) === written.sha256;
  } finally {
    if (!good) await fs.unlink(target).catch(() => undefined);
  }
  if (!good) throw writeError('EIO', target, 'the backup copy does not hold the file just written');
  // The copy just checked is the newest (the highest sequence) and is always kept: whatever is
  // thinned, the newest backup that parses and validates stays.
  await prune(paths, await rollingNames(paths, fs), now, policy, fs);
  return target;
}

/** Deletes rolling backups outside the policy (the newest; the newest of each of N intervals; one per day for D days). */
async function prune(paths: Paths, newest: readonly RollingName[], now: Date, policy: BackupPolicy, fs: Fs): Promise<void> {
  const keep = new Set(newest.slice(0, 1).map((r) => r.name));
  const slots = new Set<string>();
  const days = new Set<string>();
  for (const { name, time: t, seq, dup } of newest) {
    const slot = policy.minIntervalMs > 0 ? String(Math.floor(t / policy.minIntervalMs)) : `${seq}-${t}-${dup}`;
    if (!slots.has(slot) && slots.size < policy.keepNewest) {
      slots.add(slot);
      keep.add(name);
    }
    if (now.getTime() - t > policy.keepDays * MS_PER_DAY) continue;
    const day = new Date(t).toISOString().slice(0, 10);
    if (!days.has(day)) {
      days.add(day);
      keep.add(name);
    }
  }
  for (const { name } of newest) {
    if (!keep.has(name)) await fs.unlink(join(paths.backups, name)).catch(() => undefined);
  }
}
