/**
 * One-time tokens for a page's first load under `pals serve`: the printed address, the file the
 * browser opener is given, and a link a signed-in page asks for (another browser). Each opens
 * once: the page trades it (`POST /session`) for this run's session token and drops it from the
 * address bar. A link asked for by a page also expires, since it may be copied around.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How many unused first-load tokens are kept; issuing more drops the oldest. */
const MAX_LIVE = 16;

/** Where a page's first load finds its token: the fragment, which the browser never sends to any server. */
export const FIRST_LOAD_PARAM = 'token';
/**
 * The path of a first-load address (the page itself): a path of its own, so opening a new
 * address in a tab already showing the board is a real page load, not a change of fragment.
 */
export const FIRST_LOAD_PATH = '/open';

/** Constant-time equality of two secrets (different lengths are simply unequal). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The unused first-load tokens of one run. */
export class FirstLoadTokens {
  private live: { readonly token: string; readonly expires: number }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A new token that opens once, within `ttlMs` (default: until used). */
  issue(ttlMs = Number.POSITIVE_INFINITY): string {
    const token = randomBytes(32).toString('base64url');
    this.live.push({ token, expires: this.now() + ttlMs });
    if (this.live.length > MAX_LIVE) this.live.shift();
    return token;
  }

  /** True (and the token is spent) when `candidate` is a live token. */
  redeem(candidate: string): boolean {
    const now = this.now();
    this.live = this.live.filter((entry) => entry.expires > now);
    // Every live token is compared, so the time taken does not say how close a guess came.
    let found = -1;
    this.live.forEach((entry, i) => {
      if (sameSecret(candidate, entry.token)) found = i;
    });
    if (found < 0) return false;
    this.live.splice(found, 1);
    return true;
  }
}

/** The address that opens the page at `origin` with a first-load token. */
export function firstLoadUrl(origin: string, token: string): string {
  return `${origin}${FIRST_LOAD_PATH}#${FIRST_LOAD_PARAM}=${token}`;
}
