/**
 * lowdb adapter for a data folder's store: `pals.json` plus its change journal.
 *
 * `read` returns `pals.json` with the journal replayed; `write` replaces `pals.json` atomically
 * and durably, seals it (seal.ts) and retires the journal; `append` adds one change to the
 * journal (a few kB and one flush instead of rewriting the whole file); `readAppended` follows
 * another process's appends without reading `pals.json` again. The adapter remembers what it
 * last read or wrote (`disk`) so the store can tell its own changes from another process's.
 * JSON is written without indentation: V8's fast path, and a smaller file.
 */
import { createHash } from 'node:crypto';
import type { Adapter } from 'lowdb';
import type { ParsedDoc } from '../../../shared/document.js';
import type { Migration } from '../../../shared/migrations.js';
import type { StoreDoc } from '../../../shared/schema.js';
import { NO_FILES, readAppended, readStore, storeSig, type DiskInfo, type StoreFiles } from './disk-read.js';
import { commitDurable, discardPrepared, prepareDurable, writeFileDurable, type Prepared } from '../lib/durable-write.js';
import { baseIdOf, errnoCode, nodeFs, signatureOf, type Fs } from '../lib/fs.js';
import { appendJournal, compactLine, headerLine, journalSig, readJournal, removeJournal } from './journal-file.js';
import { LayoutRecorder, type NotesLayout } from './notes-layout.js';
import { hashing, sealOf, writeSeal } from './seal.js';
import type { WrittenFile } from './backups.js';
import { serializeDocChunks } from './serialize.js';
import { writeError } from '../lib/write-all.js';

/** A prepared version of `pals.json`, the SHA-256 of its bytes and where its notes lie, for its seal. */
export interface SealedPrepared extends Prepared {
  readonly sha256: string;
  readonly layout: NotesLayout | null;
}

export class DurableJsonAdapter implements Adapter<StoreDoc> {
  /** What the last read found (null when no file), for migrations and tests. */
  lastRead: ParsedDoc | null = null;
  /** The files as this process last read or wrote them (fileSig 'unknown': must re-read before writing). */
  disk: DiskInfo;
  /** Set when the last read left part of a damaged journal out. */
  lastJournalProblem: string | null = null;
  /** Whether the last read found `pals.json` sealed (its own values were not validated again). */
  lastReadSealed = false;
  /** Size and SHA-256 of what this adapter last put in place as `pals.json` (a backup copy must match it). */
  lastWritten: WrittenFile | null = null;

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
    this.lastReadSealed = read.sealed;
    this.disk = read.disk;
    return read.parsed?.doc ?? null;
  }

  /** Replaces `pals.json` with `doc` and retires the journal. */
  async write(doc: StoreDoc): Promise<void> {
    const prepared = await this.prepare(doc);
    await this.commit(prepared, []);
  }

  /** Writes `doc` to a flushed temp file, hashing it as it goes (the slow half of `write`; needs no lock). */
  async prepare(doc: StoreDoc): Promise<SealedPrepared> {
    const hash = createHash('sha256');
    const recorder = new LayoutRecorder();
    const prepared = await prepareDurable(this.files.file, hashing(serializeDocChunks(doc, recorder), hash), { fs: this.fs });
    return { ...prepared, sha256: hash.digest('hex'), layout: recorder.result() };
  }

  /**
   * Applies what another process appended to the journal since the last read or write to `doc`
   * (the document `disk` describes), reading only the new lines; null when a whole read is needed
   * (see `readAppended` in disk-read.ts).
   */
  async readAppended(doc: StoreDoc): Promise<{ doc: StoreDoc; records: number } | null> {
    const read = await readAppended(this.files, this.fs, this.disk, doc, this.migrations);
    if (!read) return null;
    this.disk = read.disk;
    return { doc: read.doc, records: read.records };
  }

  /**
   * Puts a prepared version in place. `tail`: journal lines appended after the prepared
   * snapshot was taken; they stay in a fresh journal continuing the new file.
   */
  async commit(prepared: SealedPrepared, tail: readonly string[]): Promise<void> {
    const target = baseIdOf(prepared.stats);
    try {
      // Name the new version in the journal first: a crash right after the rename still pairs them.
      if (this.disk.journalValid) await this.appendRaw(compactLine(target));
    } catch (error) {
      await discardPrepared(prepared, this.fs);
      throw error;
    }
    await commitDurable(prepared, { fs: this.fs });
    // The journal goes only once the file that holds its changes is in place, whole and flushed.
    await this.verifyInPlace(prepared);
    this.lastWritten = { size: prepared.stats.size, sha256: prepared.sha256 };
    this.disk = {
      fileSig: signatureOf(prepared.stats),
      journalSig: null,
      fileBase: target,
      fileBytes: prepared.stats.size,
      journalValid: null,
    };
    await writeSeal(this.fs, this.files.file, sealOf(prepared.stats.size, prepared.sha256, prepared.layout));
    if (tail.length > 0) {
      const text = headerLine(target) + tail.join('');
      await writeFileDurable(this.files.journal, text, { fs: this.fs });
      const journal = await readJournal(this.fs, this.files.journal);
      this.disk = { ...this.disk, journalSig: journal?.sig ?? null, journalValid: journal?.validBytes ?? null };
    } else {
      // Left behind, the journal still pairs with the new file (its `compact` line names it) and
      // the next read replays it: a failed removal costs nothing, so it does not fail the write.
      await removeJournal(this.fs, this.files.journal).catch(() => undefined);
    }
  }

  /** Appends one change (a `recordLine`), starting the journal if there is none (or only a torn start of one). */
  async append(line: string): Promise<void> {
    await this.appendRaw(this.disk.journalValid ? line : headerLine(this.disk.fileBase) + line);
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

  /** Throws unless `pals.json` is now the prepared file (same inode, every byte). */
  private async verifyInPlace(prepared: Prepared): Promise<void> {
    const now = await this.fs.stat(this.files.file);
    if (now.ino !== prepared.stats.ino || now.size !== prepared.stats.size) {
      throw writeError('EIO', this.files.file, `the file in place is not the ${prepared.stats.size} bytes just written`);
    }
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
