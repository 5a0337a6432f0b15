/** Words for the selection score: each criterion's name and what raises it, and the weights as a sentence. */
import type { CriteriaWeights } from '../../../shared/schema.js';

/** The criteria in the order the dialogs list them. */
export const CRITERIA = ['security', 'sponsor', 'maturity', 'priority'] as const satisfies readonly (keyof CriteriaWeights)[];

/** A criterion's name, as the weights table and the card's score say it. */
export const CRITERION_LABELS: Readonly<Record<keyof CriteriaWeights, string>> = {
  security: 'Security status',
  sponsor: 'Sponsor input',
  maturity: 'Maturity',
  priority: 'Priority',
};

/** What makes a criterion count more (the pilot's lesson: less security work and younger projects first). */
export const CRITERION_HINTS: Readonly<Record<keyof CriteriaWeights, string>> = {
  security: 'less security work so far scores higher (none > some docs > self-assessment > audited)',
  sponsor: 'a TOC or TAG sponsor named or linked scores full',
  maturity: 'younger projects score higher (sandbox > incubating > graduated)',
  priority: "the coordinator's priority, 0–5",
};

/** "Security status ×3, Sponsor input ×2, …" (a weight of 0 leaves a criterion out). */
export function describeWeights(weights: CriteriaWeights): string {
  const used = CRITERIA.filter((c) => weights[c] > 0);
  if (used.length === 0) return 'every weight is 0, so every score is 0';
  return used.map((c) => `${CRITERION_LABELS[c]} ×${weights[c]}`).join(', ');
}
