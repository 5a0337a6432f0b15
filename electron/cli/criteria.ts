/** The intake-criteria flags of `add` and `edit` (--security, --priority, --sponsor, --sponsor-link) and `--round`. */
import type { CriteriaInput } from '../../shared/inputs.js';
import { SECURITY_STATUSES, type SecurityStatus } from '../../shared/schema.js';
import { clearable } from './parse.js';
import { UsageError } from './usage.js';

export const CRITERIA_OPTIONS = {
  round: { type: 'string' },
  security: { type: 'string' },
  priority: { type: 'string' },
  sponsor: { type: 'string' },
  'sponsor-link': { type: 'string' },
} as const;

type CriteriaFlags = Partial<Record<keyof typeof CRITERIA_OPTIONS, string>>;

/** The criteria the flags give (undefined when none); '' clears the priority or the sponsor's link. */
export function criteriaOf(values: CriteriaFlags): CriteriaInput | undefined {
  const out: { -readonly [K in keyof CriteriaInput]: CriteriaInput[K] } = {};
  if (values.security !== undefined) {
    if (!(SECURITY_STATUSES as readonly string[]).includes(values.security)) {
      throw new UsageError(`--security: use one of ${SECURITY_STATUSES.join(', ')} (got "${values.security}")`);
    }
    out.security = values.security as SecurityStatus;
  }
  const priority = clearable(values.priority);
  if (priority !== undefined) {
    const n = priority === null ? null : Number(priority);
    if (n !== null && !(Number.isInteger(n) && n >= 0 && n <= 5))
      throw new UsageError(`--priority: a whole number from 0 to 5 (got "${priority}")`);
    out.priority = n;
  }
  if (values.sponsor !== undefined) out.sponsor = values.sponsor.trim();
  const link = clearable(values['sponsor-link']);
  if (link !== undefined) out.sponsorLink = link;
  return Object.keys(out).length > 0 ? out : undefined;
}
