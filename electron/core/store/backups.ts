/**
 * Files in `DATA/backups/`: rolling copies of the last good stores (`pals-<time>.json`),
 * copies taken before a migration or a restore, and damaged files moved aside (`damaged-…`).
 * Only `pals-*` files are rotated; nothing moved aside is ever deleted by the app.
 */
import { join } from 'node:path';
import { errnoCode, nodeFs, type Fs } from './fs.js';
import { syncDir } from './durable-write.js';
import type { storePaths } from '../paths.js';

type Paths = ReturnType<typeof storePaths>;

export interface BackupPolicy {
  /** At most one rolling backup per interval, so a burst of edits is not a burst of copies. */
  readonly minIntervalMs: number;
  /** Always keep this many newest rolling backups… */
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

/** Rolling backups, newest first. */
export async function listRollingBackups(paths: Paths, fs: Fs = nodeFs): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.backups);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => timeOf(n) !== null)
    .sort()
    .reverse()
    .map((n) => join(paths.backups, n));
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
  await fs.mkdir(paths.backups, { recursive: true });
  const target = await freeName(fs, paths.backups, `${prefix}-${stamp(now)}`);
  await fs.copyFile(paths.file, target);
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

/** Takes a rolling backup of the current (known good) file if the newest is old enough. */
export async function rollBackup(paths: Paths, now: Date, policy: BackupPolicy, fs: Fs = nodeFs): Promise<string | null> {
  const existing = await listRollingBackups(paths, fs);
  const newest = existing[0] ? timeOf(existing[0].slice(paths.backups.length + 1)) : null;
  if (newest !== null && now.getTime() - newest < policy.minIntervalMs) return null;
  try {
    await fs.stat(paths.file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
  const made = await copyToBackups(paths, 'pals', now, fs);
  await prune(paths, [made, ...existing], now, policy, fs);
  return made;
}

/** Deletes rolling backups outside the policy (newest N, plus one per day for D days). */
async function prune(paths: Paths, newestFirst: string[], now: Date, policy: BackupPolicy, fs: Fs): Promise<void> {
  const keep = new Set(newestFirst.slice(0, policy.keepNewest));
  const days = new Set<string>();
  for (const file of newestFirst) {
    const t = timeOf(file.slice(paths.backups.length + 1));
    if (t === null || now.getTime() - t > policy.keepDays * 86_400_000) continue;
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
