/**
 * Choosing projects for a round (intake): each criterion gives a need between 0 and 1, and the
 * score is their weighted mean on 0–100, with the round's weights. Younger projects, projects
 * with less security work behind them, with a sponsor's backing and a coordinator's priority
 * come first (the pilot's lesson). Pure.
 */
import type { Criteria, CriteriaWeights, Maturity, SecurityStatus } from './schema.js';
import type { SecurityCheck } from './intake/security-check-schema.js';
import { effectiveSecurity } from './intake/security-status.js';

/** What the score reads: the criteria, the maturity, and what a security check found (the hand-set value wins). */
export interface SelectionInput {
  readonly criteria: Criteria;
  readonly maturity: Maturity;
  readonly securityCheck?: Pick<SecurityCheck, 'found'> | null;
}

/** How much a project needs the program, by what it already has on security. */
export const SECURITY_NEED: Readonly<Record<SecurityStatus, number>> = {
  none: 1,
  'some-docs': 0.75,
  unknown: 0.5,
  'self-assessment': 0.25,
  audited: 0,
};

/** Younger, less mature projects first. */
export const MATURITY_NEED: Readonly<Record<Maturity, number>> = {
  sandbox: 1,
  incubating: 0.6,
  graduated: 0.2,
  archived: 0,
};

/** Labels for the criteria (the card dialog and the help name them so). */
export const SECURITY_TITLES: Readonly<Record<SecurityStatus, string>> = {
  none: 'None',
  'some-docs': 'Some docs',
  'self-assessment': 'Self-assessment exists',
  audited: 'Audited',
  unknown: 'Unknown',
};

/** Each criterion's part of the score, 0–1 (before weighting). */
export function criteriaParts(input: SelectionInput): Record<keyof CriteriaWeights, number> {
  const c = input.criteria;
  return {
    security: SECURITY_NEED[effectiveSecurity(c, input.securityCheck ?? null)],
    sponsor: c.sponsor.trim() !== '' || c.sponsorLink !== null ? 1 : 0,
    maturity: MATURITY_NEED[input.maturity],
    priority: c.priority === null ? 0 : c.priority / 5,
  };
}

/** The selection score, 0–100 (whole number); 0 when every weight is 0. */
export function selectionScore(input: SelectionInput, weights: CriteriaWeights): number {
  const parts = criteriaParts(input);
  let sum = 0;
  let total = 0;
  for (const key of Object.keys(parts) as (keyof CriteriaWeights)[]) {
    sum += weights[key] * parts[key];
    total += weights[key];
  }
  return total === 0 ? 0 : Math.round((100 * sum) / total);
}
