import { describe, expect, it } from 'vitest';
import { ID_BYTES, idFromBytes } from '../../shared/ids.js';
import { randomId } from '../../renderer/src/notes/new-id.js';
import { newId } from '../../electron/core/ids.js';

describe('record ids', () => {
  it('are 8 unambiguous characters, the same shape from the core and from the note editor', () => {
    const shape = /^[a-km-np-z2-9]{8}$/;
    for (let i = 0; i < 200; i++) {
      expect(newId()).toMatch(shape);
      expect(randomId()).toMatch(shape);
    }
  });

  it('use every byte given and refuse too few', () => {
    expect(idFromBytes([0, 1, 2, 3, 4, 5, 6, 31])).toBe('abcdefg9');
    expect(idFromBytes(new Uint8Array(ID_BYTES).fill(32))).toBe('aaaaaaaa');
    expect(() => idFromBytes([1, 2, 3])).toThrow(RangeError);
  });
});
