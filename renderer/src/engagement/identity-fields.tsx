/** The fields both engagement forms share: name, maturity, repo, kickoff, pals, GitHub issue. */
import { MATURITIES } from '../../../shared/schema.js';
import type { EngagementFormValues } from '../forms/engagement-values.js';
import type { FieldErrors } from '../forms/field-errors.js';
import { ChoiceSelect, Field } from '../forms/fields.js';
import { MATURITY_LABELS } from '../format/labels.js';

interface Props {
  readonly prefix: string;
  readonly values: EngagementFormValues;
  readonly errors: FieldErrors;
  readonly onChange: (patch: Partial<EngagementFormValues>) => void;
}

/** Six labelled fields, each with its error beside it. */
export function IdentityFields({ prefix, values, errors, onChange }: Props) {
  const text = (name: 'name' | 'repo' | 'kickoff' | 'pals' | 'issue') => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => {
      onChange({ [name]: e.target.value });
    },
  });
  return (
    <>
      <Field prefix={prefix} name="name" label="Name" error={errors.name}>
        {(c) => <input {...c} className="input" type="text" autoComplete="off" {...text('name')} />}
      </Field>
      <Field prefix={prefix} name="maturity" label="Maturity" error={errors.maturity}>
        {(c) => (
          <ChoiceSelect
            control={c}
            value={values.maturity}
            choices={MATURITIES}
            labels={MATURITY_LABELS}
            onChange={(maturity) => {
              onChange({ maturity });
            }}
          />
        )}
      </Field>
      <Field prefix={prefix} name="repo" label="Repository URL" error={errors.repo} wide>
        {(c) => <input {...c} className="input" type="url" placeholder="https://github.com/org/project" {...text('repo')} />}
      </Field>
      <Field prefix={prefix} name="kickoff" label="Kickoff date" error={errors.kickoff}>
        {(c) => <input {...c} className="input" type="date" {...text('kickoff')} />}
      </Field>
      <Field prefix={prefix} name="pals" label="Pals" hint="Comma-separated" error={errors.pals}>
        {(c) => <input {...c} className="input" type="text" autoComplete="off" {...text('pals')} />}
      </Field>
      <Field prefix={prefix} name="issue" label="GitHub issue" hint="owner/repo#123 or the issue URL" error={errors.issue} wide>
        {(c) => <input {...c} className="input" type="text" autoComplete="off" placeholder="cncf/tag-security#123" {...text('issue')} />}
      </Field>
    </>
  );
}
