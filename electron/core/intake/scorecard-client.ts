/**
 * The OpenSSF Scorecard API client: a plain GET with no credentials at all (the GitHub token
 * never goes to this host), to an address checked like the GitHub API's (https, or http to
 * 127.0.0.1 only), no redirects followed, a timeout and a size limit on the answer. A 404 means
 * the project is not scanned.
 */
import { readScorecard } from '../../../shared/intake/scorecard-answer.js';
import type { ScorecardSummary } from '../../../shared/intake/security-check-schema.js';
import { readBodyUpTo } from '../http-body.js';

/** The public Scorecard API. */
export const DEFAULT_SCORECARD_URL = 'https://api.scorecard.dev';

/** A Scorecard result is a few KB; anything past this is not one. */
const MAX_BYTES = 1024 * 1024;

/** What Scorecard said about one repository. */
export type ScorecardRead =
  | { readonly kind: 'found'; readonly summary: ScorecardSummary; readonly etag: string | null }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ScorecardOptions {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  /** The fetch to use (tests); default the global one. */
  readonly fetch?: typeof fetch;
}

/** The API address of a repository's result. */
export function scorecardUrl(baseUrl: string, owner: string, repo: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/projects/github.com/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

/** Reads a body up to MAX_BYTES, or null when it is longer. */
async function boundedText(response: Response): Promise<string | null> {
  const bytes = await readBodyUpTo(response, MAX_BYTES);
  return bytes === null ? null : Buffer.from(bytes).toString('utf8');
}

/** Asks Scorecard about `owner/repo`; `etag` makes it a conditional request. */
export async function readScorecardOf(
  options: ScorecardOptions,
  owner: string,
  repo: string,
  etag: string | undefined,
  signal: AbortSignal,
): Promise<ScorecardRead> {
  const url = scorecardUrl(options.baseUrl, owner, repo);
  const host = new URL(url).host;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  try {
    // Only these headers: no Authorization, no cookie, whatever the GitHub side uses.
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'security-pals-desk' };
    if (etag) headers['if-none-match'] = etag;
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      redirect: 'error',
      credentials: 'omit',
      signal: AbortSignal.any([signal, timeout]),
    });
    if (response.status === 304) return { kind: 'unchanged' };
    const text = await boundedText(response);
    if (response.status === 404) return { kind: 'absent' };
    if (!response.ok) return { kind: 'failed', message: `Scorecard at ${host} answered ${response.status}; try again later` };
    if (text === null) return { kind: 'failed', message: `Scorecard's answer is larger than ${MAX_BYTES / 1024} KB; it was left unread` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: 'failed', message: `Scorecard at ${host} did not answer with JSON` };
    }
    const summary = readScorecard(json);
    if ('error' in summary) return { kind: 'failed', message: summary.error };
    return { kind: 'found', summary, etag: response.headers.get('etag') };
  } catch {
    if (timeout.aborted)
      return { kind: 'failed', message: `Scorecard at ${host} did not answer within ${(options.timeoutMs ?? 10_000) / 1000} s` };
    if (signal.aborted) return { kind: 'failed', message: 'the check was stopped' };
    return { kind: 'failed', message: `cannot reach Scorecard at ${host}; check the network connection and try again` };
  }
}
