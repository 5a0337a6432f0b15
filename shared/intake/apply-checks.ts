/**
 * Saves what a security check read onto the engagements, keeping findings that are worth more:
 * a read that could not reach a source does not replace an earlier read that did (offline, the
 * earlier findings stay, with the failure noted beside them). Pure.
 */
import type { StoreDoc } from '../schema.js';
import type { SecurityCheck } from './security-check-schema.js';

/** One engagement's new read. */
export interface CheckResult {
  readonly id: string;
  readonly check: SecurityCheck;
}

const failures = (c: SecurityCheck) => c.evidence.filter((e) => e.failed).length;

/** The check to keep: the new one, unless it failed where the earlier one read (then the earlier, noting why). */
export function keptCheck(previous: SecurityCheck | null, next: SecurityCheck): SecurityCheck {
  if (previous === null || failures(next) <= failures(previous)) return next;
  const why = next.evidence
    .filter((e) => e.failed)
    .map((e) => e.detail)
    .join('; ');
  return { ...previous, error: `${next.checkedAt.slice(0, 10)}: ${why}`.slice(0, 500), etags: { ...previous.etags, ...next.etags } };
}

/** The document with each result applied (engagements deleted meanwhile are skipped). */
export function applySecurityChecks(doc: StoreDoc, results: readonly CheckResult[], at: string): StoreDoc {
  const byId = new Map(results.map((r) => [r.id, r.check]));
  let changed = false;
  const engagements = doc.engagements.map((e) => {
    const next = byId.get(e.id);
    if (!next) return e;
    changed = true;
    return { ...e, securityCheck: keptCheck(e.securityCheck, next), updatedAt: at };
  });
  return changed ? { ...doc, engagements } : doc;
}
