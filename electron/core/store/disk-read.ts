/**
 * Reading a data folder's state: `pals.json` plus the change journal replayed on top, validated
 * once as a whole. A journal that does not continue this `pals.json`, or has a damaged line, is
 * reported (with the document as far as it can be trusted) for the caller to repair.
 *
 * A `pals.json` whose bytes match their seal (seal.ts) is not validated again: it is exactly what
 * this program wrote. Journal records on top of it are: the values they bring, and the checks
 * across the whole document, are validated exactly as in a full validation.
 */
import { parseDocJson, parseDocOnTrusted, parseDocValue, type ParsedDoc } from '../../../shared/document.js';
import { isPalsError, PalsError } from '../../../shared/errors.js';
import type { Migration } from '../../../shared/migrations.js';
import { emptyDoc, SCHEMA_VERSION, type StoreDoc } from '../../../shared/schema.js';
import { baseIdOf, describeReadError, errnoCode, readWithStats, signatureOf, type Fs } from '../lib/fs.js';
import { readJournal, readJournalTail, type JournalText } from './journal-file.js';
import { parseDeferred } from './deferred-notes.js';
import { applyRecord, JournalRecordError } from './journal-record.js';
import { readSeal, sealIfCanonical, sealMatches, type Seal } from './seal.js';

/** `pals.json` as read: its bytes, signature, journal base id and size, and whether `seal` vouches for these bytes. */
export interface Snapshot {
  readonly data: Buffer;
  readonly sig: string;
  readonly base: string;
  readonly bytes: number;
  readonly sealed: boolean;
}

/** Reads `pals.json` (null when missing); the seal is checked against the very bytes read. */
export async function readSnapshot(fs: Fs, file: string, seal: Seal | null = null): Promise<Snapshot | null> {
  const read = await readWithStats(fs, file);
  if (!read) return null;
  const { data, stats } = read;
  const sealed = sealMatches(seal, data);
  return { data, sig: signatureOf(stats), base: baseIdOf(stats), bytes: stats.size, sealed };
}

/**
 * The JSON value of a snapshot, not yet validated: a sealed file with a layout leaves its notes
 * unparsed until read (deferred-notes.ts); anything else is parsed whole.
 */
function rawOf(snapshot: Snapshot, seal: Seal | null): Record<string, unknown> {
  const deferred = snapshot.sealed && seal?.layout ? parseDeferred(snapshot.data, seal.layout) : null;
  return deferred ?? parseDocJson(snapshot.data.toString('utf8'));
}

/** The files of a store: its document and its journal. */
export interface StoreFiles {
  readonly file: string;
  readonly journal: string;
}

/** What the store knows of its two files, as it last read or wrote them. */
export interface DiskInfo {
  /** Signature of `pals.json` ('missing'; 'unknown': nobody read it yet, re-read before writing). */
  readonly fileSig: string;
  /** ino:size of the journal (null: no journal file). */
  readonly journalSig: string | null;
  /** Identity of `pals.json` for a new journal's header ('missing' when absent). */
  readonly fileBase: string;
  readonly fileBytes: number;
  /** Bytes of complete journal lines (null: no journal file). */
  readonly journalValid: number | null;
}

/** The state of a folder where nothing was ever written. */
export const NO_FILES: DiskInfo = { fileSig: 'missing', journalSig: null, fileBase: 'missing', fileBytes: 0, journalValid: null };

/** One string for both files, to compare with what is on disk now (`currentSig`). */
export function diskSig(disk: DiskInfo): string {
  return storeSig(disk.fileSig, disk.journalSig);
}

/** What a read found. */
export interface StoreRead {
  /** The document (null: neither file exists). */
  readonly parsed: ParsedDoc | null;
  /** The files as read, to notice any later change by anyone. */
  readonly disk: DiskInfo;
  readonly journal: JournalText | null;
  /** Why (part of) the journal was left out; the caller should persist `parsed` and move the journal aside. */
  readonly journalProblem: string | null;
  /** Journal changes applied to `parsed`. */
  readonly journalApplied: number;
  /** Journal changes (complete lines) left out when there is a `journalProblem` (0 otherwise). */
  readonly journalSetAside: number;
  /** Whether `pals.json` matched its seal, so only the journal's changes were validated. */
  readonly sealed: boolean;
}

