/**
 * The words for what opening a data folder had to repair, one rule for the CLI's warning line and
 * the app's message box: exactly what was set aside and where it is, and what was loaded, so a
 * lost line of the journal never reads as a lost store. The store reports a `Recovery`, defined here
 * so that the words, and the hosts that show them, depend on nothing else of the core.
 */

/** What the caller must tell the user after a damaged or missing file was replaced. */
export interface Recovery {
  /** Why `pals.json` could not be used. */
  readonly reason: string;
  /** Where the damaged file now is (null when it was missing). */
  readonly movedAside: string | null;
  /** The backup loaded instead (null: none was usable, the store starts empty). */
  readonly restoredFrom: string | null;
  /** Set when an older format was migrated (not a failure; a backup was taken first). */
  readonly migratedFrom?: number;
  /** Changes of the journal replayed on top of the backup (a damaged or missing file). */
  readonly journalChanges?: number;
  /**
   * Set when only part of the change journal could be used (pals.json itself was fine): how many
   * of its changes were left out (kept in the journal moved aside); `journalChanges` were applied.
   */
  readonly journalSetAside?: number;
  /**
   * Whether nothing saved was lost: the backup was the very file last written (its seal says so)
   * and the whole journal after it applied. False: changes made since the backup may be missing.
   */
  readonly complete?: boolean;
}

/** A title (the app's message box) and the facts, each a clause without its full stop. */
export interface RecoveryWords {
  readonly title: string;
  readonly parts: readonly string[];
}

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** What to tell the user about a recovery (not a migration: hosts word that as a note). */
export function recoveryWords(r: Recovery): RecoveryWords {
  if (r.journalSetAside !== undefined) {
    const n = r.journalSetAside;
    const applied = r.journalChanges ?? 0;
    return {
      title: 'Part of the change journal could not be read',
      parts: [
        r.reason,
        `${changes(n)} of the journal ${n === 1 ? 'was' : 'were'} set aside, kept in ${r.movedAside ?? 'the backups folder'}`,
        applied > 0
          ? `everything else was loaded: pals.json with the ${changes(applied)} before ${n === 1 ? 'it' : 'them'}`
          : 'everything in pals.json was loaded',
      ],
    };
  }
  const journal = r.journalChanges ? `, with the ${changes(r.journalChanges)} of the journal replayed` : '';
  const outcome = r.restoredFrom
    ? [
        `loaded the newest good backup, ${r.restoredFrom}${journal}`,
        r.complete ? 'nothing saved was lost' : 'changes saved after that backup may be missing',
      ]
    : r.journalChanges
      ? [`no good backup was found, so the store was rebuilt from the ${changes(r.journalChanges)} of the journal alone`]
      : ['no good backup was found, so the store starts empty'];
  return {
    title: 'Your data file could not be read',
    parts: [r.reason, `it was moved to ${r.movedAside ?? '(nowhere: it was missing)'}`, ...outcome],
  };
}
