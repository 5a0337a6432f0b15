/**
 * Reads an OpenSSF Scorecard API answer (`GET /projects/github.com/{owner}/{repo}`:
 * `{date, repo {name, commit}, scorecard {version, commit}, score, checks [{name, score, reason,
 * details, documentation {short, url}}]}`) into what the desk keeps: the score, the date, the
 * Security-Policy check's score and the weakest checks. Unknown fields are ignored; a link that
 * is not http(s) is dropped. Pure.
 */
import { z } from 'zod';
import { isHttpUrl } from '../issue-ref.js';
import type { ScorecardCheck, ScorecardSummary } from './security-check-schema.js';

/** How many of the lowest-scoring checks the card dialog lists. */
export const LOWEST_CHECKS = 3;

const Score = z.number().min(-1).max(10);
const AnswerSchema = z.object({
  date: z.string().min(1).max(40),
  score: Score,
  checks: z
    .array(
      z.object({
        name: z.string().min(1).max(100),
        score: Score,
        reason: z.string().max(1_000).nullish(),
        documentation: z.object({ short: z.string().max(1_000).nullish(), url: z.string().max(2_000).nullish() }).nullish(),
      }),
    )
    .max(100)
    .default([]),
});

/** The summary, or why the answer is not a Scorecard result. */
export function readScorecard(answer: unknown): ScorecardSummary | { readonly error: string } {
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success) return { error: 'the Scorecard answer is not a Scorecard result (no score, date or checks)' };
  const { date, score, checks } = parsed.data;
  const policy = checks.find((c) => c.name.toLowerCase() === 'security-policy');
  const lowest: ScorecardCheck[] = checks
    .filter((c) => c.score >= 0 && c.score < 10)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, LOWEST_CHECKS)
    .map((c) => {
      const url = c.documentation?.url ?? null;
      return { name: c.name, score: c.score, reason: c.reason ?? '', url: url !== null && isHttpUrl(url) ? url : null };
    });
  return { score, date, policyScore: policy ? policy.score : null, lowest };
}
