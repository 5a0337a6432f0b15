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

/** GitHub lists at most 3,000 files of a pull request: 30 pages of 100. */
export const MAX_FILE_PAGES = 30;

type FileEntry = PullFile & { readonly contents_url?: string };

const nextLink = (link: string | undefined) => /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;

/**
 * Every changed file of the PR: the first page conditionally (null on a 304: nothing changed),
 * then each page its Link names, all within the API address (api-origin.ts refuses any other).
 * The ETag is kept only for a PR whose files fit one page: a later page can change while the
 * first does not, so a longer PR is read in full each sync.
 */
async function readFiles(
  ctx: OneContext,
  client: GithubClient,
  where: { owner: string; repo: string; pull_number: number },
  etag: string | null,
): Promise<{ readonly files: readonly FileEntry[]; readonly etag: string | null } | null> {
  let first;
  try {
    first = await client.rest.pulls.listFiles({
      ...where,
      per_page: 100,
      headers: etag ? { 'if-none-match': etag } : {},
      request: { signal: ctx.signal },
    });
    ctx.seeRate(rateLimitOf(first.headers));
  } catch (error) {
    ctx.seeRate(rateLimitOf(errorHeaders(error)));
    if ((error as { status?: unknown }).status === 304) return null;
    throw error;
  }
  const files = [...(first.data as readonly FileEntry[])];
  let next = nextLink(first.headers.link);
  for (let pages = 1; next !== null && pages < MAX_FILE_PAGES; pages++) {
    const page = await client.request({ method: 'GET', url: next, request: { signal: ctx.signal } });
    ctx.seeRate(rateLimitOf(page.headers));
    files.push(...(page.data as readonly FileEntry[]));
    next = nextLink(page.headers.link);
  }
  const single = nextLink(first.headers.link) === null;
  return { files, etag: single ? (first.headers.etag ?? null) : null };
}

/** Asks GitHub; resolves to the result to save, or null when nothing changed. Throws what the sync must stop for. */
async function read(ctx: OneContext, client: GithubClient, target: PullTarget, etag: string | null): Promise<PullResult | null> {
  const parsed = parseIssueRef(target.pr);
  if ('error' in parsed) return { kind: 'failed', error: `the link "${target.pr}" is not a pull request reference; link it again` };
  const where = { owner: parsed.owner, repo: parsed.repo, request: { signal: ctx.signal } };
  const listed = await readFiles(ctx, client, { owner: parsed.owner, repo: parsed.repo, pull_number: parsed.number }, etag);
  if (listed === null) return null;
  const newTag = listed.etag;
  const list = listed.files;
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
