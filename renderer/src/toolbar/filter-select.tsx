/** A labelled select for one board filter; the empty value means "any". */
import { useId } from 'react';

/** One filter; `options` maps each value to its label. */
export function FilterSelect<V extends string>(props: {
  readonly label: string;
  readonly anyLabel: string;
  readonly value: V | '';
  readonly options: readonly (readonly [V, string])[];
  readonly onChange: (value: V | '') => void;
}) {
  const id = useId();
  const { label, anyLabel, value, options, onChange } = props;
  return (
    <div className="filter">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <select
        id={id}
        className={`select${value ? ' select--active' : ''}`}
        value={value}
        onChange={(e) => {
          onChange(e.target.value as V | '');
        }}
      >
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
