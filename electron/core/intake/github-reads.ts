/**
 * The GitHub half of a security check, through the desk's GitHub client (the token goes to the
 * GitHub API address only): the project's SECURITY.md at the root, in `.github/` or in `docs/`,
 * and a published self-assessment in cncf/tag-security. Each file is one contents-API request; a
 * 404 is an answer ("not there"), a file read before is asked about with its ETag (an unchanged
 * one is a free 304).
 */
import type { SecurityEvidence } from '../../../shared/intake/security-check-schema.js';
import type { GithubClient } from '../github/client.js';
import { classify, errorHeaders, rateLimitOf } from '../github/errors.js';
import type { RateLimit } from '../../../shared/github/report.js';

/** Where GitHub shows a security policy, in the order it looks. */
export const POLICY_PATHS = ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md'] as const;

/** Where TAG Security publishes self-assessments. */
export const ASSESSMENTS = { owner: 'cncf', repo: 'tag-security', folder: 'community/assessments/projects' } as const;
const ASSESSMENTS_PAGE = `https://github.com/${ASSESSMENTS.owner}/${ASSESSMENTS.repo}/tree/main/${ASSESSMENTS.folder}`;

/** What every read of one run shares: the client, a way to stop the rest, the rate limit seen. */
export interface ReadContext {
  readonly client: GithubClient;
  readonly signal: AbortSignal;
  /** Set by the first failure that stops every further GitHub read (offline, token refused, limit used up). */
  stopped: string | null;
  rate: RateLimit | null;
  /** Hides the token in messages. */
  readonly hide: (text: string) => string;
}

/** One file's answer. */
type FileRead =
  | { readonly kind: 'found'; readonly url: string | null; readonly etag: string | null }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'failed'; readonly message: string };

function seeRate(ctx: ReadContext, headers: Record<string, string | number | undefined> | undefined): void {
  const rate = rateLimitOf(headers);
  if (rate) ctx.rate = rate;
}

/** Asks for one file (its metadata: the HTML link, not the bytes). */
async function readFile(ctx: ReadContext, owner: string, repo: string, path: string, etag: string | undefined): Promise<FileRead> {
  if (ctx.stopped !== null) return { kind: 'failed', message: ctx.stopped };
  try {
    const answer = await ctx.client.rest.repos.getContent({
      owner,
      repo,
      path,
      headers: etag ? { 'if-none-match': etag } : {},
      request: { signal: ctx.signal },
    });
    seeRate(ctx, answer.headers);
    const data = answer.data as { readonly type?: unknown; readonly html_url?: unknown };
    // A folder of that name (an array) is no policy file.
    if (Array.isArray(data) || data.type !== 'file') return { kind: 'absent' };
    const url = typeof data.html_url === 'string' && /^https?:\/\//i.test(data.html_url) ? data.html_url : null;
    return { kind: 'found', url, etag: answer.headers.etag ?? null };
  } catch (error) {
    seeRate(ctx, errorHeaders(error));
    const problem = classify(error);
    if (problem.kind === 'not-modified') return { kind: 'unchanged' };
    if (problem.kind === 'gone') return { kind: 'absent' };
    const message = ctx.hide(problem.message);
    if (problem.kind === 'fatal') ctx.stopped ??= message;
    return { kind: 'failed', message };
  }
}

/** The key an ETag is kept under. */
const etagKey = (owner: string, repo: string, path: string) => `${owner}/${repo}/${path}`.slice(0, 300);

/** What one source said, and the ETags worth keeping. */
export interface SourceRead {
  readonly evidence: SecurityEvidence;
  readonly etags: Readonly<Record<string, string>>;
}

/** Reads the first of the files at `paths` that exists; `previous` supplies the link of an unchanged (304) one. */
async function firstFile(
  ctx: ReadContext,
  owner: string,
  repo: string,
  paths: readonly string[],
  etags: Readonly<Record<string, string>>,
  previous: SecurityEvidence | null,
): Promise<{ readonly path: string; readonly read: FileRead } | { readonly failed: string } | null> {
  for (const path of paths) {
    const read = await readFile(ctx, owner, repo, path, etags[etagKey(owner, repo, path)]);
    if (read.kind === 'failed') return { failed: read.message };
    if (read.kind === 'unchanged')
      return { path, read: { kind: 'found', url: previous?.url ?? null, etag: etags[etagKey(owner, repo, path)] ?? null } };
    if (read.kind === 'found') return { path, read };
  }
  return null;
}

/** The project's security policy. */
export async function readPolicy(
  ctx: ReadContext,
  where: { readonly owner: string; readonly repo: string },
  etags: Readonly<Record<string, string>>,
  previous: SecurityEvidence | null,
): Promise<SourceRead> {
  const { owner, repo } = where;
  const home = `https://github.com/${owner}/${repo}`;
  const hit = await firstFile(ctx, owner, repo, POLICY_PATHS, etags, previous);
  if (hit === null) {
    return {
      evidence: { kind: 'policy', url: home, found: false, failed: false, detail: 'no SECURITY.md at the root, in .github/ or in docs/' },
      etags: {},
    };
  }
  if ('failed' in hit) {
    return {
      evidence: { kind: 'policy', url: home, found: false, failed: true, detail: `could not read the security policy: ${hit.failed}` },
      etags: {},
    };
  }
  const etag = hit.read.kind === 'found' ? hit.read.etag : null;
  return {
    evidence: {
      kind: 'policy',
      url: hit.read.kind === 'found' ? (hit.read.url ?? home) : home,
      found: true,
      failed: false,
      detail: `${hit.path} found`,
    },
    etags: etag ? { [etagKey(owner, repo, hit.path)]: etag } : {},
  };
}

/** A published TAG Security self-assessment, in the first of `folders` that has one. */
export async function readSelfAssessment(
  ctx: ReadContext,
  folders: readonly string[],
  etags: Readonly<Record<string, string>>,
  previous: SecurityEvidence | null,
): Promise<SourceRead> {
  const { owner, repo, folder } = ASSESSMENTS;
  const paths = folders.map((f) => `${folder}/${f}/self-assessment.md`);
  const tried = folders.join(', ');
  const hit = await firstFile(ctx, owner, repo, paths, etags, previous);
  if (hit === null) {
    return {
      evidence: {
        kind: 'self-assessment',
        url: ASSESSMENTS_PAGE,
        found: false,
        failed: false,
        detail: `no self-assessment.md in ${owner}/${repo} ${folder}/ under the folder name${folders.length === 1 ? '' : 's'} tried: ${tried}`,
      },
      etags: {},
    };
  }
  if ('failed' in hit) {
    return {
      evidence: {
        kind: 'self-assessment',
        url: ASSESSMENTS_PAGE,
        found: false,
        failed: true,
        detail: `could not read ${owner}/${repo} (tried ${tried}): ${hit.failed}`,
      },
      etags: {},
    };
  }
  const etag = hit.read.kind === 'found' ? hit.read.etag : null;
  const name = hit.path.slice(folder.length + 1).split('/')[0] ?? '';
  const upTo = folders.slice(0, folders.indexOf(name) + 1).join(', ');
  return {
    evidence: {
      kind: 'self-assessment',
      url: hit.read.kind === 'found' ? (hit.read.url ?? ASSESSMENTS_PAGE) : ASSESSMENTS_PAGE,
      found: true,
      failed: false,
      detail: `published in ${owner}/${repo} ${folder}/${name}/ (folder names tried: ${upTo})`,
    },
    etags: etag ? { [etagKey(owner, repo, hit.path)]: etag } : {},
  };
}
