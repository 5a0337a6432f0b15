/** What the app tells the user after opening the data folder: the CLI's facts, in a message box. */
import { describe, expect, it } from 'vitest';
import { recoveryNotice } from '../../../electron/shell/notices.js';

describe('recoveryNotice', () => {
  it('says nothing when the file opened cleanly', () => {
    expect(recoveryNotice(null)).toBeNull();
  });

  it('names the upgrade, or where the damaged file went and what was loaded instead', () => {
    expect(recoveryNotice({ reason: '', movedAside: null, restoredFrom: null, migratedFrom: 0 })?.message).toBe(
      'Your data file was upgraded',
    );
    const restored = recoveryNotice({
      reason: 'pals.json is not JSON',
      movedAside: '/d/backups/damaged-1.json',
      restoredFrom: '/d/backups/pals-2.json',
    });
    expect(restored?.message).toBe('Your data file could not be read');
    expect(restored?.detail).toContain('/d/backups/damaged-1.json');
    expect(restored?.detail).toContain('/d/backups/pals-2.json');
    expect(recoveryNotice({ reason: 'bad', movedAside: '/d/x', restoredFrom: null })?.detail).toContain('starts empty');
  });

  it('says whether anything saved was lost: the backup was the file as last written and the journal replayed whole', () => {
    const whole = { reason: 'bad', movedAside: '/d/x', restoredFrom: '/d/backups/pals-3.json', journalChanges: 4, complete: true };
    expect(recoveryNotice(whole)?.detail).toMatch(/pals-3\.json, with the 4 changes of the journal replayed\. Nothing saved was lost\./);
    expect(recoveryNotice({ ...whole, complete: false })?.detail).toMatch(/Changes saved after that backup may be missing/);
  });

  it('says what part of the journal was set aside, never that the board starts empty', () => {
    const journal = { reason: 'the change journal /d/pals.journal could not be read in full: line 9 is not valid JSON' };
    const notice = recoveryNotice({
      ...journal,
      movedAside: '/d/backups/journal-1.json',
      restoredFrom: null,
      journalChanges: 7,
      journalSetAside: 1,
    });
    expect(notice).toEqual({
      message: 'Part of the change journal could not be read',
      detail:
        'The change journal /d/pals.journal could not be read in full: line 9 is not valid JSON. 1 change of the journal was set aside, kept in /d/backups/journal-1.json. Everything else was loaded: pals.json with the 7 changes before it.',
    });
    // No backup, but the journal rebuilt the store: it does not start empty.
    const rebuilt = recoveryNotice({ reason: 'bad', movedAside: '/d/x', restoredFrom: null, journalChanges: 3 });
    expect(rebuilt?.detail).toMatch(/rebuilt from the 3 changes of the journal alone\.$/);
  });
});
