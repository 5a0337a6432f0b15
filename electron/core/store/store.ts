/**
 * The engagement store: one JSON document per data folder, on lowdb with a durable adapter.
 *
 * - `update(op)` applies a pure operation in memory at once and resolves when it is on disk.
 *   Operations that arrive while a write is running share the next write (group commit).
 * - A small store is rewritten whole on each write. A large one (past `journalFromBytes`)
 *   appends what changed to `pals.journal` instead, and folds the journal back into
 *   `pals.json` in the background once edits pause (`compactAfterMs`), when the journal grows
 *   past `compactAtBytes`, and on close. A short-lived process (the CLI) opens with
 *   `foldOnClose: false`: its lines stay in the journal for the app's next fold (or the next
 *   process that folds on close), so one command never rewrites the whole file.
 * - Every write of `pals.json` is sealed (seal.ts): loading those exact bytes again skips their
 *   validation. Journal lines on top are always validated.
 * - Every write happens under the folder's lock; if another process changed the files since we
 *   last saw them, we load its version and replay our pending operations on top, so neither
 *   side's update is lost. When it only appended to the journal, only its new lines are read
 *   and applied (`refresh` too), so the untouched engagements stay the same objects.
 * - A failed write rejects the operations it carried and drops them from memory: what the
 *   store shows is always what is on disk plus what is still being written.
 */
