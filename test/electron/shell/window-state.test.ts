/** Remembered window places: parsing, the visible-display rule, and a save/load round trip. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOnVisibleDisplay, loadWindowState, parseWindowState, windowStateFile } from '../../../electron/shell/window-state.js';

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
const state = { x: 100, y: 80, width: 1200, height: 800, maximized: false };

describe('window state', () => {
  it('parses only well-formed states', () => {
    expect(parseWindowState(JSON.stringify(state))).toEqual(state);
    expect(parseWindowState(JSON.stringify({ ...state, maximized: 'yes' }))).toEqual(state);
    for (const bad of [
      '',
      '{',
      'null',
      '[]',
      '{"x":1}',
      JSON.stringify({ ...state, width: 10 }),
      JSON.stringify({ ...state, x: 1.5 }),
      JSON.stringify({ ...state, y: 1e9 }),
    ])
      expect(parseWindowState(bad)).toBeNull();
  });

  it('restores a place only when its title strip is on a display', () => {
    expect(isOnVisibleDisplay(state, laptop)).toBe(true);
    expect(isOnVisibleDisplay({ ...state, x: 2000 }, laptop)).toBe(false); // the monitor on the right was unplugged
    expect(isOnVisibleDisplay({ ...state, y: -790 }, laptop)).toBe(false); // title bar above the screen
    expect(isOnVisibleDisplay({ ...state, x: 2000 }, [...laptop, { x: 1440, y: 0, width: 2560, height: 1440 }])).toBe(true);
  });

  it('loads what was saved, and nothing from a missing, bad or off-screen file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pals-window-'));
    try {
      const file = windowStateFile(dir);
      expect(await loadWindowState(file, laptop)).toBeNull();
      await writeFile(file, JSON.stringify(state));
      expect(await loadWindowState(file, laptop)).toEqual(state);
      expect(await loadWindowState(file, [{ x: 5000, y: 0, width: 800, height: 600 }])).toBeNull();
      await writeFile(file, 'garbage');
      expect(await loadWindowState(file, laptop)).toBeNull();
      expect(await readFile(file, 'utf8')).toBe('garbage'); // never rewritten by loading
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
