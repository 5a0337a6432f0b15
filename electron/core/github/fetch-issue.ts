/** One linked issue, fetched conditionally: a 304 (no rate-limit points) means unchanged. */
import { answerIdentityProblem } from '../../../shared/github/answer-identity.js';
import type { IssueRef } from '../../../shared/issue-ref.js';
import { snapshotFromApi } from '../../../shared/github/issue.js';
import type { RateLimit } from '../../../shared/github/report.js';
import type { SyncResult } from '../../../shared/github/sync.js';
import type { GithubClient } from './client.js';
import { errorHeaders, rateLimitOf, WrongAnswerError } from './errors.js';

/** Called with the rate limit each answer states. */
export type SeeRate = (rate: RateLimit | null) => void;

/** The path of `url` under the client's API base path (`/repos/o/r/issues/1`), or null if unknown. */
export function apiPathOf(client: GithubClient, url: string | undefined): string | null {
  if (!url) return null;
  try {
    const base = new URL(client.request.endpoint.DEFAULTS.baseUrl).pathname.replace(/\/+$/, '');
    const path = new URL(url).pathname;
    return path.startsWith(base) ? path.slice(base.length) : null;
  } catch {
    return null;
  }
}

/**
 * GETs the issue with `If-None-Match`. Octokit throws on 304; that is turned into `unchanged`.
 * A transferred issue is followed only through GitHub's own redirect within the API address
 * (api-origin.ts), and the snapshot then carries the new place; an answer naming any other issue
 * is refused (WrongAnswerError: that issue fails, its link stays). Any other failure is thrown
 * for the caller to classify.
 */
export async function fetchIssue(
  client: GithubClient,
  ref: IssueRef,
  etag: string | null,
  signal: AbortSignal,
  seeRate: SeeRate,
): Promise<Extract<SyncResult, { kind: 'fetched' | 'unchanged' }>> {
  try {
    const response = await client.rest.issues.get({
      owner: ref.owner,
      repo: ref.repo,
      issue_number: ref.number,
      headers: etag ? { 'if-none-match': etag } : {},
      request: { signal },
    });
    seeRate(rateLimitOf(response.headers));
    const snapshot = snapshotFromApi(response.data);
    if ('error' in snapshot) throw new WrongAnswerError(snapshot.error);
    const problem = answerIdentityProblem(ref, snapshot.ref, apiPathOf(client, response.url));
    if (problem) throw new WrongAnswerError(problem);
    return { kind: 'fetched', snapshot, etag: response.headers.etag ?? null };
  } catch (error) {
    seeRate(rateLimitOf(errorHeaders(error)));
    if ((error as { status?: unknown }).status === 304) return { kind: 'unchanged' };
    throw error;
  }
}
