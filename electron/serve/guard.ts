/**
 * Who may talk to `pals serve`: requests with this run's token (cookie or header), addressed to
 * the loopback host we serve (DNS rebinding), from our own origin (no other page, not even
 * another port on this machine, may drive the API from the same browser).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  readonly token: string;
  readonly port: number;
}

/** The cookie carrying the token; per port so two servers in one browser do not clash. */
export function cookieName(port: number): string {
  return `pals_token_${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** The hosts a browser may name for us; anything else is a rebinding attempt or a mistake. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Null when the Host header names us, else the reason to refuse. */
export function checkHost(req: IncomingMessage, config: GuardConfig): string | null {
  return allowedHosts(config.port).includes((req.headers.host ?? '').toLowerCase()) ? null : 'unexpected Host header';
}

/** Null when the request carries this run's token, in the cookie or the `x-pals-token` header. */
export function checkToken(req: IncomingMessage, config: GuardConfig): string | null {
  const header = req.headers['x-pals-token'];
  const fromHeader = typeof header === 'string' ? header : undefined;
  const fromCookie = cookies(req.headers.cookie).get(cookieName(config.port));
  const given = fromHeader ?? fromCookie;
  return given !== undefined && sameSecret(given, config.token) ? null : 'missing or wrong access token';
}

/** Null for a same-origin request (or one from a non-browser client without Origin/Fetch metadata). */
export function checkOrigin(req: IncomingMessage, config: GuardConfig): string | null {
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !allowedHosts(config.port)
      .map((h) => `http://${h}`)
      .includes(origin)
  )
    return 'foreign Origin';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request';
  return null;
}

/** Whether a query-string token matches (only on the first page load). */
export function tokenMatches(candidate: string | null, config: GuardConfig): boolean {
  return candidate !== null && sameSecret(candidate, config.token);
}