import { Low } from 'lowdb';
import type { Applied } from '../../../shared/engagements.js';
import { isPalsError, PalsError } from '../../../shared/errors.js';
import type { Migration } from '../../../shared/migrations.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';
import { storePaths } from '../paths.js';
import { DurableJsonAdapter, type SealedPrepared } from './adapter.js';
import { discardPrepared } from '../lib/durable-write.js';
import { recordLine } from './journal-file.js';
import { diffDocs } from './journal-record.js';
import { backUpWritten, copyToBackups, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups.js';
import { describeFsError, errnoCode, nodeFs, type Fs } from '../lib/fs.js';
import { acquireLock } from './lock.js';
import { diskSig, type DiskInfo } from './disk-read.js';
import { openDocument } from './open.js';
import type { Recovery } from '../lib/recovery-text.js';

export interface StoreOptions {
  readonly fs?: Fs;
  readonly migrations?: readonly Migration[];
  readonly backupPolicy?: BackupPolicy;
  readonly lockTimeoutMs?: number;
  readonly clock?: () => Date;
  /** Stores of at least this many bytes append changes to the journal (default 1 MiB; 0: always). */
  readonly journalFromBytes?: number;
  /** Fold the journal into pals.json after this long without writes (default 3 s). */
  readonly compactAfterMs?: number;
  /** …or as soon as the journal is this large (default 8 MiB). */
  readonly compactAtBytes?: number;
  /**
   * Fold the journal into pals.json on close (default true). A short-lived process (the CLI)
   * passes false: close then only flushes its appended lines, leaving the fold to the next fold
   * point (the app's background fold, a later process that folds on close). A journal already
   * past `compactAtBytes` is folded on close all the same, so it stays bounded.
   */
  readonly foldOnClose?: boolean;
}

const DEFAULTS = { journalFromBytes: 1024 * 1024, compactAfterMs: 3_000, compactAtBytes: 8 * 1024 * 1024 };

type Op<T> = (doc: StoreDoc) => Applied<T>;

interface Pending {
  readonly op: Op<unknown>;
  /** The value from applying `op` to the in-memory document (updated when it is replayed). */
  value: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** File names in the data folder whose change means the store may have changed (for watchers). */
export function isStoreFileName(name: string): boolean {
  return name === 'pals.json' || name === 'pals.journal';
}

/** Who changed the document: this process, or another one (seen on the next write or refresh). */
export type ChangeOrigin = 'local' | 'external';
/**
 * How the document changed: 'delta' when operations or another process's journal lines were
 * applied to it (every untouched engagement and top-level value is the same object as before,
 * so the change can be found by comparing identities); 'reload' when it was replaced whole
 * (pals.json re-read, or a restore).
 */
export type ChangeKind = 'delta' | 'reload';
export type ChangeListener = (doc: StoreDoc, origin: ChangeOrigin, kind: ChangeKind) => void;

export class PalsStore {
  readonly paths: ReturnType<typeof storePaths>;
  /** Figures for the benchmark and tests. */
  readonly stats = {
    writes: 0,
    rebases: 0,
    appends: 0,
    compactions: 0,
    /** Loads of pals.json that matched its seal (its own values not validated again). */
    sealedLoads: 0,
    /** Loads of pals.json validated in full (no seal, or not matching). */
    validatedLoads: 0,
    /** Times another process's journal lines were applied without reading pals.json again. */
    deltaReads: 0,
  };
  private base: StoreDoc;
  private current: StoreDoc;
  private pending: Pending[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private compaction: Promise<void> | null = null;
  /** Journal lines appended while a background compaction was writing its snapshot. */
  private compactionTail: string[] | null = null;
  /** Counts reads of another process's changes, so a compaction can tell its snapshot is missing some. */
  private externalReads = 0;
  private compactTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly settings: typeof DEFAULTS;
  private readonly listeners = new Set<ChangeListener>();
  private readonly low: Low<StoreDoc>;
  private readonly adapter: DurableJsonAdapter;

  private constructor(
    dir: string,
    doc: StoreDoc,
    disk: DiskInfo | null,
    private readonly fs: Fs,
    private readonly options: StoreOptions,
  ) {
    this.paths = storePaths(dir);
    this.adapter = new DurableJsonAdapter(this.paths, fs, options.migrations, disk);
    this.low = new Low(this.adapter, emptyDoc());
    this.low.data = doc;
    this.base = doc;
    this.current = doc;
    this.settings = {
      journalFromBytes: options.journalFromBytes ?? DEFAULTS.journalFromBytes,
      compactAfterMs: options.compactAfterMs ?? DEFAULTS.compactAfterMs,
      compactAtBytes: options.compactAtBytes ?? DEFAULTS.compactAtBytes,
    };
  }

  /** Opens (and if needed migrates or recovers) the store in `dir`. */
  static async open(dir: string, options: StoreOptions = {}): Promise<{ store: PalsStore; recovery: Recovery | null }> {
    const fs = options.fs ?? nodeFs;
    const opened = await openDocument(storePaths(dir), {
      fs,
      migrations: options.migrations,
      now: (options.clock ?? (() => new Date()))(),
      lock: (path) => acquireLock(path, { fs, timeoutMs: options.lockTimeoutMs }),
    });
    // Paths that wrote the file while opening (migration, recovery) hold no reader's signature:
    // the first write then re-reads the files under the lock, which is always safe.
    const store = new PalsStore(dir, opened.doc, opened.disk, fs, options);
    if (opened.sealed !== undefined) store.countLoad(opened.sealed);
    return { store, recovery: opened.recovery };
  }

  /** The document as this process sees it (saved plus being saved). */
  get doc(): StoreDoc {
    return this.current;
  }

  /** Listens for changes; returns the function that stops listening. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies `op` now; resolves with its value once it is durable on disk. */
  update<T>(op: Op<T>): Promise<T> {
    const applied = op(this.current);
    this.current = applied.doc;
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.push({ op, value: applied.value, resolve: resolve as (v: unknown) => void, reject });
    });
    this.emit('local');
    this.schedule();
    return promise;
  }

  /** Resolves when everything asked so far is on disk (or has failed). */
  async flush(): Promise<void> {
    while (this.pending.length > 0 || this.scheduled) {
      this.scheduled = false;
      this.chain = this.chain.then(async () => {
        await this.writePending();
      });
      await this.chain;
    }
    await this.chain;
  }

  /**
   * Catches up with another process's changes; true when the document changed. When that
   * process only appended to the journal, just the new lines are read and applied (listeners
   * hear kind 'delta'); otherwise both files are read again ('reload').
   */
  async refresh(): Promise<boolean> {
    await this.flush();
    let changed = false;
    // In the write queue, so the files and `base` cannot move under the read.
    const step = this.chain.then(async () => {
      if ((await this.adapter.currentSig()) === diskSig(this.adapter.disk)) return;
      const read = await this.readChanges();
      if (!read || read.doc === this.base) return;
      this.base = read.doc;
      this.current = this.replayPending(read.doc);
      changed = true;
      this.emit('external', read.kind);
    });
    this.chain = step.catch(() => undefined);
    await step;
    return changed;
  }

  /** Replaces the whole document (restore), after copying the current file into backups. */
  async replace(doc: StoreDoc, backupPrefix: string): Promise<string | null> {
    await this.flush();
    // The copy in backups must hold the journal's changes too.
    await this.compactNow();
    try {
      return await this.underLock(async () => {
        let copied: string | null = null;
        try {
          copied = await copyToBackups(this.paths, backupPrefix, this.now(), this.fs);
        } catch (error) {
          if (errnoCode(error) !== 'ENOENT') throw error;
        }
        await this.writeDoc(doc);
        await this.backUp();
        this.base = doc;
        this.current = doc;
        this.emit('local', 'reload');
        return copied;
      });
    } catch (error) {
      if (isPalsError(error)) throw error;
      throw new PalsError('store-write', `not saved: ${describeFsError(error)}`);
    }
  }

  /**
   * Flushes pending writes and (unless `foldOnClose` is false and the journal is still small)
   * folds the journal into pals.json; call before the process exits.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    const journal = this.adapter.disk.journalValid;
    if ((this.options.foldOnClose ?? true) || (journal !== null && journal >= this.settings.compactAtBytes)) {
      await this.compactNow();
      return;
    }
    this.clearCompactTimer();
    await this.compaction;
  }

  /**
   * Waits for a running background compaction, then folds any journal into pals.json now.
   * Throws (a `store-fold` error) when the fold fails; the journal then still holds every change.
   */
  async compactNow(): Promise<void> {
    this.clearCompactTimer();
    await this.compaction;
    if (this.adapter.disk.journalValid === null) return;
    let failure: PalsError | null = null;
    this.chain = this.chain.then(async () => {
      failure = await this.writePending(true);
    });
    await this.chain;
    if (failure) {
      const why = (failure as PalsError).message.replace(/^not saved: /, '');
      throw new PalsError(
        'store-write',
        `the change journal was not folded into pals.json (${why}); nothing saved is lost: every change is still in ${this.paths.journal}, and the next start folds it`,
      );
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      if (!this.scheduled) return;
      this.scheduled = false;
      this.chain = this.chain.then(async () => {
        await this.writePending();
      });
    });
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  /** Writes the queued operations (and with `full`, the whole file); resolves to the failure, if any. */
  private async writePending(full = false): Promise<PalsError | null> {
    const batch = this.pending.splice(0);
    if (batch.length === 0 && !full) return null;
    let snapshot = this.current;
    try {
      const outcome = await this.underLock(async () => {
        const sig = await this.adapter.currentSig();
        let values: unknown[] | null = null;
        let external: ChangeKind | null = null;
        if (sig !== diskSig(this.adapter.disk)) {
          const read = await this.readChanges();
          const fresh = read?.doc ?? emptyDoc();
          this.stats.rebases++;
          if (fresh !== this.base) external = read?.kind ?? 'reload';
          const replay = replayOps(fresh, batch);
          snapshot = replay.doc;
          values = replay.values;
          this.base = fresh;
        }
        await this.save(this.base, snapshot, full);
        return { values, external };
      });
      this.base = snapshot;
      this.current = this.replayPending(snapshot);
      batch.forEach((p, i) => {
        const value = outcome.values ? outcome.values[i] : p.value;
        if (value instanceof Error) p.reject(value);
        else p.resolve(value);
      });
      if (outcome.external) this.emit('external', outcome.external);
      return null;
    } catch (error) {
      const failure = writeFailure(error);
      this.current = this.replayPending(this.base);
      for (const p of batch) p.reject(failure);
      this.emit('local');
      return failure;
    }
  }

  /** Rebuilds the in-memory document from `base` plus the still-queued operations, refreshing their values. */
  private replayPending(base: StoreDoc): StoreDoc {
    const replay = replayOps(base, this.pending);
    this.pending.forEach((p, i) => {
      p.value = replay.values[i];
    });
    return replay.doc;
  }

  /** Writes the change from `onDisk` to `next`: a journal append, or the whole file. Under the lock. */
  private async save(onDisk: StoreDoc, next: StoreDoc, full: boolean): Promise<void> {
    const { disk } = this.adapter;
    const journaling = disk.fileBytes > 0 && disk.fileBytes >= this.settings.journalFromBytes;
    if (!full && journaling) {
      const record = diffDocs(onDisk, next);
      if (!record) return;
      const line = recordLine(record);
      // A change touching most of the store (a restore-like operation) is cheaper as a whole file.
      if (line.length <= Math.max(disk.fileBytes / 4, 256 * 1024)) {
        await this.adapter.append(line);
        this.compactionTail?.push(line);
        this.stats.writes++;
        this.stats.appends++;
        this.scheduleCompaction();
        return;
      }
    }
    if (!full && onDisk === next && disk.journalValid === null) return;
    await this.writeDoc(next);
    await this.backUp();
  }

  /**
   * A copy of pals.json as just written, so the newest backup and the journal after it always
   * hold everything saved (a damaged pals.json then costs nothing). Under the lock; a failure
   * (a full disk) costs only that copy, never the write.
   */
  private async backUp(): Promise<void> {
    const written = this.adapter.lastWritten;
    if (!written) return;
    const policy = this.options.backupPolicy ?? DEFAULT_BACKUP_POLICY;
    await backUpWritten(this.paths, this.now(), policy, written, this.fs).catch(() => null);
  }

  private async writeDoc(doc: StoreDoc): Promise<void> {
    this.low.data = doc;
    await this.low.write();
    this.stats.writes++;
    if (this.adapter.disk.journalValid === null) this.clearCompactTimer();
  }

  /** Reads the files and remembers which versions they were. */
  private async readDisk(): Promise<StoreDoc | null> {
    await this.low.read();
    if (!this.adapter.lastRead) return null;
    this.countLoad(this.adapter.lastReadSealed);
    return this.low.data;
  }

  /** Another process's changes: only the journal's new lines when that is all it changed, else both files again. */
  private async readChanges(): Promise<{ doc: StoreDoc; kind: ChangeKind } | null> {
    this.externalReads++;
    const appended = await this.adapter.readAppended(this.base);
    if (appended) {
      if (appended.records > 0) this.stats.deltaReads++;
      return { doc: appended.doc, kind: 'delta' };
    }
    const doc = await this.readDisk();
    return doc && { doc, kind: 'reload' };
  }

  private countLoad(sealed: boolean): void {
    if (sealed) this.stats.sealedLoads++;
    else this.stats.validatedLoads++;
  }

  private scheduleCompaction(): void {
    if (this.closed || this.compaction) return;
    this.clearCompactTimer();
    const journal = this.adapter.disk.journalValid ?? 0;
    const delay = journal >= this.settings.compactAtBytes ? 0 : this.settings.compactAfterMs;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      this.compaction = this.compactInBackground().finally(() => {
        this.compaction = null;
        // Edits made while it ran are still only in the journal.
        if (this.adapter.disk.journalValid !== null) this.scheduleCompaction();
      });
    }, delay);
    this.compactTimer.unref();
  }

  private clearCompactTimer(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
  }

  /**
   * Folds the journal into pals.json without holding up edits: the snapshot is written to a
   * temp file while edits keep appending; only the rename and the new journal (holding the
   * edits made meanwhile) happen in the write queue, under the lock. Gives up quietly if
   * another process wrote meanwhile (the next write re-reads, and compaction is tried again).
   */
  private async compactInBackground(): Promise<void> {
    // Take the snapshot between writes, so it and the journal lines after it fit together exactly.
    let snapshot: StoreDoc | null = null;
    let startFileSig = '';
    let startReads = 0;
    this.chain = this.chain.then(() => {
      if (this.adapter.disk.journalValid === null) return;
      snapshot = this.base;
      startFileSig = this.adapter.disk.fileSig;
      startReads = this.externalReads;
      this.compactionTail = [];
    });
    await this.chain;
    if (snapshot === null) return;
    let prepared: SealedPrepared | null = null;
    try {
      prepared = await this.adapter.prepare(snapshot);
      const ready = prepared;
      let done = false;
      const step = this.chain.then(() =>
        this.underLock(async () => {
          // Give up if anyone else wrote, or pals.json was replaced since the snapshot (a whole-file write),
          // or we read another process's journal lines meanwhile: neither the snapshot nor the tail holds them.
          const now = await this.adapter.currentSig();
          const moved = this.adapter.disk.fileSig !== startFileSig || this.externalReads !== startReads;
          if (now !== diskSig(this.adapter.disk) || moved) return;
          await this.adapter.commit(ready, this.compactionTail ?? []);
          done = true;
          await this.backUp();
          this.stats.writes++;
          this.stats.compactions++;
        }),
      );
      // The write queue must never hold a rejected promise: later writes chain on it.
      this.chain = step.catch(() => undefined);
      await step;
      if (!done) await discardPrepared(ready, this.fs);
    } catch (error) {
      if (prepared) await discardPrepared(prepared, this.fs);
      // The journal still holds everything; report and let the next write try again.
      console.error(`could not fold the change journal into pals.json: ${describeFsError(error)}`);
    } finally {
      this.compactionTail = null;
    }
  }

  private async underLock<T>(fn: () => Promise<T>): Promise<T> {
    const release = await acquireLock(this.paths.lock, { fs: this.fs, timeoutMs: this.options.lockTimeoutMs });
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  private emit(origin: ChangeOrigin, kind: ChangeKind = 'delta'): void {
    for (const listener of this.listeners) listener(this.current, origin, kind);
  }
}

/** The error a failed write rejects with: "not saved: <why>", naming the file when a read failed. */
function writeFailure(error: unknown): PalsError {
  if (!isPalsError(error)) return new PalsError('store-write', `not saved: ${describeFsError(error)}`);
  if (error.code === 'io') return new PalsError('store-write', `not saved: ${error.message}`);
  return error;
}

/** Re-applies operations to a newer document; an operation that no longer applies yields its error. */
function replayOps(doc: StoreDoc, ops: readonly Pending[]): { doc: StoreDoc; values: unknown[] } {
  const values: unknown[] = [];
  let next = doc;
  for (const p of ops) {
    try {
      const applied = p.op(next);
      next = applied.doc;
      values.push(applied.value);
    } catch (error) {
      values.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return { doc: next, values };
}
