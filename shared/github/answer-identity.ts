/**
 * Is GitHub's answer the issue that was asked for? A sync re-links a card only when GitHub itself
 * moved the issue: its own redirect (a transfer answers `301` to `/repositories/{id}/issues/{n}`,
 * a renamed repository to its new `/repos/{owner}/{repo}/issues/{n}`), and then only to the issue
 * that redirect names. An answer that merely says it is another issue is refused, so a spoofed or
 * broken answer cannot re-aim the card, nor the label write-back that follows the link.
 */
import { formatIssueRef, type IssueRef } from '../issue-ref.js';

type Ref = Pick<IssueRef, 'owner' | 'repo' | 'number'>;

const same = (a: Ref, b: Ref) =>
  a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase() && a.number === b.number;

const REPOS = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/?$/;
const REPOSITORIES = /^\/repositories\/\d+\/issues\/(\d+)\/?$/;

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Why the answer `answered` cannot stand for `asked`, or null when it can. `finalPath` is the
 * path (under the API's base path) the answer came from: the one asked, or where GitHub's
 * redirect led; null when unknown (taken as the one asked).
 */
export function answerIdentityProblem(asked: Ref, answered: Ref, finalPath: string | null): string | null {
  const refused = (why: string) =>
    `GitHub answered for ${formatIssueRef({ ...answered, kind: 'issue' })} when asked for ${formatIssueRef({ ...asked, kind: 'issue' })} (${why}); the answer was refused and the link left as it is`;
  const repos = finalPath === null ? null : REPOS.exec(finalPath);
  if (finalPath === null || repos) {
    const at = repos ? { owner: decoded(repos[1]!) ?? '', repo: decoded(repos[2]!) ?? '', number: Number(repos[3]) } : asked;
    if (same(at, answered)) return null;
    return refused(same(at, asked) ? 'an issue moves only through GitHub’s own redirect' : 'not the issue GitHub redirected to');
  }
  const moved = REPOSITORIES.exec(finalPath);
  if (moved && Number(moved[1]) === answered.number) return null;
  return refused(moved ? 'not the issue GitHub redirected to' : 'from an address that is not an issue');
}
