/**
 * Navigation and permission guards applied to every web contents the app creates: the page can
 * never navigate away from `app://desk/`, open a window, attach a <webview>, or be granted a
 * permission (camera, notifications, clipboard read, USB...). Links that try are offered to the
 * system browser when they are http(s).
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url.js';

/** Opens a link outside the app (http(s) only; see external-links.ts). */
export type LinkOpener = (url: string) => void;

/** Guards one web contents; call from `app.on('web-contents-created')` so none escapes. */
export function guardWebContents(contents: WebContents, openLink: LinkOpener): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openLink(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Denies every permission request and check in a session: the board needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
