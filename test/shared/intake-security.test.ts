/** The security check's pure parts: the status the evidence supports, folder names, Scorecard answers, what is kept. */
import { describe, expect, it } from 'vitest';
import { keptCheck } from '../../shared/intake/apply-checks.js';
import { readScorecard } from '../../shared/intake/scorecard-answer.js';
import type { SecurityCheck, SecurityEvidence } from '../../shared/intake/security-check-schema.js';
import { SecurityCheckSchema } from '../../shared/intake/security-check-schema.js';
import {
  assessmentFolders,
  deriveSecurity,
  effectiveSecurity,
  githubRepoOf,
  scorecardUrlProblem,
} from '../../shared/intake/security-status.js';
import { selectionScore } from '../../shared/selection.js';
import { DEFAULT_CRITERIA_WEIGHTS, emptyCriteria } from '../../shared/schema.js';

const ev = (kind: SecurityEvidence['kind'], found: boolean, failed = false): SecurityEvidence => ({
  kind,
  url: null,
  found,
  failed,
  detail: '',
});
const card = (policyScore: number | null) => ({ score: 5, date: '2026-11-30', policyScore, lowest: [] });

describe('deriveSecurity', () => {
  it('ranks a self-assessment over a policy over nothing', () => {
    expect(deriveSecurity([ev('policy', true), ev('self-assessment', true), ev('scorecard', true)], card(10))).toBe('self-assessment');
    expect(deriveSecurity([ev('policy', true), ev('self-assessment', false), ev('scorecard', false)], null)).toBe('some-docs');
    expect(deriveSecurity([ev('policy', false), ev('self-assessment', false), ev('scorecard', false)], null)).toBe('none');
  });
  it('counts a Scorecard Security-Policy check only when it scores well', () => {
    const nothing = [ev('policy', false), ev('self-assessment', false), ev('scorecard', true)];
    expect(deriveSecurity(nothing, card(5))).toBe('some-docs');
    expect(deriveSecurity(nothing, card(4))).toBe('none');
    expect(deriveSecurity(nothing, card(-1))).toBe('none');
    expect(deriveSecurity(nothing, card(null))).toBe('none');
  });
  it('never says none when a source could not be read', () => {
    expect(deriveSecurity([ev('policy', false), ev('self-assessment', false), ev('scorecard', false, true)], null)).toBe('unknown');
    expect(deriveSecurity([ev('policy', false, true), ev('self-assessment', false), ev('scorecard', false)], null)).toBe('unknown');
    // What was found still counts.
    expect(deriveSecurity([ev('policy', true), ev('self-assessment', false, true), ev('scorecard', false)], null)).toBe('some-docs');
  });
});

describe('the value in force', () => {
  it('is the hand-set one, else the found one; the selection score follows it', () => {
    expect(effectiveSecurity({ security: 'audited' }, { found: 'none' })).toBe('audited');
    expect(effectiveSecurity({ security: 'unknown' }, { found: 'none' })).toBe('none');
    expect(effectiveSecurity({ security: 'unknown' }, null)).toBe('unknown');
    const base = { criteria: emptyCriteria(), maturity: 'sandbox' as const };
    const unknown = selectionScore(base, DEFAULT_CRITERIA_WEIGHTS);
    expect(selectionScore({ ...base, securityCheck: { found: 'none' } }, DEFAULT_CRITERIA_WEIGHTS)).toBeGreaterThan(unknown);
    expect(selectionScore({ ...base, securityCheck: { found: 'self-assessment' } }, DEFAULT_CRITERIA_WEIGHTS)).toBeLessThan(unknown);
  });
});

