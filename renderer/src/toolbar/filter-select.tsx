/** A labelled select for one board filter; the empty value means "any". */
import { ViewSelect } from './view-select.js';

/** One filter: a `ViewSelect` whose first choice is "any" (''), marked active when it narrows the board. */
export function FilterSelect<V extends string>(props: {
  readonly label: string;
  readonly anyLabel: string;
  readonly value: V | '';
  readonly options: readonly (readonly [V, string])[];
  readonly onChange: (value: V | '') => void;
}) {
  const { anyLabel, options, ...rest } = props;
  return <ViewSelect<V | ''> {...rest} active={props.value !== ''} options={[['', anyLabel], ...options]} />;
}
