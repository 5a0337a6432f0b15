/**
 * lowdb adapter for a data folder's store: `pals.json` plus its change journal.
 *
 * `read` returns `pals.json` with the journal replayed; `write` replaces `pals.json` atomically
 * and durably and retires the journal; `append` adds one change to the journal (a few kB and
 * one flush instead of rewriting the whole file). The adapter remembers what it last read or
 * wrote (`disk`) so the store can tell its own changes from another process's.
 * JSON is written without indentation: V8's fast path, and a smaller file.
 */
import type { Adapter } from 'lowdb';
import type { ParsedDoc } from '../../../shared/document.js';
import type { Migration } from '../../../shared/migrations.js';
import type { StoreDoc } from '../../../shared/schema.js';
import { NO_FILES, readStore, storeSig, type DiskInfo, type StoreFiles } from './disk-read.js';
import { commitDurable, discardPrepared, prepareDurable, writeFileDurable, type Prepared } from './durable-write.js';
import { baseIdOf, errnoCode, nodeFs, signatureOf, type Fs } from './fs.js';
import { appendJournal, compactLine, headerLine, journalSig, readJournal, removeJournal } from './journal-file.js';
import { serializeDocChunks } from './serialize.js';

export class DurableJsonAdapter implements Adapter<StoreDoc> {
  /** What the last read found (null when no file), for migrations and tests. */
  lastRead: ParsedDoc | null = null;
  /** The files as this process last read or wrote them (fileSig 'unknown': must re-read before writing). */
  disk: DiskInfo;
  /** Set when the last read left part of a damaged journal out. */
  lastJournalProblem: string | null = null;

  constructor(
    readonly files: StoreFiles,
    private readonly fs: Fs = nodeFs,
    private readonly migrations?: readonly Migration[],
    disk: DiskInfo | null = null,
  ) {
    this.disk = disk ?? { ...NO_FILES, fileSig: 'unknown' };
  }

  /** The document, or null when there is no file yet. Throws PalsError on a bad `pals.json`. */
  async read(): Promise<StoreDoc | null> {
    const read = await readStore(this.files, this.fs, this.migrations);
    this.lastRead = read.parsed;
    this.lastJournalProblem = read.journalProblem;
    this.disk = read.disk;
    return read.parsed?.doc ?? null;
  }

  /** Replaces `pals.json` with `doc` and retires the journal. */
  async write(doc: StoreDoc): Promise<void> {
    const prepared = await this.prepare(doc);
    await this.commit(prepared, []);
  }

  /** Writes `doc` to a flushed temp file (the slow half of `write`; needs no lock). */
  async prepare(doc: StoreDoc): Promise<Prepared> {
    return prepareDurable(this.files.file, serializeDocChunks(doc), { fs: this.fs });
  }

  /**
   * Puts a prepared version in place. `tail`: journal lines appended after the prepared
   * snapshot was taken; they stay in a fresh journal continuing the new file.
   */
  async commit(prepared: Prepared, tail: readonly string[]): Promise<void> {
    const target = baseIdOf(prepared.stats);
    try {
      // Name the new version in the journal first: a crash right after the rename still pairs them.
      if (this.disk.journalValid !== null) await this.appendRaw(compactLine(target));
    } catch (error) {
      await discardPrepared(prepared, this.fs);
      throw error;
    }
    await commitDurable(prepared, { fs: this.fs });
    this.disk = {
      fileSig: signatureOf(prepared.stats),
      journalSig: null,
      fileBase: target,
      fileBytes: prepared.stats.size,
      journalValid: null,
    };
    if (tail.length > 0) {
      const text = headerLine(target) + tail.join('');
      await writeFileDurable(this.files.journal, text, { fs: this.fs });
      const journal = await readJournal(this.fs, this.files.journal);
      this.disk = { ...this.disk, journalSig: journal?.sig ?? null, journalValid: journal?.validBytes ?? null };
    } else {
      await removeJournal(this.fs, this.files.journal);
    }
  }

  /** Appends one change (a `recordLine`), starting the journal if there is none. */
  async append(line: string): Promise<void> {
    await this.appendRaw(this.disk.journalValid === null ? headerLine(this.disk.fileBase) + line : line);
  }

  /** Identity of the files on disk now (two stats). */
  async currentSig(): Promise<string> {
    const [file, journal] = await Promise.all([this.statOrNull(this.files.file), this.statOrNull(this.files.journal)]);
    return storeSig(file ? signatureOf(file) : 'missing', journal ? journalSig(journal) : null);
  }

  private async appendRaw(text: string): Promise<void> {
    const journalSig = await appendJournal(this.fs, this.files.journal, text, this.disk.journalValid);
    this.disk = { ...this.disk, journalSig, journalValid: (this.disk.journalValid ?? 0) + Buffer.byteLength(text) };
  }

  private async statOrNull(path: string) {
    try {
      return await this.fs.stat(path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
  }
}
