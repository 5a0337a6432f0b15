/**
 * Reads one self-assessment pull request's progress: its changed files (conditionally: an
 * unchanged PR is a 304, no rate-limit point and no store write), the self-assessment markdown
 * among them, that file at the PR's head, and which template sections it fills
 * (shared/github/assessment-progress.ts).
 */
import { assessmentProgress, pickAssessmentFile, type PullFile } from '../../../shared/github/assessment-progress.js';
import { applyPullResult, type PullResult } from '../../../shared/github/pull-link.js';
import { parseIssueRef } from '../../../shared/issue-ref.js';
import type { GithubClient } from './client.js';
import { classify, errorHeaders, rateLimitOf } from './errors.js';
import type { OneContext } from './sync-one.js';
import { engagementById } from './worth-saving.js';

/** A linked PR as the sync found it when it started. */
export interface PullTarget {
  readonly id: string;
  /** The `owner/repo#n` asked about: the result is applied only if the card still links it. */
  readonly pr: string;
}

/** The most of a self-assessment the desk reads (the contents API serves up to 1 MB raw). */
const MAX_CHARS = 1_000_000;

const NO_FILE =
  'the pull request changes no self-assessment file (a markdown file named like self-assessment.md); link the PR that adds it';

/** The `ref` a file's contents are read at: the PR head commit named in its `contents_url`. */
function refOf(file: { readonly contents_url?: string }, number: number): string {
  try {
    const ref = new URL(file.contents_url ?? '').searchParams.get('ref');
    if (ref) return ref;
  } catch {
    // No usable URL: fall back to the PR's own head ref.
  }
  return `refs/pull/${number}/head`;
}

/** Asks GitHub; resolves to the result to save, or null when nothing changed. Throws what the sync must stop for. */
async function read(ctx: OneContext, client: GithubClient, target: PullTarget, etag: string | null): Promise<PullResult | null> {
  const parsed = parseIssueRef(target.pr);
  if ('error' in parsed) return { kind: 'failed', error: `the link "${target.pr}" is not a pull request reference; link it again` };
  const where = { owner: parsed.owner, repo: parsed.repo, request: { signal: ctx.signal } };
  let files;
  try {
    files = await client.rest.pulls.listFiles({
      ...where,
      pull_number: parsed.number,
      per_page: 100,
      headers: etag ? { 'if-none-match': etag } : {},
    });
    ctx.seeRate(rateLimitOf(files.headers));
  } catch (error) {
    ctx.seeRate(rateLimitOf(errorHeaders(error)));
    if ((error as { status?: unknown }).status === 304) return null;
    throw error;
  }
  const newTag = files.headers.etag ?? null;
  const list = files.data as readonly (PullFile & { readonly contents_url?: string })[];
  const file = pickAssessmentFile(list);
  if (!file) return { kind: 'failed', error: NO_FILE, etag: newTag };
  const ref = refOf(file, parsed.number);
  const content = await client.rest.repos.getContent({ ...where, path: file.filename, ref, mediaType: { format: 'raw' } });
  ctx.seeRate(rateLimitOf(content.headers));
  const text = typeof content.data === 'string' ? content.data : '';
  return { kind: 'read', path: file.filename, sections: assessmentProgress(text.slice(0, MAX_CHARS)), etag: newTag };
}

/** Syncs one PR link; a failure is saved on the link (`pr.error`), a fatal one is thrown. */
export async function syncPull(ctx: OneContext, target: PullTarget): Promise<void> {
  const link = engagementById(ctx.store.doc, target.id)?.pr;
  if (!link || link.pr !== target.pr) return;
  // The ETag is trusted only after a good read: a PR that failed last time is asked in full.
  const etag = link.error === null && link.path !== null ? link.etag : null;
  let result: PullResult | null;
  try {
    result = await read(ctx, ctx.client, target, etag);
  } catch (error) {
    const problem = classify(error);
    if (problem.kind === 'fatal') throw error;
    const message =
      problem.kind === 'gone'
        ? `the pull request ${target.pr} is gone or private; check the link, and that the token may read it`
        : problem.message;
    result = { kind: 'failed', error: ctx.hide(message) };
  }
  if (result === null) return;
  const at = ctx.at();
  const settled = result;
  ctx.save((doc) => applyPullResult(doc, target.id, target.pr, settled, at).doc);
}
