import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers.js';

const state = vi.hoisted(() => ({
  savePath: null as string | null,
  windows: [] as { options: { webPreferences: Record<string, unknown>; show: boolean }; loaded: string; destroyed: boolean }[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded = '';
    destroyed = false;
    webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7 fake')),
    };
    constructor(readonly options: { webPreferences: Record<string, unknown>; show: boolean }) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    dialog: {
      showSaveDialog: () =>
        Promise.resolve(state.savePath ? { canceled: false, filePath: state.savePath } : { canceled: true, filePath: '' }),
    },
  };
});

const { desktopExportPlatform } = await import('../../../electron/shell/export-platform.js');

describe('desktop export platform', () => {
  beforeEach(() => {
    state.savePath = null;
    state.windows.length = 0;
  });

  it('writes where the save dialog says, and nothing when it is cancelled', async () => {
    const platform = desktopExportPlatform(() => undefined);
    expect(await platform.saveFile('deck.md', 'content')).toBeNull();
    state.savePath = join(await tempDir(), 'chosen.md');
    expect(await platform.saveFile('deck.md', '# deck')).toBe(state.savePath);
    expect(await readFile(state.savePath, 'utf8')).toBe('# deck');
  });

  it('prints in a hidden sandboxed window with JavaScript off, and closes it', async () => {
    const pdf = await desktopExportPlatform(() => undefined).printToPdf('<!doctype html><p>deck</p>');
    expect(Buffer.from(pdf).toString()).toMatch(/^%PDF/);
    const [win] = state.windows;
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(win?.loaded).toMatch(/^data:text\/html;charset=utf-8,/);
    expect(win?.destroyed).toBe(true);
  });
});
