import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers.js';

const state = vi.hoisted(() => ({
  savePath: null as string | null,
  windows: [] as {
    options: { webPreferences: Record<string, unknown>; show: boolean };
    loaded: string;
    loads: string[];
    destroyed: boolean;
  }[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded = '';
    destroyed = false;
    webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      printToPDF: () => Promise.resolve(Buffer.from('%PDF-1.7 fake')),
      capturePage: (rect: { width: number; height: number }) =>
        Promise.resolve({
          resize: (size: { width: number; height: number }) => ({
            toPNG: () => Buffer.from(`PNG ${rect.width}x${rect.height} as ${size.width}x${size.height} of ${this.loaded.length}`),
          }),
        }),
    };
    loads: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown>; show: boolean }) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      this.loads.push(url);
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

  it('pictures each slide page at 1280×720 in one hidden sandboxed window with JavaScript off, and closes it', async () => {
    const pages = ['<!doctype html><section>1</section>', '<!doctype html><section>2</section>'];
    const shots = await desktopExportPlatform(() => undefined).pictureSlides!(pages);
    expect(
      shots.map((b) =>
        Buffer.from(b)
          .toString()
          .replace(/ of \d+$/, ''),
      ),
    ).toEqual(['PNG 1280x720 as 1280x720', 'PNG 1280x720 as 1280x720']);
    expect(state.windows).toHaveLength(1);
    const [win] = state.windows;
    expect(win?.options).toMatchObject({ show: false, width: 1280, height: 720 });
    expect(win?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(win?.loads.map((u) => decodeURIComponent(u.replace(/^data:text\/html;charset=utf-8,/, '')))).toEqual(pages);
    expect(win?.destroyed).toBe(true);
  });
});
