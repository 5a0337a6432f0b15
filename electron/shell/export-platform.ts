/**
 * The desktop app's side of exporting: native save and open dialogs (exports, backups, restore),
 * and PDF printing in a hidden, sandboxed window with JavaScript off that loads only the deck's
 * own HTML (from a data: URL, so nothing on disk or the network is reachable; the deck's CSP
 * forbids any load anyway).
 */
import { BrowserWindow, dialog } from 'electron';
import { extname } from 'node:path';
import type { ExportPlatform } from '../core/open-core.js';
import { writeFileDurable } from '../core/lib/durable-write.js';
import { guardWebContents } from './guards.js';

const FILTERS: Readonly<Record<string, Electron.FileFilter>> = {
  '.md': { name: 'Markdown (Marp)', extensions: ['md'] },
  '.html': { name: 'Web page', extensions: ['html'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.json': { name: 'Security Pals Desk backup', extensions: ['json'] },
  '.ics': { name: 'Calendar (iCalendar)', extensions: ['ics'] },
};

/**
 * A hidden 1280×720 window for one deck page: sandboxed, JavaScript off, no webviews, and guarded
 * so a stray navigation or new window is refused (the deck holds no live links, scripts are off).
 * Auxclick (middle-click opening a window) needs a link and a click: this window is hidden, runs
 * no JavaScript, and guardWebContents denies every new window anyway.
 */
function hiddenDeckWindow(extra: { readonly useContentSize?: true; readonly offscreen?: false }): BrowserWindow {
  const win = /* eng-disable AUXCLICK_JS_CHECK */ new BrowserWindow({
    show: false,
    width: 1280,
    height: 720,
    ...(extra.useContentSize ? { useContentSize: true } : {}),
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      webSecurity: true,
      ...(extra.offscreen === false ? { offscreen: false } : {}),
    },
  });
  guardWebContents(win.webContents, () => undefined);
  return win;
}

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
    openFile: async (title, filters) => {
      const owner = parent();
      const options: Electron.OpenDialogOptions = {
        title,
        properties: ['openFile'],
        filters: [...filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })), { name: 'All files', extensions: ['*'] }],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pictureSlides: async (pages) => {
      // Each slide page alone in a hidden 1280×720 window like the PDF's (sandboxed, no JavaScript,
      // nothing but the page's own inline data), photographed once it has loaded: the PPTX's slides.
      const win = hiddenDeckWindow({ useContentSize: true, offscreen: false });
      try {
        const shots: Uint8Array[] = [];
        for (const page of pages) {
          await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
          const image = await win.webContents.capturePage({ x: 0, y: 0, width: 1280, height: 720 });
          shots.push(new Uint8Array(image.resize({ width: 1280, height: 720 }).toPNG()));
        }
        return shots;
      } finally {
        win.destroy();
      }
    },
    printToPdf: async (html) => {
      const win = hiddenDeckWindow({});
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
