/**
 * One engagement's security check: its policy, a published self-assessment and its Scorecard,
 * read side by side, then the status they support (shared/intake/security-status.ts).
 */
import type { Engagement } from '../../../shared/schema.js';
import type { SecurityCheck, SecurityEvidence } from '../../../shared/intake/security-check-schema.js';
import { assessmentFolders, deriveSecurity, githubRepoOf } from '../../../shared/intake/security-status.js';
import { readPolicy, readSelfAssessment, type ReadContext } from './github-reads.js';
import { readScorecardOf, scorecardUrl, DEFAULT_SCORECARD_URL, type ScorecardOptions } from './scorecard-client.js';

/** The Scorecard's page for people, when the public API was asked; else the API address itself. */
function scorecardLink(baseUrl: string, owner: string, repo: string): string {
  if (baseUrl.replace(/\/+$/, '') === DEFAULT_SCORECARD_URL) return `https://scorecard.dev/viewer/?uri=github.com/${owner}/${repo}`;
  return scorecardUrl(baseUrl, owner, repo);
}

const SCORECARD_KEY = 'scorecard';

/** Reads the three sources for `e` (which must name a github.com repository) as of `at`. */
export async function checkOne(ctx: ReadContext, scorecard: ScorecardOptions, e: Engagement, at: string): Promise<SecurityCheck> {
  const where = githubRepoOf(e.repo);
  if (!where) throw new Error(`${e.name} names no github.com repository`);
  const before = e.securityCheck;
  const etags = before?.etags ?? {};
  const earlier = (kind: SecurityEvidence['kind']) => before?.evidence.find((x) => x.kind === kind && x.found) ?? null;
  const link = scorecardLink(scorecard.baseUrl, where.owner, where.repo);
  const [policy, assessment, card] = await Promise.all([
    readPolicy(ctx, where, etags, earlier('policy')),
    readSelfAssessment(ctx, assessmentFolders(e.name, where), etags, earlier('self-assessment')),
    readScorecardOf(scorecard, where.owner, where.repo, etags[SCORECARD_KEY], ctx.signal),
  ]);
  const summary = card.kind === 'found' ? card.summary : card.kind === 'unchanged' ? (before?.scorecard ?? null) : null;
  const scorecardEvidence: SecurityEvidence =
    card.kind === 'failed'
      ? { kind: 'scorecard', url: link, found: false, failed: true, detail: `could not read the OpenSSF Scorecard: ${card.message}` }
      : card.kind === 'absent' || summary === null
        ? { kind: 'scorecard', url: link, found: false, failed: false, detail: 'not scanned by the OpenSSF Scorecard' }
        : {
            kind: 'scorecard',
            url: link,
            found: true,
            failed: false,
            detail: `score ${summary.score} of 10 on ${summary.date.slice(0, 10)}; Security-Policy ${summary.policyScore === null ? 'not reported' : `${summary.policyScore} of 10`}`,
          };
  const evidence = [policy.evidence, assessment.evidence, scorecardEvidence];
  const cardTag = card.kind === 'found' ? card.etag : card.kind === 'unchanged' ? (etags[SCORECARD_KEY] ?? null) : null;
  return {
    found: deriveSecurity(evidence, summary),
    evidence,
    scorecard: summary,
    checkedAt: at,
    error: null,
    etags: { ...policy.etags, ...assessment.etags, ...(cardTag ? { [SCORECARD_KEY]: cardTag } : {}) },
  };
}
