/**
 * Labelled form fields whose error sits beside the control (aria-invalid + aria-describedby),
 * so a message is both seen and read out with the field it belongs to.
 */
import type { ReactNode } from 'react';

/** The accessibility wiring a control needs from its field. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  /** Unique per form (from useId), so two dialogs never share element ids. */
  readonly prefix: string;
  readonly name: string;
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly wide?: boolean;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A label, a control (rendered by `children`), an optional hint and the field's error. */
export function Field({ prefix, name, label, error, hint, wide, children }: FieldProps) {
  const id = `${prefix}-${name}`;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** What a one-control text field needs besides its control's own attributes. */
interface TextFieldBase {
  readonly prefix: string;
  readonly name: string;
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly value: string;
  readonly placeholder?: string | undefined;
  readonly onChange: (value: string) => void;
}

/** A field whose control is a text input (`className` defaults to "input"). */
export function TextField(
  props: TextFieldBase & {
    readonly className?: string;
    readonly type?: 'text' | 'url';
    readonly maxLength?: number;
    readonly dir?: 'auto';
    readonly autoComplete?: 'off';
    readonly inputMode?: 'decimal';
  },
) {
  const { prefix, name, label, error, hint, onChange, className = 'input', ...input } = props;
  return (
    <Field prefix={prefix} name={name} label={label} error={error} hint={hint}>
      {(c) => (
        <input
          {...c}
          {...input}
          className={className}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** A field whose control is a multi-line text area written in the writer's direction. */
export function TextAreaField(props: TextFieldBase & { readonly rows: number }) {
  const { prefix, name, label, error, hint, onChange, rows, value, placeholder } = props;
  return (
    <Field prefix={prefix} name={name} label={label} error={error} hint={hint}>
      {(c) => (
        <textarea
          {...c}
          className="textarea"
          rows={rows}
          dir="auto"
          value={value}
          placeholder={placeholder}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** A field's select over a fixed set of values, each shown by its label. */
export function ChoiceSelect<V extends string>(props: {
  readonly control: ControlProps;
  readonly value: V;
  readonly choices: readonly V[];
  readonly labels: Readonly<Record<V, string>>;
  readonly onChange: (value: V) => void;
}) {
  const { control, value, choices, labels, onChange } = props;
  return (
    <select
      {...control}
      className="select"
      value={value}
      onChange={(e) => {
        onChange(e.target.value as V);
      }}
    >
      {choices.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
}

/** A checkbox with its label to the right. */
export function CheckboxField(props: {
  readonly prefix: string;
  readonly name: string;
  readonly label: string;
  readonly checked: boolean;
  /** The id of a hint shown elsewhere that describes the checkbox. */
  readonly describedBy?: string;
  readonly onChange: (checked: boolean) => void;
}) {
  const id = `${props.prefix}-${props.name}`;
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={props.checked}
        aria-describedby={props.describedBy}
        onChange={(e) => {
          props.onChange(e.target.checked);
        }}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** A form-level error (one that belongs to no single field). */
export function FormError({ message }: { readonly message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="form-error">
      {message}
    </p>
  );
}
