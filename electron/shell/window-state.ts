/**
 * Remembers the main window's size and place in `window-state.json` beside the store (written
 * with the store's durable writer), and restores it only when it is still on a visible display
 * (a monitor that was unplugged must not leave the window off-screen).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileDurable } from '../core/lib/durable-write.js';
import { describeError } from './notices.js';

export interface WindowState {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** The file in a data folder (kept out of pals.json: it is per machine, not shared data). */
export function windowStateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

/** A saved state, or null when the text is not one (hand-edited, truncated, another version). */
export function parseWindowState(text: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const int = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) < 100_000;
  if (!int(v.x) || !int(v.y) || !int(v.width) || !int(v.height) || v.width < 200 || v.height < 150) return null;
  return { x: v.x, y: v.y, width: v.width, height: v.height, maximized: v.maximized === true };
}

/** Enough of the window (its top strip, where it is grabbed) lies on one of the displays' work areas. */
export function isOnVisibleDisplay(state: WindowState, workAreas: readonly Rectangle[]): boolean {
  const grab = { x: state.x, y: state.y, width: state.width, height: Math.min(state.height, 48) };
  return workAreas.some((area) => {
    const w = Math.min(grab.x + grab.width, area.x + area.width) - Math.max(grab.x, area.x);
    const h = Math.min(grab.y + grab.height, area.y + area.height) - Math.max(grab.y, area.y);
    return w >= 64 && h >= 24;
  });
}

/** The saved state if it is usable on the displays present now, else null (defaults apply). */
export async function loadWindowState(file: string, workAreas: readonly Rectangle[]): Promise<WindowState | null> {
  const state = parseWindowState(await readFile(file, 'utf8').catch(() => ''));
  return state && isOnVisibleDisplay(state, workAreas) ? state : null;
}

/** Saves the window's state once on `close`, and on `flush()` (quit); never throws. */
export function trackWindowState(win: BrowserWindow, file: string): { readonly flush: () => Promise<void> } {
  let saving: Promise<void> = Promise.resolve();
  let done = false;
  const save = (): Promise<void> => {
    if (done || win.isDestroyed()) return saving;
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: win.isMaximized() };
    saving = saving
      .then(() => writeFileDurable(file, `${JSON.stringify(state)}\n`))
      .catch((error: unknown) => {
        console.error(`could not remember the window's place: ${describeError(error)}`);
      });
    return saving;
  };
  win.on('close', () => {
    void save();
    done = true;
  });
  return {
    flush: async () => {
      await save();
      done = true;
    },
  };
}
