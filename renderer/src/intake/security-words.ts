/** How a security status reads on a card and in its dialog: the value in force, and whose word it is. */
import { SECURITY_TITLES } from '../../../shared/selection.js';
import type { SecurityStatus } from '../../../shared/schema.js';
import type { CardSecurity } from '../../../shared/view.js';
import { formatDay } from '../format/dates.js';

/** Short enough for a card's badge. */
const BADGE_TITLES: Readonly<Record<SecurityStatus, string>> = { ...SECURITY_TITLES, 'self-assessment': 'Self-assessment' };

/** The badge's words and its longer description (tooltip and dialog). */
export function securityWords(
  hand: SecurityStatus,
  check: CardSecurity | null,
  today: string | undefined,
): { readonly badge: string; readonly long: string } {
  const setByHand = hand !== 'unknown';
  const found = check ? `found ${SECURITY_TITLES[check.found]} on ${formatDay(check.checkedAt, today)}` : 'not checked yet';
  const score = check?.score != null ? ` (OpenSSF Scorecard ${check.score} of 10)` : '';
  const failed = check?.error ? `; the last check could not read everything (${check.error})` : '';
  if (setByHand) {
    return { badge: `${BADGE_TITLES[hand]} (by hand)`, long: `Set by hand: ${SECURITY_TITLES[hand]} (kept); ${found}${score}${failed}` };
  }
  if (!check) return { badge: 'Not checked', long: 'Security status not checked yet' };
  return { badge: BADGE_TITLES[check.found], long: `Security status ${found}${score}${failed}` };
}
