/**
 * The card dialog's intake criteria: security status, the TOC or TAG sponsor (name and a link to
 * their input), the coordinator's priority; maturity is a field of its own above. The selection
 * score they add up to is shown as it would be saved, with the round's weights beside it.
 */
import { useId } from 'react';
import { DEFAULT_CRITERIA_WEIGHTS, SECURITY_STATUSES } from '../../../shared/schema.js';
import type { SecurityCheck } from '../../../shared/intake/security-check-schema.js';
import { SECURITY_TITLES, selectionScore } from '../../../shared/selection.js';
import type { EngagementFormValues } from '../forms/engagement-values.js';
import type { FieldErrors } from '../forms/field-errors.js';
import { ChoiceSelect, Field, TextField } from '../forms/fields.js';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import { describeWeights } from '../rounds/criteria-labels.js';
import { useAppStore } from '../store/store-context.js';

/** The coordinator's own word; `unknown` leaves it to what the check finds (shown in the Security status section). */
const HAND_TITLES = { ...SECURITY_TITLES, unknown: 'Not set: use what the check finds' };

const PRIORITIES = ['', '5', '4', '3', '2', '1', '0'] as const;
const PRIORITY_LABELS: Readonly<Record<(typeof PRIORITIES)[number], string>> = {
  '': 'Not set',
  '5': '5 (highest)',
  '4': '4',
  '3': '3',
  '2': '2',
  '1': '1',
  '0': '0 (lowest)',
};

interface Props {
  readonly prefix: string;
  readonly values: EngagementFormValues;
  readonly errors: FieldErrors;
  /** The engagement's round (its weights score it). */
  readonly round: string;
  /** What the last security check found: the score uses it unless a status is set by hand. */
  readonly securityCheck?: Pick<SecurityCheck, 'found'> | null;
  readonly onChange: (patch: Partial<EngagementFormValues>) => void;
}

/** The fieldset, laid out on the form's grid. */
export function CriteriaFields({ prefix, values, errors, round, securityCheck = null, onChange }: Props) {
  const id = useId();
  const owner = useAppStore((s) => s.board?.rounds.find((r) => r.id === round));
  const weights = owner?.criteriaWeights ?? DEFAULT_CRITERIA_WEIGHTS;
  const priority = (PRIORITIES as readonly string[]).includes(values.priority) ? (values.priority as (typeof PRIORITIES)[number]) : '';
  const score = selectionScore(
    {
      maturity: values.maturity,
      securityCheck,
      criteria: {
        security: values.security,
        sponsor: values.sponsor,
        sponsorLink: values.sponsorLink.trim() === '' ? null : values.sponsorLink.trim(),
        priority: priority === '' ? null : Number(priority),
      },
    },
    weights,
  );
  const link = values.sponsorLink.trim();
  return (
    <fieldset className="criteria field--wide" aria-describedby={`${id}-score`}>
      <legend className="field-label">Intake criteria</legend>
      <p id={`${id}-score`} className="criteria-score">
        <span>
          Selection score <strong>{score}</strong> of 100
        </span>
        <span className="field-hint">
          {owner ? `${owner.name}'s weights` : 'Weights'}: {describeWeights(weights)} (Round settings change them; maturity is the field
          above).
        </span>
      </p>
      <div className="form-grid">
        <Field prefix={prefix} name="security" label="Security status" error={errors.security}>
          {(c) => (
            <ChoiceSelect
              control={c}
              value={values.security}
              choices={SECURITY_STATUSES}
              labels={HAND_TITLES}
              onChange={(security) => {
                onChange({ security });
              }}
            />
          )}
        </Field>
        <Field prefix={prefix} name="priority" label="Priority" error={errors.priority}>
          {(c) => (
            <ChoiceSelect
              control={c}
              value={priority}
              choices={PRIORITIES}
              labels={PRIORITY_LABELS}
              onChange={(p) => {
                onChange({ priority: p });
              }}
            />
          )}
        </Field>
        <TextField
          prefix={prefix}
          name="sponsor"
          label="TOC or TAG sponsor"
          hint="Who backs the project's selection"
          error={errors.sponsor}
          type="text"
          autoComplete="off"
          maxLength={200}
          dir="auto"
          value={values.sponsor}
          onChange={(sponsor) => {
            onChange({ sponsor });
          }}
        />
        <Field prefix={prefix} name="sponsorLink" label="Sponsor's input (link)" error={errors.sponsorLink ?? errors.criteria}>
          {(c) => (
            <div className="criteria-link">
              <input
                {...c}
                className="input"
                type="url"
                placeholder="https://github.com/cncf/toc/issues/123"
                value={values.sponsorLink}
                onChange={(e) => {
                  onChange({ sponsorLink: e.target.value });
                }}
              />
              {isHttpUrl(link) && (
                <a href={link} target="_blank" rel="noreferrer noopener" className="link" aria-label="Open the sponsor's input">
                  Open
                </a>
              )}
            </div>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