/** Combined signature of the two files. */
export function storeSig(fileSig: string, journalSig: string | null): string {
  return `${fileSig}|${journalSig ?? 'none'}`;
}

/** Reads and validates the store (see the file comment). Throws `store-corrupt` / `store-newer` for `pals.json` itself. */
export async function readStore(files: StoreFiles, fs: Fs, migrations?: readonly Migration[]): Promise<StoreRead> {
  const read = await readBoth(files, fs, migrations);
  const { journal, journalProblem, parsed } = read;
  const total = (journal?.records.length ?? 0) + (journal?.unread ?? 0);
  // What was applied shows in the result: every record when all went well, else as counted below.
  const applied = journalProblem === null ? (journal?.records.length ?? 0) : read.applied;
  return {
    parsed,
    disk: read.disk,
    journal,
    journalProblem,
    sealed: read.sealed,
    journalApplied: applied,
    journalSetAside: journalProblem === null ? 0 : total - applied,
  };
}

/** `readStore` before counting; `applied`: the journal changes in `parsed` when there is a problem. */
async function readBoth(
  files: StoreFiles,
  fs: Fs,
  migrations?: readonly Migration[],
): Promise<Omit<StoreRead, 'journalApplied' | 'journalSetAside'> & { applied: number }> {
  const seal = await readSeal(fs, files.file);
  // A file that cannot be read is named in the error: pals.json or its journal.
  const snapshot = await readSnapshot(fs, files.file, seal).catch(unreadable(files.file));
  const journal = await readJournal(fs, files.journal).catch(unreadable(files.journal));
  const disk: DiskInfo = {
    fileSig: snapshot?.sig ?? 'missing',
    journalSig: journal?.sig ?? null,
    fileBase: snapshot?.base ?? 'missing',
    fileBytes: snapshot?.bytes ?? 0,
    journalValid: journal?.validBytes ?? null,
  };
  if (journal?.newer != null) {
    throw new PalsError('store-newer', `its change journal was written by a newer version of Security Pals Desk (format ${journal.newer})`);
  }
  const hasRecords = journal !== null && journal.records.length > 0;
  const sealed = snapshot?.sealed ?? false;
  if (!snapshot && !hasRecords) return { parsed: null, disk, journal, journalProblem: null, sealed, applied: 0 };

  const raw = snapshot ? rawOf(snapshot, seal) : (emptyDoc() as unknown as Record<string, unknown>);
  // Sealed: the file's own values need no validation; whatever the journal brings still does.
  const alone = (): ParsedDoc => (sealed ? trustSealed(raw, migrations) : parseDocValue(raw, migrations));
  const withRecords = (value: Record<string, unknown>): ParsedDoc =>
    sealed ? parseDocOnTrusted(value, trustedValues(raw), migrations) : parseDocValue(value, migrations);
  if (!hasRecords) {
    const parsed = alone();
    // A valid file without a seal that leaves notes unparsed gets one, when it is what this program writes.
    if (snapshot && !(sealed && seal?.layout) && parsed.fromVersion === SCHEMA_VERSION) {
      await sealIfCanonical(fs, files.file, snapshot.data, parsed.doc);
    }
    return { parsed, disk, journal, journalProblem: journal?.damaged ?? null, sealed, applied: 0 };
  }
  if (!journal.bases.includes(disk.fileBase)) {
    const problem = 'the change journal does not belong to this pals.json (the file was replaced or copied)';
    return { parsed: alone(), disk, journal, journalProblem: problem, sealed, applied: 0 };
  }
  let replayed = raw;
  let problem = journal.damaged;
  let applied = journal.records.length;
  for (const [index, record] of journal.records.entries()) {
    try {
      replayed = applyRecord(replayed, record);
    } catch (error) {
      if (!(error instanceof JournalRecordError)) throw error;
      problem = `change ${index + 1} of the journal cannot be applied: ${error.message}`;
      applied = index;
      break;
    }
  }
  try {
    return { parsed: withRecords(replayed), disk, journal, journalProblem: problem, sealed, applied };
  } catch (error) {
    if (isPalsError(error) && error.code === 'store-newer') {
      // Fields of a newer version in the journal: refuse as for pals.json, and name the journal.
      alone();
      throw new PalsError('store-newer', `its change journal ${files.journal} ${error.message.replace(/^it /, '')}`);
    }
    // Blame the journal only if pals.json is fine without it.
    if (!isPalsError(error) || error.code !== 'store-corrupt') throw error;
    return {
      parsed: alone(),
      disk,
      journal,
      journalProblem: `the change journal's changes are not valid: ${error.message}`,
      sealed,
      applied: 0,
    };
  }
}

