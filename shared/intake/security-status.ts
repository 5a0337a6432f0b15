/**
 * From what a check read to the intake criterion `security`, and the coordinator's word over it.
 * A published self-assessment is `self-assessment`; a security policy (or a Scorecard
 * Security-Policy check that scores well) is `some-docs`; nothing at all is `none`, but only when
 * every source answered: a source that could not be read makes "nothing found" `unknown`. Pure.
 */
import { apiUrlProblem, isHttpUrl } from '../issue-ref.js';
import type { Criteria, SecurityStatus } from '../schema.js';
import type { ScorecardSummary, SecurityCheck, SecurityEvidence } from './security-check-schema.js';

/** A Security-Policy check scoring at least this (of 10) counts as a policy (Scorecard gives 10 for a full one, 0 for none). */
export const GOOD_POLICY_SCORE = 5;

/** The status the evidence supports. */
export function deriveSecurity(evidence: readonly SecurityEvidence[], scorecard: ScorecardSummary | null): SecurityStatus {
  const found = (kind: SecurityEvidence['kind']) => evidence.some((e) => e.kind === kind && e.found);
  if (found('self-assessment')) return 'self-assessment';
  if (found('policy')) return 'some-docs';
  if (scorecard?.policyScore != null && scorecard.policyScore >= GOOD_POLICY_SCORE) return 'some-docs';
  if (evidence.some((e) => e.failed)) return 'unknown';
  return 'none';
}

/** The coordinator's value when they set one (anything but `unknown`), else what a check found, else `unknown`. */
export function effectiveSecurity(criteria: Pick<Criteria, 'security'>, check: Pick<SecurityCheck, 'found'> | null): SecurityStatus {
  if (criteria.security !== 'unknown') return criteria.security;
  return check?.found ?? 'unknown';
}

/** The coordinator's own value, or null when they left it to the check. */
export function handSecurity(criteria: Pick<Criteria, 'security'>): SecurityStatus | null {
  return criteria.security === 'unknown' ? null : criteria.security;
}

/** A github.com repository named by an engagement's repo link (`https://github.com/owner/repo[/…]`), or null. */
export function githubRepoOf(repo: string | null): { readonly owner: string; readonly repo: string } | null {
  if (repo === null) return null;
  let url: URL;
  try {
    url = new URL(repo);
  } catch {
    return null;
  }
  if (!/^(www\.)?github\.com$/i.test(url.hostname)) return null;
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (!owner || !name || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner)) return null;
  const bare = name.replace(/\.git$/i, '');
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(bare) || bare === '.' || bare === '..') return null;
  return { owner, repo: bare };
}

/**
 * The folder names under cncf/tag-security `community/assessments/projects/` that may hold the
 * project's self-assessment, most likely first: the name as TAG Security spells folders
 * (lowercase, words joined by `-`: "Artifact Hub" → artifact-hub, "OpenTelemetry" →
 * opentelemetry), the name run together (artifacthub), the repository's owner and name.
 */
export function assessmentFolders(name: string, repo: { readonly owner: string; readonly repo: string } | null): string[] {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const candidates = [slug(name), slug(name).replace(/-/g, ''), ...(repo ? [slug(repo.owner), slug(repo.repo)] : [])];
  return [...new Set(candidates.filter((c) => c !== ''))].slice(0, 4);
}

/** Why an OpenSSF Scorecard API address may not be asked, or null: checked like the GitHub API's (https, plain http only to this machine). */
export function scorecardUrlProblem(text: string): string | null {
  const problem = apiUrlProblem(text);
  if (problem === null) return null;
  if (!isHttpUrl(text)) return 'must be an http(s) URL such as https://api.scorecard.dev';
  return 'must use https (plain http is allowed only to 127.0.0.1), such as https://api.scorecard.dev';
}
