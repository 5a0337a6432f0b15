/** A labelled select of the board's layout (Round, Swimlanes): every value is a real choice, none means "any". */
import { useId } from 'react';

/** One select; `options` maps each value to its label. */
export function ViewSelect<V extends string>(props: {
  readonly label: string;
  readonly value: V;
  readonly options: readonly (readonly [V, string])[];
  readonly onChange: (value: V) => void;
  /** Marks the select as narrowing the board (a filter that is not "any"). */
  readonly active?: boolean;
}) {
  const id = useId();
  const { label, value, options, onChange, active = false } = props;
  return (
    <div className="filter">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <select
        id={id}
        className={`select${active ? ' select--active' : ''}`}
        value={value}
        onChange={(e) => {
          onChange(e.target.value as V);
        }}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
