/**
 * A security check as `pals intake check --json` prints it and the app shows it: the contract's
 * fields (`id, name, security, evidence [{kind, url, found, detail}], scorecard {score, date} |
 * null, checkedAt`), and beside them the coordinator's own value, the criterion the selection
 * score uses, the Scorecard's weakest checks and the last failure to read again. Pure.
 */
import type { Engagement, SecurityStatus } from '../schema.js';
import type { ScorecardCheck, SecurityEvidence } from './security-check-schema.js';
import { effectiveSecurity, handSecurity } from './security-status.js';

/** One engagement's check, as shown. */
export interface SecurityCheckView {
  readonly id: string;
  readonly name: string;
  /** What the check found (`unknown` when it has not been read, or could not be). */
  readonly security: SecurityStatus;
  readonly evidence: readonly Pick<SecurityEvidence, 'kind' | 'url' | 'found' | 'detail'>[];
  readonly scorecard: { readonly score: number; readonly date: string } | null;
  /** When the findings were read; null when never. */
  readonly checkedAt: string | null;
  /** The coordinator's value (kept over what was found), or null. */
  readonly setByHand: SecurityStatus | null;
  /** The intake criterion in force: the hand-set value, else what was found. */
  readonly criterion: SecurityStatus;
  readonly lowestChecks: readonly ScorecardCheck[];
  /** Why the last attempt to read again failed (the findings shown are older), or null. */
  readonly error: string | null;
}

/** The view of an engagement's stored check. */
export function securityCheckView(e: Pick<Engagement, 'id' | 'name' | 'criteria' | 'securityCheck'>): SecurityCheckView {
  const c = e.securityCheck;
  return {
    id: e.id,
    name: e.name,
    security: c?.found ?? 'unknown',
    evidence: (c?.evidence ?? []).map(({ kind, url, found, detail }) => ({ kind, url, found, detail })),
    scorecard: c?.scorecard ? { score: c.scorecard.score, date: c.scorecard.date } : null,
    checkedAt: c?.checkedAt ?? null,
    setByHand: handSecurity(e.criteria),
    criterion: effectiveSecurity(e.criteria, c),
    lowestChecks: c?.scorecard?.lowest ?? [],
    error: c?.error ?? null,
  };
}
