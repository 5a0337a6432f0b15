/**
 * Form text ↔ API input for engagements. Forms hold strings; these turn them into the shapes
 * the contract's schemas check (empty → null, "a, b" → ["a", "b"], one learning per line).
 */
import type { Phase } from '../../../shared/phases.js';
import type { Maturity, SecurityStatus } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';

/** Everything the card dialog edits, as the controls hold it. */
export interface EngagementFormValues {
  readonly name: string;
  readonly maturity: Maturity;
  readonly repo: string;
  readonly kickoff: string;
  readonly phase: Phase;
  readonly pals: string;
  readonly onHold: boolean;
  readonly issue: string;
  readonly selection: string;
  /** Intake criteria (shared/selection.ts scores them): security status, sponsor and their link, priority ('' = none, else 0–5). */
  readonly security: SecurityStatus;
  readonly sponsor: string;
  readonly sponsorLink: string;
  readonly priority: string;
}

/** A new engagement's blank form. */
export const BLANK_VALUES: EngagementFormValues = {
  name: '',
  maturity: 'sandbox',
  repo: '',
  kickoff: '',
  phase: 'intake',
  pals: '',
  onHold: false,
  issue: '',
  selection: '',
  security: 'unknown',
  sponsor: '',
  sponsorLink: '',
  priority: '',
};

/** The form values showing a saved engagement. */
export function valuesOf(e: EngagementView): EngagementFormValues {
  return {
    name: e.name,
    maturity: e.maturity,
    repo: e.repo ?? '',
    kickoff: e.kickoff ?? '',
    phase: e.phase,
    pals: e.pals.join(', '),
    onHold: e.onHold,
    issue: e.github?.issue ?? '',
    selection: e.selection,
    security: e.criteria.security,
    sponsor: e.criteria.sponsor,
    sponsorLink: e.criteria.sponsorLink ?? '',
    priority: e.criteria.priority === null ? '' : String(e.criteria.priority),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const list = (text: string, separator: string) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** The arguments of `addEngagement` for the "New engagement" form. */
export function newEngagementInput(v: EngagementFormValues) {
  return {
    name: v.name.trim(),
    maturity: v.maturity,
    repo: orNull(v.repo),
    kickoff: orNull(v.kickoff),
    pals: list(v.pals, ','),
    issue: orNull(v.issue),
  };
}

function typed(v: EngagementFormValues) {
  return {
    ...newEngagementInput(v),
    onHold: v.onHold,
    selection: v.selection,
    criteria: {
      security: v.security,
      sponsor: v.sponsor.trim(),
      sponsorLink: orNull(v.sponsorLink),
      priority: v.priority.trim() === '' ? null : Number(v.priority),
    },
  };
}

/** Only what changed, so a concurrent edit of another field (from the CLI) is never overwritten. */
export function changedFields(initial: EngagementFormValues, next: EngagementFormValues): Record<string, unknown> {
  const before = typed(initial);
  const after = typed(next);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  // Only the criteria that changed, like the fields themselves.
  if (patch.criteria) {
    const was: Record<string, unknown> = before.criteria;
    patch.criteria = Object.fromEntries(Object.entries(after.criteria).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(was[k])));
  }
  return patch;
}
