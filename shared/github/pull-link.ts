/**
 * The self-assessment pull request an engagement links (`pals edit --pr`, the card dialog), and
 * applying what a sync read of it. Like the issue link, it is only ever written in one grammar.
 */
import { PalsError } from '../errors.js';
import { formatIssueRef, issueUrl, parseIssueRef } from '../issue-ref.js';
import type { Applied, AssessmentSection, Engagement, PullLink, StoreDoc } from '../schema.js';

/** The link for a typed `owner/repo#n` or pull URL; the same PR keeps what the last sync read. */
export function pullLinkFor(text: string | null, current: PullLink | null): PullLink | null {
  if (text === null) return null;
  const parsed = parseIssueRef(text);
  if ('error' in parsed) throw new PalsError('invalid-input', parsed.error, 'pr');
  const ref = { ...parsed, kind: 'pull' as const };
  const pr = formatIssueRef(ref);
  if (current && current.pr.toLowerCase() === pr.toLowerCase()) return current;
  return { pr, url: issueUrl(ref), path: null, sections: [], syncedAt: null, error: null, etag: null };
}

/** What one sync learnt about a PR: the file and its sections, or why it could not tell. */
export type PullResult =
  | {
      readonly kind: 'read';
      readonly path: string;
      readonly sections: readonly AssessmentSection[];
      readonly etag: string | null;
    }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'failed'; readonly error: string; readonly etag?: string | null };

/** Applies a PR result to engagement `id` if it still links the PR asked about (`asked`). */
export function applyPullResult(doc: StoreDoc, id: string, asked: string, result: PullResult, at: string): Applied<boolean> {
  const e = doc.engagements.find((x) => x.id === id);
  const link = e?.pr;
  if (!e || !link || link.pr !== asked) return { doc, value: false };
  let pr: PullLink;
  if (result.kind === 'read') {
    pr = { ...link, path: result.path, sections: [...result.sections], etag: result.etag, syncedAt: at, error: null };
  } else if (result.kind === 'unchanged') {
    pr = { ...link, syncedAt: at };
  } else {
    pr = { ...link, error: result.error.slice(0, 500), syncedAt: at, etag: result.etag ?? null };
  }
  const next: Engagement = { ...e, pr };
  return { doc: { ...doc, engagements: doc.engagements.map((x) => (x.id === id ? next : x)) }, value: true };
}
