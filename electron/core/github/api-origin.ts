/**
 * The GitHub token goes to the configured API address and nowhere else. Every request a GitHub
 * client makes passes through `sameOriginFetch`: a URL outside the API (another scheme, host or
 * port, or a path outside an Enterprise server's `/api/v3`) is refused before anything is sent,
 * whatever produced it: a `Link: rel="next"` that Octokit's pagination would follow, a redirect,
 * a `contents_url` or `download_url` in an answer, or a future call. Redirects are never left to
 * fetch: a GET or HEAD follows at most a few, each checked the same way; a write is never
 * redirected (write-back goes to the stored link alone, never where an answer points).
 *
 * Reuse it for any request that carries the token: wrap the fetch given to Octokit (client.ts
 * does), or call `apiOrigin(url).check(target)` before a request built by hand.
 */
import { TransportError } from './errors.js';

/** Where the API lives: the origin and the path every request must stay under. */
export interface ApiOrigin {
  /** `https://api.github.com`, `https://ghe.example.com`. */
  readonly origin: string;
  /** `''` on api.github.com, `/api/v3` on an Enterprise server (no trailing slash). */
  readonly basePath: string;
  /** True when `url` is inside the API. */
  readonly allows: (url: string) => boolean;
  /** Throws TransportError('off-origin') naming `url` when it is not inside the API; `what` says who asked. */
  readonly check: (url: string, what?: string) => void;
}

/** How many redirects a GET may follow (GitHub's transfers and renames need one). */
export const MAX_REDIRECTS = 3;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A URL shortened for a message: scheme, host and path, no query (it may be long or hostile). */
function shown(url: string): string {
  try {
    const u = new URL(url);
    const text = `${u.protocol}//${u.host}${u.pathname}`;
    return text.length > 120 ? `${text.slice(0, 119)}…` : text;
  } catch {
    return JSON.stringify(url.slice(0, 80));
  }
}

/** The guard for the API at `apiUrl` (already checked by the settings: http(s), no credentials). */
export function apiOrigin(apiUrl: string): ApiOrigin {
  const base = new URL(apiUrl);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  const allows = (url: string): boolean => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.origin !== origin || u.username !== '' || u.password !== '') return false;
    return basePath === '' || u.pathname === basePath || u.pathname.startsWith(`${basePath}/`);
  };
  const check = (url: string, what = 'a next page or an address in GitHub’s answer'): void => {
    if (allows(url)) return;
    throw new TransportError(
      'off-origin',
      `${what} pointed to ${shown(url)}, outside the GitHub API address ${origin}${basePath}; the desk sends the token nowhere else, so nothing was sent there`,
    );
  };
  return { origin, basePath, allows, check };
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * `base` (fetch) limited to the API at `apiUrl`: off-origin URLs are refused unsent, redirects
 * are followed by hand and only within the API, and only for GET and HEAD (a write that GitHub
 * redirects fails, naming where it was sent). The answer's `url` is the last one asked, so a
 * caller can tell that a redirect happened (fetch-issue.ts checks a transfer with it).
 */
export function sameOriginFetch(apiUrl: string, base: typeof fetch = fetch): typeof fetch {
  const api = apiOrigin(apiUrl);
  return async (input, init = {}) => {
    let url = urlOf(input);
    api.check(url);
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    for (let hops = 0; ; hops++) {
      const response = await base(hops === 0 ? input : url, { ...init, redirect: 'manual' });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, url).href;
      api.check(next, `GitHub's redirect (${response.status}) of ${method} ${shown(url)}`);
      if (method !== 'GET' && method !== 'HEAD') {
        throw new TransportError(
          'off-origin',
          `GitHub redirected ${method} ${shown(url)} to ${shown(next)}; the desk writes only to the issue the card links, so nothing was sent there (sync again to follow a moved issue)`,
        );
      }
      if (hops >= MAX_REDIRECTS) {
        throw new TransportError(
          'off-origin',
          `GitHub redirected ${shown(urlOf(input))} more than ${MAX_REDIRECTS} times; it was not followed further`,
        );
      }
      url = next;
    }
  };
}
