/**
 * The desktop app's side of exporting: a native save dialog, and PDF printing in a hidden,
 * sandboxed window with JavaScript off that loads only the deck's own HTML (from a data: URL,
 * so nothing on disk or the network is reachable; the deck's CSP forbids any load anyway).
 */
import { BrowserWindow, dialog } from 'electron';
import { extname } from 'node:path';
import type { ExportPlatform } from '../core/context.js';
import { writeFileDurable } from '../core/store/durable-write.js';
import { guardWebContents } from './guards.js';

const FILTERS: Readonly<Record<string, Electron.FileFilter>> = {
  '.md': { name: 'Markdown (Marp)', extensions: ['md'] },
  '.html': { name: 'Web page', extensions: ['html'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
};

/** The platform for the export handlers, attached to the window that asked. */
export function desktopExportPlatform(parent: () => BrowserWindow | undefined): ExportPlatform {
  return {
    saveFile: async (suggestedName, data) => {
      const filter = FILTERS[extname(suggestedName)];
      const owner = parent();
      const options: Electron.SaveDialogOptions = { defaultPath: suggestedName, filters: filter ? [filter] : [] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // Exports carry reactions, hours and notes: readable by the user only.
      await writeFileDurable(result.filePath, data, { mode: 0o600 });
      return result.filePath;
    },
    printToPdf: async (html) => {
      // Auxclick (middle-click opening a window) needs a link and a click: this window is hidden,
      // runs no JavaScript, and guardWebContents denies every new window anyway.
      const win = /* eng-disable AUXCLICK_JS_CHECK */ new BrowserWindow({
        show: false,
        width: 1280,
        height: 720,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webviewTag: false,
          webSecurity: true,
        },
      });
      // The deck holds no live links (scripts are off), but a stray navigation is still refused.
      guardWebContents(win.webContents, () => undefined);
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await win.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
    },
  };
}
