/** One linked issue, fetched conditionally: a 304 (no rate-limit points) means unchanged. */
import type { IssueRef } from '../../../shared/issue-ref.js';
import { snapshotFromApi } from '../../../shared/github/issue.js';
import type { RateLimit } from '../../../shared/github/report.js';
import type { SyncResult } from '../../../shared/github/sync.js';
import type { GithubClient } from './client.js';
import { errorHeaders, rateLimitOf } from './errors.js';

/** Called with the rate limit each answer states. */
export type SeeRate = (rate: RateLimit | null) => void;

/**
 * GETs the issue with `If-None-Match`. Octokit throws on 304; that is turned into `unchanged`.
 * Transferred issues (301) are followed by fetch; the snapshot carries the new place. Any other
 * failure is thrown for the caller to classify.
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
    if ('error' in snapshot) throw new Error(snapshot.error);
    return { kind: 'fetched', snapshot, etag: response.headers.etag ?? null };
  } catch (error) {
    seeRate(rateLimitOf(errorHeaders(error)));
    if ((error as { status?: unknown }).status === 304) return { kind: 'unchanged' };
    throw error;
  }
}
