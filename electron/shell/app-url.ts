/**
 * The app's own origin, `app://desk/`: the only place the renderer is loaded from, the only
 * origin whose frames may call the API, and the only root the protocol serves files from.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
/** Where the main window starts. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before `ready` so the scheme behaves like https (standard, secure, fetch) without
 * bypassing CSP: relative URLs and module scripts work, and the CSP still applies. `corsEnabled`
 * lets Vite's `<script type="module" crossorigin>` load in CORS mode; it opens nothing, since the
 * handler never sends Access-Control-Allow-Origin and only our own pages are ever loaded.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true, bypassCSP: false },
};

/** True only for URLs on the app origin (no credentials, no other host): the trust check for frames and navigation. */
export function isAppUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && !url.username && !url.password;
}

// The raw path as the request spelled it, before any dot-segment normalisation.
const RAW = /^app:\/\/desk(\/[^?#]*)?(?:[?#].*)?$/i;

/**
 * The file under `root` that an `app://desk/...` URL names, or null when the URL is not ours or
 * tries to leave `root` (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL). `/` is index.html.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  const match = RAW.exec(rawUrl);
  if (!match) return null;
  const segments: string[] = [];
  for (const raw of (match[1] ?? '/').split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const full = resolve(base, ...(segments.length > 0 ? segments : ['index.html']));
  const inside = relative(base, full);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return full;
}
