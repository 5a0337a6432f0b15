/**
 * Opening a data folder: load and validate `pals.json`; migrate an older format after a
 * backup; move a damaged file aside and rebuild it from the newest good backup with the change
 * journal replayed on top (a backup follows every write of `pals.json`, so the two hold
 * everything saved). A file from a newer version is refused and left exactly as it is.
 */
import { parseDocText, parseDocValue } from '../../../shared/document.js';
import { isPalsError, PalsError } from '../../../shared/errors.js';
import type { Migration } from '../../../shared/migrations.js';
import { emptyDoc, SCHEMA_VERSION, type StoreDoc } from '../../../shared/schema.js';
import type { storePaths } from '../paths.js';
import { copyToBackups, listRollingBackups, moveAside, moveJournalAside } from './backups.js';
import { NO_FILES, readStore, type DiskInfo, type StoreRead } from './disk-read.js';
import { removeOrphanTemps } from '../lib/durable-write.js';
import { describeFsError, type Fs } from '../lib/fs.js';
import type { Recovery } from '../lib/recovery-text.js';
import { readJournal, removeJournal } from './journal-file.js';
import { applyRecord } from './journal-record.js';
import { digestOf, readSeal, sealPathOf, writeSealedDoc } from './seal.js';

interface OpenContext {
  readonly fs: Fs;
  readonly migrations: readonly Migration[] | undefined;
  readonly now: Date;
  readonly lock: (path: string) => Promise<() => Promise<void>>;
}

type Paths = ReturnType<typeof storePaths>;
type Loaded =
  | { kind: 'missing' }
  | {
      kind: 'ok';
      doc: StoreDoc;
      fromVersion: number;
      disk: DiskInfo;
      journalProblem: string | null;
      journalApplied: number;
      journalSetAside: number;
      hasJournal: boolean;
      sealed: boolean;
    }
  | { kind: 'bad'; reason: string; hasJournal: boolean };

async function load(paths: Paths, ctx: OpenContext): Promise<Loaded> {
  let read: StoreRead;
  try {
    read = await readStore(paths, ctx.fs, ctx.migrations);
  } catch (error) {
    if (isPalsError(error) && error.code === 'store-corrupt') {
      const hasJournal = await ctx.fs.stat(paths.journal).then(
        () => true,
        () => false,
      );
      return { kind: 'bad', reason: error.message, hasJournal };
    }
    if (isPalsError(error) && error.code === 'store-newer') {
      throw new PalsError('store-newer', `${paths.file} cannot be opened: ${error.message}. The file was not changed.`);
    }
    if (isPalsError(error)) throw error;
    throw new PalsError('io', `cannot read ${paths.file}: ${describeFsError(error)}`);
  }
  if (!read.parsed) return { kind: 'missing' };
  return {
    kind: 'ok',
    doc: read.parsed.doc,
    fromVersion: read.parsed.fromVersion,
    disk: read.disk,
    journalProblem: read.journalProblem,
    journalApplied: read.journalApplied,
    journalSetAside: read.journalSetAside,
    hasJournal: read.journal !== null,
    sealed: read.sealed,
  };
}

/** The newest rolling backup that parses and validates (and the SHA-256 of its bytes), or null. */
async function newestGoodBackup(paths: Paths, ctx: OpenContext): Promise<{ file: string; doc: StoreDoc; sha256: string } | null> {
  for (const file of await listRollingBackups(paths, ctx.fs)) {
    try {
      const bytes = await ctx.fs.readFile(file);
      return { file, doc: parseDocText(bytes.toString('utf8'), ctx.migrations).doc, sha256: digestOf(bytes) };
    } catch {
      // A damaged backup is skipped, never deleted: the next older one may be fine.
    }
  }
  return null;
}

/**
 * The changes of the journal (up to a damaged line) applied to `doc`, validated; null when they
 * do not apply to it or do not give a valid store (the backup alone is used then).
 */
function replayJournal(doc: StoreDoc, records: readonly unknown[], ctx: OpenContext): StoreDoc | null {
  try {
    let value = doc as unknown as Record<string, unknown>;
    for (const record of records) value = applyRecord(value, record);
    return parseDocValue(value, ctx.migrations).doc;
  } catch {
    return null;
  }
}

/** What was opened: `disk` describes the files `doc` came from (null: this open rewrote them). */
export interface Opened {
  readonly doc: StoreDoc;
  readonly recovery: Recovery | null;
  readonly disk: DiskInfo | null;
  /** Whether the last read of pals.json matched its seal (its own values were not validated again). */
  readonly sealed?: boolean;
}

