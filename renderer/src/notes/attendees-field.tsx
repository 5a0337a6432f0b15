/** Who was at the meeting: the engagement's pals and contacts as checkboxes, plus anyone typed in. */
import { useId, useState } from 'react';

/** Someone the engagement knows, and what they are (pal, maintainer…). */
export interface Person {
  readonly name: string;
  readonly hint: string;
}

/** The attendees fieldset; `value` is the list stored on the note. */
export function AttendeesField(props: {
  readonly people: readonly Person[];
  readonly value: readonly string[];
  readonly onChange: (next: readonly string[]) => void;
}) {
  const { people, value, onChange } = props;
  const [other, setOther] = useState('');
  const prefix = useId();
  const known = new Set(people.map((p) => p.name));
  const everyone: Person[] = [...people, ...value.filter((v) => !known.has(v)).map((name) => ({ name, hint: '' }))];

  const toggle = (name: string, on: boolean) => {
    onChange(on ? [...value, name] : value.filter((v) => v !== name));
  };
  const add = () => {
    const name = other.trim();
    if (name && !value.includes(name)) onChange([...value, name]);
    setOther('');
  };

  return (
    <fieldset className="attendees">
      <legend className="field-label">Attendees</legend>
      {everyone.length > 0 && (
        <ul className="attendee-list">
          {everyone.map((p, i) => (
            <li key={p.name} className="attendee">
              <input
                id={`${prefix}-${i}`}
                type="checkbox"
                className="checkbox"
                checked={value.includes(p.name)}
                onChange={(e) => {
                  toggle(p.name, e.target.checked);
                }}
              />
              <label htmlFor={`${prefix}-${i}`} dir="auto">
                {p.name}
              </label>
              {p.hint && <span className="attendee-hint">{p.hint}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="attendee-add">
        <input
          className="input"
          type="text"
          aria-label="Other attendee"
          placeholder="Someone else"
          dir="auto"
          autoComplete="off"
          value={other}
          onChange={(e) => {
            setOther(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" className="button button--small" onClick={add}>
          Add attendee
        </button>
      </div>
    </fieldset>
  );
}
