import { describe, expect, it } from 'vitest';
import { notSavedText } from '../../renderer/src/feedback/not-saved.js';
import { saveStateText } from '../../renderer/src/notes/use-autosave.js';

describe('"Not saved: <why>"', () => {
  it('says "not saved" once when the core already did (a full disk)', () => {
    expect(notSavedText('not saved: the disk is full')).toBe('Not saved: the disk is full');
    expect(saveStateText({ kind: 'failed', message: 'not saved: the disk is full' })).toBe('Not saved: the disk is full');
    expect(notSavedText('the core is not reachable')).toBe('Not saved: the core is not reachable');
  });
});
