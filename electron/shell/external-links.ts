/**
 * The one way a link leaves the app: http(s) URLs go to the user's browser; every other
 * scheme (javascript:, file:, data:, custom protocol handlers that launch programs) is dropped.
 */
import { isHttpUrl } from '../../shared/issue-ref.js';
import { describeError } from './notices.js';

/** Opens a URL in the system browser, as `shell.openExternal` does. */
export type OpenExternal = (url: string) => Promise<void>;

/** Hands `url` to the browser if it is http(s); true when it did. Never throws. */
export function openExternalLink(url: string, openExternal: OpenExternal): boolean {
  if (!isHttpUrl(url)) return false;
  openExternal(url).catch((error: unknown) => {
    console.error(`could not open ${url}: ${describeError(error)}`);
  });
  return true;
}
