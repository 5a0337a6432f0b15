/** A GitHub issue or pull request, as an engagement links to it. */
export interface IssueRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly kind: 'issue' | 'pull';
}

const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const REPO = '[A-Za-z0-9._-]{1,100}';
const SHORT = new RegExp(`^(${OWNER})/(${REPO})#([1-9][0-9]{0,9})$`);
const PATH = new RegExp(`^/(${OWNER})/(${REPO})/(issues|pull)/([1-9][0-9]{0,9})/?$`);

/**
 * Parses `owner/repo#n` or a github.com issue or pull URL. Returns an error message a
 * coordinator can act on instead of throwing, because this is user input.
 */
export function parseIssueRef(text: string): IssueRef | { error: string } {
  const input = text.trim();
  const hint = 'write it as owner/repo#123 or paste the issue URL (https://github.com/owner/repo/issues/123)';
  const short = SHORT.exec(input);
  if (short) {
    return { owner: short[1]!, repo: short[2]!, number: Number(short[3]), kind: 'issue' };
  }
  if (/^https?:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return { error: `"${input}" is not a valid URL; ${hint}` };
    }
    if (url.protocol !== 'https:' || url.hostname !== 'github.com') {
      return { error: `"${input}" is not a github.com link; ${hint}` };
    }
    const m = PATH.exec(url.pathname);
    if (!m || m[2] === '.' || m[2] === '..') {
      return { error: `"${input}" does not point at an issue or pull request; ${hint}` };
    }
    return { owner: m[1]!, repo: m[2]!, number: Number(m[4]), kind: m[3] === 'pull' ? 'pull' : 'issue' };
  }
  return { error: `"${input}" is not an issue reference; ${hint}` };
}

/** `owner/repo#n`, the canonical short form stored on an engagement. */
export function formatIssueRef(ref: IssueRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}

/** The issue's page on github.com. */
export function issueUrl(ref: IssueRef): string {
  return `https://github.com/${ref.owner}/${ref.repo}/${ref.kind === 'pull' ? 'pull' : 'issues'}/${ref.number}`;
}

/**
 * Why a GitHub API URL may not carry the token, or null when it may: https anywhere, plain http
 * only to this machine (a loopback stand-in), never credentials in the URL.
 */
export function apiUrlProblem(text: string): string | null {
  if (!isHttpUrl(text)) return 'must be an http(s) URL such as https://api.github.com';
  const url = new URL(text);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback)
    return 'plain http would send the GitHub token in clear: use https (http is allowed only to 127.0.0.1)';
  return null;
}

/** True for an http(s) URL: the only links the app stores for repos or opens externally. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}
