/**
 * The engagement store: one JSON document per data folder, on lowdb with a durable adapter.
 *
 * - `update(op)` applies a pure operation in memory at once and resolves when it is on disk.
 *   Operations that arrive while a write is running share the next write (group commit).
 * - Every write happens under the folder's lock; if another process changed the file since we
 *   last saw it, we load its version and replay our pending operations on top, so neither
 *   side's update is lost.
 * - A failed write rejects the operations it carried and drops them from memory: what the
 *   store shows is always what is on disk plus what is still being written.
 */
import { Low } from 'lowdb';
import type { Applied } from '../../shared/engagements.js';
import { isPalsError, PalsError } from '../../shared/errors.js';
import type { Migration } from '../../shared/migrations.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { storePaths } from '../paths.js';
import { DurableJsonAdapter } from './adapter.js';
import { copyToBackups, DEFAULT_BACKUP_POLICY, rollBackup, type BackupPolicy } from './backups.js';
import { describeFsError, errnoCode, nodeFs, signatureOf, type Fs } from './fs.js';
import { acquireLock } from './lock.js';
import { openDocument, type Recovery } from './open.js';

export type { Recovery } from './open.js';

export interface StoreOptions {
  readonly fs?: Fs;
  readonly migrations?: readonly Migration[];
  readonly backupPolicy?: BackupPolicy;
  readonly lockTimeoutMs?: number;
  readonly clock?: () => Date;
}

type Op<T> = (doc: StoreDoc) => Applied<T>;

interface Pending {
  readonly op: Op<unknown>;
  /** The value from applying `op` to the in-memory document (updated when it is replayed). */
  value: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Who changed the document: this process, or another one (seen on the next write or refresh). */
export type ChangeOrigin = 'local' | 'external';
export type ChangeListener = (doc: StoreDoc, origin: ChangeOrigin) => void;

export class PalsStore {
  readonly paths: ReturnType<typeof storePaths>;
  /** Figures for the benchmark and tests. */
  readonly stats = { writes: 0, rebases: 0 };
  private base: StoreDoc;
  private current: StoreDoc;
  private pending: Pending[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private diskSig: string;
  private readonly listeners = new Set<ChangeListener>();
  private readonly low: Low<StoreDoc>;
  private readonly adapter: DurableJsonAdapter;

  private constructor(
    dir: string,
    doc: StoreDoc,
    diskSig: string,
    private readonly fs: Fs,
    private readonly options: StoreOptions,
  ) {
    this.paths = storePaths(dir);
    this.adapter = new DurableJsonAdapter(this.paths.file, fs, options.migrations);
    this.low = new Low(this.adapter, emptyDoc());
    this.low.data = doc;
    this.base = doc;
    this.current = doc;
    this.diskSig = diskSig;
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
    // "unknown" makes the first write re-read the file under the lock, which is always safe.
    const store = new PalsStore(dir, opened.doc, opened.sig ?? 'unknown', fs, options);
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
      this.chain = this.chain.then(() => this.writePending());
      await this.chain;
    }
    await this.chain;
  }

  /** Reloads if another process changed the file; true when something changed. */
  async refresh(): Promise<boolean> {
    await this.flush();
    if ((await signature(this.fs, this.paths.file)) === this.diskSig) return false;
    const doc = await this.readDisk();
    if (!doc) return false;
    this.base = doc;
    this.current = doc;
    this.emit('external');
    return true;
  }

  /** Replaces the whole document (restore), after copying the current file into backups. */
  async replace(doc: StoreDoc, backupPrefix: string): Promise<string | null> {
    await this.flush();
    return this.underLock(async () => {
      let copied: string | null = null;
      try {
        copied = await copyToBackups(this.paths, backupPrefix, this.now(), this.fs);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
      await this.writeDoc(doc);
      this.base = doc;
      this.current = doc;
      this.emit('local');
      return copied;
    });
  }

  /** Flushes pending writes; call before the process exits. */
  async close(): Promise<void> {
    await this.flush();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      if (!this.scheduled) return;
      this.scheduled = false;
      this.chain = this.chain.then(() => this.writePending());
    });
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  private async writePending(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    let snapshot = this.current;
    try {
      const outcome = await this.underLock(async () => {
        const sig = await signature(this.fs, this.paths.file);
        let values: unknown[] | null = null;
        let external = false;
        if (sig !== this.diskSig) {
          const fresh = (await this.readDisk()) ?? emptyDoc();
          this.stats.rebases++;
          external = true;
          const replay = replayOps(fresh, batch);
          snapshot = replay.doc;
          values = replay.values;
          this.base = fresh;
        }
        await rollBackup(this.paths, this.now(), this.options.backupPolicy ?? DEFAULT_BACKUP_POLICY, this.fs).catch(() => null);
        await this.writeDoc(snapshot);
        return { values, external };
      });
      this.base = snapshot;
      this.current = this.replayPending(snapshot);
      batch.forEach((p, i) => {
        const value = outcome.values ? outcome.values[i] : p.value;
        if (value instanceof Error) p.reject(value);
        else p.resolve(value);
      });
      if (outcome.external) this.emit('external');
    } catch (error) {
      const failure = isPalsError(error) ? error : new PalsError('store-write', `not saved: ${describeFsError(error)}`);
      this.current = this.replayPending(this.base);
      for (const p of batch) p.reject(failure);
      this.emit('local');
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

  private async writeDoc(doc: StoreDoc): Promise<void> {
    this.low.data = doc;
    await this.low.write();
    this.stats.writes++;
    this.diskSig = await signature(this.fs, this.paths.file);
  }

  /** Reads the file and remembers which version it was. */
  private async readDisk(): Promise<StoreDoc | null> {
    await this.low.read();
    this.diskSig = this.adapter.lastSig;
    return this.adapter.lastRead ? this.low.data : null;
  }

  private async underLock<T>(fn: () => Promise<T>): Promise<T> {
    const release = await acquireLock(this.paths.lock, { fs: this.fs, timeoutMs: this.options.lockTimeoutMs });
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  private emit(origin: ChangeOrigin): void {
    for (const listener of this.listeners) listener(this.current, origin);
  }
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

/** Identity of the file on disk: every durable write renames a new inode into place. */
async function signature(fs: Fs, file: string): Promise<string> {
  try {
    return signatureOf(await fs.stat(file));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
}
