/**
 * What the desk keeps of a GitHub issue or pull request, read from the REST API's issue shape
 * (`GET /repos/{owner}/{repo}/issues/{n}`, list and search items). Validated here, so a strange
 * answer is an error value rather than a broken document.
 */
import { z } from 'zod';
import { formatIssueRef, issueUrl, parseIssueRef, type IssueRef } from '../issue-ref.js';

/** The fields of one issue as the last sync saw them. */
export interface IssueSnapshot {
  /** Where the issue lives now (differs from the link after a transfer or a repository rename). */
  readonly ref: IssueRef;
  readonly state: 'open' | 'closed';
  readonly title: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
  readonly milestone: string | null;
  readonly comments: number;
  readonly updatedAt: string;
}

const ApiIssueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().optional() })])),
  assignees: z
    .array(z.object({ login: z.string() }))
    .nullable()
    .optional(),
  milestone: z.object({ title: z.string() }).nullable().optional(),
  comments: z.number().int().nonnegative(),
  updated_at: z.string(),
  repository_url: z.string(),
  pull_request: z.object({}).nullable().optional(),
});

const REPO_PATH = /\/repos\/([^/]+)\/([^/]+)\/?$/;

/** Turns an API issue payload into a snapshot, or an error message. */
export function snapshotFromApi(data: unknown): IssueSnapshot | { error: string } {
  const parsed = ApiIssueSchema.safeParse(data);
  if (!parsed.success) return { error: 'GitHub sent an answer that is not an issue' };
  const d = parsed.data;
  const repo = REPO_PATH.exec(d.repository_url);
  if (!repo) return { error: 'GitHub sent an issue without its repository' };
  let owner: string;
  let name: string;
  try {
    [owner, name] = [decodeURIComponent(repo[1]!), decodeURIComponent(repo[2]!)];
  } catch {
    return { error: 'GitHub sent an issue whose repository is not a valid name' };
  }
  const ref: IssueRef = { owner, repo: name, number: d.number, kind: d.pull_request ? 'pull' : 'issue' };
  // GitHub's answer obeys the same grammar as a typed link: a hostile or broken server cannot
  // store a path-like "repository" that would break every later sync.
  const checked = parseIssueRef(formatIssueRef(ref));
  if ('error' in checked || formatIssueRef(checked) !== formatIssueRef(ref)) {
    return { error: 'GitHub sent an issue whose repository is not a valid name' };
  }
  const updated = new Date(d.updated_at);
  return {
    ref,
    state: d.state,
    title: d.title,
    labels: d.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((l) => l !== ''),
    assignees: (d.assignees ?? []).map((a) => a.login),
    milestone: d.milestone?.title ?? null,
    comments: d.comments,
    updatedAt: Number.isNaN(updated.getTime()) ? new Date(0).toISOString() : updated.toISOString(),
  };
}

/** An issue found by discovery, offered as a new Intake card. */
export interface DiscoveredIssue {
  /** `owner/repo#n`. */
  readonly issue: string;
  readonly url: string;
  readonly kind: 'issue' | 'pull';
  readonly title: string;
  readonly state: 'open' | 'closed';
  readonly labels: readonly string[];
  /** The project named by a self-assessment PR title, else null. */
  readonly project: string | null;
  /** A card name to offer: the title without its tags (`[Security Pals]`, "self-assessment"). */
  readonly suggestedName: string;
  /** The id of the engagement that already links it (as its issue or its PR), else null. */
  readonly known: string | null;
  /** Not linked yet, but named like a card without such a link: that card's id (taking it on links that card), else null. */
  readonly match: string | null;
}

const TITLE = /^\s*(?:\[[^\]]*\]\s*)?(.+?)\s+(?:project\s+)?security\s+self[-\s]?assessment\s*[-–—:|]\s*security\s+pals\s*$/i;

/**
 * The project of a self-assessment PR titled "<Project> Project Security Self-Assessment -
 * Security Pals" (any case, dash or colon, an optional "[WIP]"-style prefix); null otherwise.
 */
export function parseSelfAssessmentTitle(title: string): string | null {
  const m = TITLE.exec(title);
  const project = m?.[1]?.trim();
  return project && project.toLowerCase() !== 'project' ? project : null;
}

const DASH = '[-\u2013\u2014:|]';
const PALS_SUFFIX = new RegExp(`\\s*${DASH}\\s*security\\s+pals\\s*$`, 'i');

/** True for a PR title of the Security Pals convention: it ends with "- Security Pals". */
export function isPalsPullTitle(title: string): boolean {
  return PALS_SUFFIX.test(title);
}

/**
 * A card name from an issue or PR title, without its tags: "[Security Pals] Kyverno
 * self-assessment" and "Kyverno Project Security Self-Assessment - Security Pals" are both
 * "Kyverno". A title that is nothing but tags is kept as it is.
 */
export function nameFromTitle(title: string): string {
  const project = parseSelfAssessmentTitle(title);
  if (project) return project.slice(0, 200);
  const name = title
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(PALS_SUFFIX, ' ')
    .replace(new RegExp(`^\\s*security\\s+pals\\s*(?:${DASH}|for\\b)`, 'i'), ' ')
    .replace(/\b(?:project\s+)?(?:security\s+)?self[-\s]?assessment\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,|\u2013\u2014-]+|[\s:;,|\u2013\u2014-]+$/g, '')
    .replace(/^(?:for|of)\s+/i, '')
    .trim();
  return (name || title.trim()).slice(0, 200);
}

/** A discovery result from a snapshot (`known` is filled in against the board). */
export function discovered(snapshot: IssueSnapshot): DiscoveredIssue {
  const project = snapshot.ref.kind === 'pull' ? parseSelfAssessmentTitle(snapshot.title) : null;
  return {
    issue: formatIssueRef(snapshot.ref),
    url: issueUrl(snapshot.ref),
    kind: snapshot.ref.kind,
    title: snapshot.title,
    state: snapshot.state,
    labels: snapshot.labels,
    project,
    suggestedName: nameFromTitle(snapshot.title),
    known: null,
    match: null,
  };
}
