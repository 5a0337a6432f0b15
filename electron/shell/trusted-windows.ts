/**
 * The windows this app made, by web contents id: the only senders whose IPC calls are served
 * and the only receivers of store and menu events.
 */
import type { BrowserWindow } from 'electron';

/** A registry of our own windows; a window leaves it when it closes. */
export class TrustedWindows {
  private readonly byContentsId = new Map<number, BrowserWindow>();

  /** Trusts `win` until it is closed. */
  add(win: BrowserWindow): void {
    const id = win.webContents.id;
    this.byContentsId.set(id, win);
    win.once('closed', () => this.byContentsId.delete(id));
  }

  /** True when `webContentsId` belongs to one of our open windows. */
  has(webContentsId: number): boolean {
    const win = this.byContentsId.get(webContentsId);
    return win !== undefined && !win.isDestroyed();
  }

  /** Our open windows, oldest first. */
  all(): BrowserWindow[] {
    return [...this.byContentsId.values()].filter((win) => !win.isDestroyed());
  }

  /** Sends an event to every open window. */
  send(channel: string, payload: unknown): void {
    for (const win of this.all()) win.webContents.send(channel, payload);
  }
}
