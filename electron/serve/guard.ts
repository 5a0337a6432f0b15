/**
 * Who may talk to `pals serve`: requests addressed to the loopback host we serve (DNS
 * rebinding), and for the API, carrying this run's session token in the `x-pals-token` header
 * and coming from our own origin. No cookie is ever read: a browser sends a 127.0.0.1 cookie to
 * every port of the machine, so any other local server the user visits would receive it. A
 * header is sent only by script on our own origin, which holds the token in its own storage
 * (per origin, port included).
 */
import type { IncomingMessage } from 'node:http';
import { sameSecret } from './first-load.js';

export interface GuardConfig {
  readonly token: string;
  readonly port: number;
}

/** The header carrying the session token. */
export const TOKEN_HEADER = 'x-pals-token';

/** The hosts a browser may name for us; anything else is a rebinding attempt or a mistake. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Null when the Host header names us, else the reason to refuse. */
export function checkHost(req: IncomingMessage, config: GuardConfig): string | null {
  return allowedHosts(config.port).includes((req.headers.host ?? '').toLowerCase()) ? null : 'unexpected Host header';
}

/** Null when the request carries this run's session token in the `x-pals-token` header. */
export function checkToken(req: IncomingMessage, config: GuardConfig): string | null {
  const given = req.headers[TOKEN_HEADER];
  return typeof given === 'string' && sameSecret(given, config.token) ? null : 'missing or wrong access token';
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
