/**
 * The change journal beside `pals.json` (`pals.journal`): one JSON object per line, appended and
 * flushed for each group commit, so an edit is durable after writing a few kilobytes instead of
 * the whole store. The first line names the `pals.json` version it continues (`base`); a
 * `compact` line written just before `pals.json` is replaced names the version that replaces
 * it, so a crash between the two steps still pairs the files. A last line without its newline
 * was never acknowledged (the writer died mid-append) and is ignored.
 */
import { errnoCode, readWithStats, type Fs } from '../lib/fs.js';
import { syncDir } from '../lib/durable-write.js';
import { verifySize, writeAll } from '../lib/write-all.js';
import { dirname } from 'node:path';

export const JOURNAL_VERSION = 1;

/** A journal as read from disk. */
export interface JournalText {
  /** `pals.json` versions this journal continues (its base, and each compaction target). */
  readonly bases: readonly string[];
  /** Parsed records, in order, up to the first damaged line. */
  readonly records: readonly unknown[];
  /** Why a complete line could not be read (null: all good). */
  readonly damaged: string | null;
  /** Complete lines not read: the damaged one and every one after it (0: none). */
  readonly unread: number;
  /** The journal format version when it is newer than this program's (null otherwise). */
  readonly newer: number | null;
  /** Bytes of complete lines; anything after is a torn last append. */
  readonly validBytes: number;
  readonly bytes: number;
  /** ino:size of the file read, to notice appends and replacements by other processes. */
  readonly sig: string;
}

/** The header line of a new journal continuing the `pals.json` version `base`. */
export function headerLine(base: string): string {
  return `${JSON.stringify({ journal: JOURNAL_VERSION, base })}\n`;
}

/** A record line. */
export function recordLine(record: unknown): string {
  return `${JSON.stringify({ r: record })}\n`;
}

/** The line written before `pals.json` is replaced by the version `target`. */
export function compactLine(target: string): string {
  return `${JSON.stringify({ compact: target })}\n`;
}

/** Parses journal bytes (see the file comment). */
export function parseJournal(buf: Buffer, sig: string): JournalText {
  const validBytes = buf.lastIndexOf(0x0a) + 1;
  const lines = buf.toString('utf8', 0, validBytes).split('\n');
  lines.pop();
  const bases: string[] = [];
  const records: unknown[] = [];
  let damaged: string | null = null;
  let newer: number | null = null;
  let unread = 0;
  for (const [index, line] of lines.entries()) {
    unread = lines.length - index;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damaged = `line ${index + 1} is not valid JSON`;
      break;
    }
    const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (index === 0) {
      if (typeof entry.journal === 'number' && entry.journal > JOURNAL_VERSION) newer = entry.journal;
      if (entry.journal !== JOURNAL_VERSION || typeof entry.base !== 'string') {
        damaged = newer === null ? 'its first line is not a journal header' : `it is from a newer version (${newer})`;
        break;
      }
      bases.push(entry.base);
    } else if (typeof entry.compact === 'string') bases.push(entry.compact);
    else if ('r' in entry) records.push(entry.r);
    else {
      damaged = `line ${index + 1} is not a journal entry`;
      break;
    }
  }
  return { bases, records, damaged, unread: damaged === null ? 0 : unread, newer, validBytes, bytes: buf.length, sig };
}

/** Reads the journal (null when there is none); one handle, so bytes and signature agree. */
export async function readJournal(fs: Fs, path: string): Promise<JournalText | null> {
  const read = await readWithStats(fs, path);
  return read && parseJournal(read.data, journalSig(read.stats));
}

/** New records another process appended to a journal this process had read up to some point. */
export interface JournalTail {
  readonly records: readonly unknown[];
  /** Where the complete lines read end (from the start of the file). */
  readonly validBytes: number;
  /** ino:size of the file read. */
  readonly sig: string;
}

/** Where a journal was read up to, to read only what was appended since. */
export interface JournalPoint {
  /** `journalSig` of the file as last read (null: there was no journal; read a new one whole). */
  readonly sig: string | null;
  /** Bytes of complete lines already read (ignored when `sig` is null). */
  readonly validBytes: number;
  /** The `pals.json` version a new journal must continue (its header's base). */
  readonly base: string;
}

/**
 * Reads only the complete lines a journal gained since `from`, one handle for bytes and
 * signature. 'missing' when there is no journal; null when what is there is not simply more
 * records (another file, a shorter one, a header that names another base, a compaction mark,
 * a damaged line): the caller then reads both files whole.
 */
export async function readJournalTail(fs: Fs, path: string, from: JournalPoint): Promise<JournalTail | 'missing' | null> {
  let handle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const stats = await handle.stat();
    const offset = from.sig === null ? 0 : from.validBytes;
    if (from.sig !== null && (inoOf(from.sig) !== stats.ino || stats.size < offset)) return null;
    const buf = Buffer.alloc(stats.size - offset);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const sig = journalSig(stats);
    const data = buf.subarray(0, got);
    if (from.sig === null) {
      const whole = parseJournal(data, sig);
      const plain = whole.damaged === null && whole.bases.length === 1 && whole.bases[0] === from.base;
      return plain ? { records: whole.records, validBytes: whole.validBytes, sig } : null;
    }
    const end = data.lastIndexOf(0x0a) + 1;
    const records: unknown[] = [];
    for (const line of end === 0 ? [] : data.toString('utf8', 0, end - 1).split('\n')) {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        return null;
      }
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || !('r' in entry)) return null;
      records.push(entry.r);
    }
    return { records, validBytes: offset + end, sig };
  } finally {
    await handle.close();
  }
}

function inoOf(sig: string): number {
  return Number(sig.slice(0, sig.indexOf(':')));
}

/** ino:size of the journal file ('none' when absent). */
export function journalSig(stats: { ino: number; size: number } | null): string {
  return stats ? `${stats.ino}:${stats.size}` : 'none';
}

/**
 * Appends `text` and flushes it; cuts a torn last line first (`validBytes` of what is there;
 * null: create the journal). A failed append leaves the journal as it was. Returns the
 * journal's new signature.
 */
export async function appendJournal(fs: Fs, path: string, text: string, validBytes: number | null): Promise<string> {
  const created = validBytes === null;
  const start = validBytes ?? 0;
  const handle = await fs.open(path, created ? 'wx' : 'r+', 0o600);
  let wrote = false;
  try {
    if (!created) {
      const { size } = await handle.stat();
      if (size !== start) await handle.truncate(start);
    }
    wrote = true;
    // Every byte or an error (a full disk); the size is checked after the flush, before the caller acknowledges.
    const length = await writeAll(handle, path, text, start);
    await handle.datasync();
    const sig = journalSig(await verifySize(handle, path, start + length));
    if (created) await syncDir(dirname(path), fs);
    return sig;
  } catch (error) {
    // Leave no part of this append: a torn line is ignored anyway, but a new journal that holds
    // half a header would refuse the next create ('wx').
    if (wrote) await handle.truncate(start).catch(() => undefined);
    if (created) {
      await handle.close().catch(() => undefined);
      await fs.unlink(path).catch(() => undefined);
    }
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Removes the journal (after its content reached `pals.json`). */
export async function removeJournal(fs: Fs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
    return;
  }
  await syncDir(dirname(path), fs);
}