describe('names', () => {
  it('reads a github.com repository from a repo link', () => {
    expect(githubRepoOf('https://github.com/kyverno/kyverno')).toEqual({ owner: 'kyverno', repo: 'kyverno' });
    expect(githubRepoOf('https://github.com/argoproj/argo-cd/tree/main/docs')).toEqual({ owner: 'argoproj', repo: 'argo-cd' });
    expect(githubRepoOf('https://github.com/o/r.git')).toEqual({ owner: 'o', repo: 'r' });
    expect(githubRepoOf('https://gitlab.com/o/r')).toBeNull();
    expect(githubRepoOf('https://github.com/kyverno')).toBeNull();
    expect(githubRepoOf(null)).toBeNull();
  });
  it('tries the folder names TAG Security uses, most likely first, without repeats', () => {
    expect(assessmentFolders('Artifact Hub', { owner: 'artifacthub', repo: 'hub' })).toEqual(['artifact-hub', 'artifacthub', 'hub']);
    expect(assessmentFolders('Kyverno', { owner: 'kyverno', repo: 'kyverno' })).toEqual(['kyverno']);
    expect(assessmentFolders('OpenTelemetry', { owner: 'open-telemetry', repo: 'opentelemetry-collector' })).toEqual([
      'opentelemetry',
      'open-telemetry',
      'opentelemetry-collector',
    ]);
  });
  it('checks a Scorecard address like the API address', () => {
    expect(scorecardUrlProblem('https://api.scorecard.dev')).toBeNull();
    expect(scorecardUrlProblem('http://127.0.0.1:9000')).toBeNull();
    expect(scorecardUrlProblem('http://scorecard.example.com')).toMatch(/https/);
    expect(scorecardUrlProblem('ftp://x')).toMatch(/http\(s\) URL/);
  });
});

describe('readScorecard', () => {
  it('keeps the score, the date, the policy score and the lowest checks with safe links', () => {
    const summary = readScorecard({
      date: '2026-11-30T08:12:40Z',
      repo: { name: 'github.com/o/r', commit: 'abc' },
      scorecard: { version: 'v5.0.0', commit: 'def' },
      score: 6.1,
      checks: [
        { name: 'Security-Policy', score: 9, reason: 'policy found', details: null, documentation: { short: 's', url: 'https://x/p' } },
        { name: 'Fuzzing', score: 0, reason: 'not fuzzed', details: null, documentation: { short: 's', url: 'javascript:alert(1)' } },
        { name: 'Packaging', score: -1, reason: 'inconclusive', details: null, documentation: { short: 's', url: 'https://x/k' } },
        { name: 'Maintained', score: 10, reason: 'active', details: null, documentation: { short: 's', url: 'https://x/m' } },
      ],
    });
    expect(summary).toEqual({
      score: 6.1,
      date: '2026-11-30T08:12:40Z',
      policyScore: 9,
      lowest: [
        { name: 'Fuzzing', score: 0, reason: 'not fuzzed', url: null },
        { name: 'Security-Policy', score: 9, reason: 'policy found', url: 'https://x/p' },
      ],
    });
  });
  it('refuses an answer that is not a Scorecard result', () => {
    expect(readScorecard({ message: 'hi' })).toMatchObject({ error: expect.stringMatching(/not a Scorecard result/) });
    expect(readScorecard({ date: '2026-01-01', score: 99, checks: [] })).toHaveProperty('error');
  });
});

describe('keptCheck', () => {
  const check = (failed: boolean, at: string): SecurityCheck =>
    SecurityCheckSchema.parse({
      found: failed ? 'unknown' : 'none',
      evidence: [{ ...ev('policy', false, failed), detail: failed ? 'cannot reach GitHub' : 'no SECURITY.md' }],
      scorecard: null,
      checkedAt: at,
    });
  it('keeps a complete earlier read over a failed one, noting the failure', () => {
    const kept = keptCheck(check(false, '2026-12-01T00:00:00Z'), check(true, '2026-12-07T00:00:00Z'));
    expect(kept).toMatchObject({ found: 'none', checkedAt: '2026-12-01T00:00:00Z', error: '2026-12-07: cannot reach GitHub' });
  });
  it('takes a new read that is as complete', () => {
    expect(keptCheck(check(true, '2026-12-01T00:00:00Z'), check(true, '2026-12-07T00:00:00Z')).checkedAt).toBe('2026-12-07T00:00:00Z');
    expect(keptCheck(null, check(true, '2026-12-07T00:00:00Z')).found).toBe('unknown');
  });
});