/** Turns a read failure into "cannot read FILE: why". */
function unreadable(file: string): (error: unknown) => never {
  return (error) => {
    throw new PalsError('io', `cannot read ${file}: ${describeReadError(error)}`);
  };
}

/** A sealed file's document as it is (it was written at this schema version, from a valid document). */
function trustSealed(raw: Record<string, unknown>, migrations?: readonly Migration[]): ParsedDoc {
  if (raw.schemaVersion !== SCHEMA_VERSION) return parseDocValue(raw, migrations);
  return { doc: raw as unknown as StoreDoc, fromVersion: SCHEMA_VERSION };
}

/** The values of a validated document that changes on top of it may leave in place: its top-level values and engagements. */
export function trustedValues(doc: object): Set<unknown> {
  const values: unknown[] = Object.values(doc).filter((v: unknown) => typeof v === 'object' && v !== null);
  const engagements: unknown = (doc as { engagements?: unknown }).engagements;
  if (Array.isArray(engagements)) values.push(...(engagements as unknown[]));
  return new Set(values);
}

/**
 * What another process appended to the journal since `disk`, applied to `doc` (the document
 * `disk` describes): when `pals.json` is the same file and the journal only gained records, only
 * those are read and validated, and every untouched value of `doc` stays the same object. Null
 * when anything else changed (a new `pals.json`, a new or damaged journal, a record that does not
 * apply or is not valid): the caller then reads everything again.
 */
export async function readAppended(
  files: StoreFiles,
  fs: Fs,
  disk: DiskInfo,
  doc: StoreDoc,
  migrations?: readonly Migration[],
): Promise<{ doc: StoreDoc; disk: DiskInfo; records: number } | null> {
  if (disk.fileSig === 'missing' || disk.fileSig === 'unknown') return null;
  const sameFile = async () => {
    try {
      return signatureOf(await fs.stat(files.file)) === disk.fileSig;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return false;
      throw error;
    }
  };
  if (!(await sameFile())) return null;
  const tail = await readJournalTail(fs, files.journal, { sig: disk.journalSig, validBytes: disk.journalValid ?? 0, base: disk.fileBase });
  // The journal went away: folded by someone into a new pals.json (or moved aside), read it whole.
  if (tail === 'missing') return disk.journalSig === null ? { doc, disk, records: 0 } : null;
  // A compaction in between would have marked the journal first; looking again costs one stat.
  if (tail === null || !(await sameFile())) return null;
  const next: DiskInfo = { ...disk, journalSig: tail.sig, journalValid: tail.validBytes };
  if (tail.records.length === 0) return { doc, disk: next, records: 0 };
  let replayed = doc as unknown as Record<string, unknown>;
  try {
    for (const record of tail.records) replayed = applyRecord(replayed, record);
    const parsed = parseDocOnTrusted(replayed, trustedValues(doc), migrations);
    return { doc: parsed.doc, disk: next, records: tail.records.length };
  } catch (error) {
    if (error instanceof JournalRecordError || isPalsError(error)) return null;
    throw error;
  }
}
