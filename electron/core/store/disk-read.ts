/**
 * Reading a data folder's state: `pals.json` plus the change journal replayed on top, validated
 * once as a whole. A journal that does not continue this `pals.json`, or has a damaged line, is
 * reported (with the document as far as it can be trusted) for the caller to repair.
 */
import { parseDocJson, parseDocValue, type ParsedDoc } from '../../../shared/document.js';
import { isPalsError, PalsError } from '../../../shared/errors.js';
import type { Migration } from '../../../shared/migrations.js';
import { emptyDoc } from '../../../shared/schema.js';
import { readSnapshot, type Fs } from './fs.js';
import { readJournal, type JournalText } from './journal-file.js';
import { applyRecord, JournalRecordError } from './journal-record.js';

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
}

/** Combined signature of the two files. */
export function storeSig(fileSig: string, journalSig: string | null): string {
  return `${fileSig}|${journalSig ?? 'none'}`;
}

/** Reads and validates the store (see the file comment). Throws `store-corrupt` / `store-newer` for `pals.json` itself. */
export async function readStore(files: StoreFiles, fs: Fs, migrations?: readonly Migration[]): Promise<StoreRead> {
  const snapshot = await readSnapshot(fs, files.file);
  const journal = await readJournal(fs, files.journal);
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
  if (!snapshot && !hasRecords) return { parsed: null, disk, journal, journalProblem: null };

  const raw = snapshot ? parseDocJson(snapshot.text) : (emptyDoc() as unknown as Record<string, unknown>);
  if (!hasRecords) return { parsed: parseDocValue(raw, migrations), disk, journal, journalProblem: journal?.damaged ?? null };
  if (!journal.bases.includes(disk.fileBase)) {
    const problem = 'the change journal does not belong to this pals.json (the file was replaced or copied)';
    return { parsed: parseDocValue(raw, migrations), disk, journal, journalProblem: problem };
  }
  let replayed = raw;
  let problem = journal.damaged;
  for (const [index, record] of journal.records.entries()) {
    try {
      replayed = applyRecord(replayed, record);
    } catch (error) {
      if (!(error instanceof JournalRecordError)) throw error;
      problem = `change ${index + 1} of the journal cannot be applied: ${error.message}`;
      break;
    }
  }
  try {
    return { parsed: parseDocValue(replayed, migrations), disk, journal, journalProblem: problem };
  } catch (error) {
    // Blame the journal only if pals.json is fine without it.
    if (!isPalsError(error) || error.code !== 'store-corrupt') throw error;
    const alone = parseDocValue(raw, migrations);
    return {
      parsed: alone,
      disk,
      journal,
      journalProblem: `the change journal's changes are not valid: ${error.message}`,
    };
  }
}