/** Loads the document in `paths.dir`, creating the folder; see the file comment. */
export async function openDocument(paths: Paths, ctx: OpenContext): Promise<Opened> {
  try {
    // A folder we create holds notes and reactions: the user's only (an existing one keeps its mode).
    await ctx.fs.mkdir(paths.dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new PalsError('io', `cannot create the data folder ${paths.dir}: ${describeFsError(error)}`);
  }
  await removeOrphanTemps(paths.file, ctx.fs);
  await removeOrphanTemps(paths.journal, ctx.fs);
  await removeOrphanTemps(sealPathOf(paths.file), ctx.fs);
  const first = await load(paths, ctx);
  if (first.kind === 'ok' && first.fromVersion === SCHEMA_VERSION && first.journalProblem === null) {
    return { doc: first.doc, recovery: null, disk: first.disk, sealed: first.sealed };
  }
  if (first.kind === 'missing' && (await listRollingBackups(paths, ctx.fs)).length === 0) {
    return {
      doc: emptyDoc(),
      recovery: null,
      disk: NO_FILES,
    };
  }
  // Anything else changes files: do it under the lock, and look again once we hold it.
  let release: () => Promise<void>;
  try {
    release = await ctx.lock(paths.lock);
  } catch (error) {
    if (isPalsError(error)) throw error;
    const why = first.kind === 'bad' ? `${paths.file} is damaged (${first.reason}) and ` : '';
    throw new PalsError('store-write', `${why}the data folder cannot be written: ${describeFsError(error)}`);
  }
  try {
    const now = await load(paths, ctx);
    if (now.kind === 'ok' && now.journalProblem !== null) {
      // Keep what can be trusted in pals.json, and the journal itself in backups for a person to read.
      await writeSealedDoc(ctx.fs, paths.file, now.doc);
      const aside = await moveJournalAside(paths, ctx.now, ctx.fs);
      const recovery: Recovery = {
        reason: `the change journal ${paths.journal} could not be read in full: ${now.journalProblem}`,
        movedAside: aside,
        restoredFrom: null,
        journalChanges: now.journalApplied,
        journalSetAside: now.journalSetAside,
      };
      return { doc: now.doc, recovery, disk: null, sealed: now.sealed };
    }
    if (now.kind === 'ok') {
      if (now.fromVersion === SCHEMA_VERSION) return { doc: now.doc, recovery: null, disk: now.disk, sealed: now.sealed };
      await copyToBackups(paths, `pre-migration-v${now.fromVersion}`, ctx.now, ctx.fs);
      await writeSealedDoc(ctx.fs, paths.file, now.doc);
      await removeJournal(ctx.fs, paths.journal);
      return {
        doc: now.doc,
        recovery: {
          reason: `migrated from format ${now.fromVersion}`,
          movedAside: null,
          restoredFrom: null,
          migratedFrom: now.fromVersion,
        },
        disk: null,
        sealed: false,
      };
    }
    // What this program last wrote there (the seal outlives damage to the file itself).
    const seal = await readSeal(ctx.fs, paths.file);
    const movedAside = now.kind === 'bad' ? await moveAside(paths, ctx.now, ctx.fs) : null;
    // The journal continues the file as last written: replay it on the backup of that file,
    // and keep it in backups (it no longer pairs with the rebuilt pals.json).
    const journal = now.kind === 'bad' && now.hasJournal ? await readJournal(ctx.fs, paths.journal) : null;
    if (now.kind === 'bad' && now.hasJournal) await moveJournalAside(paths, ctx.now, ctx.fs);
    const reason = now.kind === 'bad' ? `pals.json was damaged: ${now.reason}` : 'pals.json was missing';
    const backup = await newestGoodBackup(paths, ctx);
    const records = journal && journal.newer === null ? journal.records : [];
    const replayed = records.length > 0 ? replayJournal(backup?.doc ?? emptyDoc(), records, ctx) : null;
    const doc = replayed ?? backup?.doc ?? emptyDoc();
    if (backup || replayed) await writeSealedDoc(ctx.fs, paths.file, doc);
    if (!backup && !replayed && !movedAside) return { doc: emptyDoc(), recovery: null, disk: null };
    const exact = backup !== null && seal !== null && seal.sha256 === backup.sha256;
    const wholeJournal = records.length === 0 || (replayed !== null && journal?.damaged === null);
    const recovery: Recovery = {
      reason,
      movedAside,
      restoredFrom: backup?.file ?? null,
      journalChanges: replayed ? records.length : 0,
      complete: exact && wholeJournal,
    };
    return { doc, recovery, disk: null, sealed: now.kind === 'bad' ? false : undefined };
  } catch (error) {
    if (isPalsError(error)) throw error;
    throw new PalsError('store-write', `cannot repair the store in ${paths.dir}: ${describeFsError(error)}`);
  } finally {
    await release();
  }
}
