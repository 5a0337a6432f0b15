/** The round's selection-score weights (0–10 each), each with what raises that criterion's part. */
import type { CriteriaWeights } from '../../../shared/schema.js';
import { CRITERIA, CRITERION_HINTS, CRITERION_LABELS } from './criteria-labels.js';

/** Weights as typed. */
export type WeightTexts = Readonly<Record<keyof CriteriaWeights, string>>;

/** The texts of stored weights. */
export function weightTexts(weights: CriteriaWeights): WeightTexts {
  return {
    security: String(weights.security),
    sponsor: String(weights.sponsor),
    maturity: String(weights.maturity),
    priority: String(weights.priority),
  };
}

/** The weights, or the first criterion whose text is not a whole number 0–10. */
export function checkWeightTexts(
  texts: WeightTexts,
): { readonly ok: true; readonly weights: CriteriaWeights } | { readonly ok: false; readonly criterion: keyof CriteriaWeights } {
  const out = {} as Record<keyof CriteriaWeights, number>;
  for (const c of CRITERIA) {
    if (!/^\s*\d{1,2}\s*$/.test(texts[c]) || Number(texts[c]) > 10) return { ok: false, criterion: c };
    out[c] = Number(texts[c]);
  }
  return { ok: true, weights: out };
}

/** The fieldset. */
export function WeightsFields(props: {
  readonly prefix: string;
  readonly texts: WeightTexts;
  readonly invalid: keyof CriteriaWeights | null;
  readonly onChange: (criterion: keyof CriteriaWeights, text: string) => void;
}) {
  const { prefix, texts, invalid, onChange } = props;
  return (
    <fieldset className="rounds-weights">
      <legend className="field-label">Selection score weights</legend>
      <p id={`${prefix}-weights-hint`} className="field-hint">
        An intake card&apos;s score (0–100) is the weighted mean of its criteria; the Intake column lists the highest first. A weight of 0
        leaves a criterion out.
      </p>
      <div className="rounds-weight-grid">
        {CRITERIA.map((c) => {
          const id = `${prefix}-weight-${c}`;
          return (
            <div key={c} className="field">
              <label htmlFor={id} className="field-label">
                {CRITERION_LABELS[c]}
              </label>
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={0}
                max={10}
                step={1}
                className="input rounds-week"
                value={texts[c]}
                aria-invalid={invalid === c || undefined}
                aria-describedby={`${id}-hint${invalid === c ? ` ${id}-error` : ''}`}
                onChange={(e) => {
                  onChange(c, e.target.value);
                }}
              />
              <p id={`${id}-hint`} className="field-hint">
                {CRITERION_HINTS[c]}
              </p>
              {invalid === c && (
                <p id={`${id}-error`} className="field-error">
                  a weight is a whole number from 0 to 10
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
