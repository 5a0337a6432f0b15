/** Learnings as a list: each with a tag (a suggested one, none, or one of your own) and its text. */
import { useId } from 'react';
import { SUGGESTED_LEARNING_TAGS, tagLabel } from '../../../shared/learnings.js';
import { useRowFocus } from '../forms/use-row-focus.js';
import { CloseIcon, PlusIcon } from '../icons.js';
import { CUSTOM_TAG, learningRow, type LearningRow } from './retro-values.js';

/** The list editor; `errors` are keyed `tag-<row key>` and `learning-<row key>`. */
export function LearningsEditor(props: {
  readonly rows: readonly LearningRow[];
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (rows: readonly LearningRow[]) => void;
}) {
  const { rows, errors, onChange } = props;
  const prefix = useId();
  const { list, addButton, focusRow } = useRowFocus('.learning-text');

  const change = (key: string, patch: Partial<LearningRow>) => {
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  return (
    <fieldset className="learnings">
      <legend className="field-label">Learnings</legend>
      <p className="field-hint">Tagged learnings are grouped by tag in the retrospective deck.</p>
      <ol ref={list} className="learning-list">
        {rows.map((r, i) => {
          const n = i + 1;
          const tagError = errors[`tag-${r.key}`];
          const textError = errors[`learning-${r.key}`];
          const errorId = `${prefix}-${r.key}-error`;
          return (
            <li key={r.key} className="learning-row">
              <select
                className="select learning-tag"
                aria-label={`Tag of learning ${n}`}
                value={r.tag}
                onChange={(e) => {
                  change(r.key, { tag: e.target.value });
                }}
              >
                <option value="">No tag</option>
                {SUGGESTED_LEARNING_TAGS.map((t) => (
                  <option key={t} value={t}>
                    {tagLabel(t)}
                  </option>
                ))}
                <option value={CUSTOM_TAG}>Other tag…</option>
              </select>
              {r.tag === CUSTOM_TAG && (
                <input
                  className="input learning-custom"
                  type="text"
                  aria-label={`Custom tag of learning ${n}`}
                  placeholder="tag"
                  dir="auto"
                  value={r.custom}
                  aria-invalid={tagError ? true : undefined}
                  aria-describedby={tagError ? errorId : undefined}
                  onChange={(e) => {
                    change(r.key, { custom: e.target.value });
                  }}
                />
              )}
              <input
                className="input learning-text"
                type="text"
                aria-label={`Learning ${n}`}
                placeholder="What the round taught"
                dir="auto"
                value={r.text}
                aria-invalid={textError ? true : undefined}
                aria-describedby={textError ? errorId : undefined}
                onChange={(e) => {
                  change(r.key, { text: e.target.value });
                }}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove learning ${n}`}
                onClick={() => {
                  onChange(rows.filter((x) => x.key !== r.key));
                  focusRow(Math.min(i, rows.length - 2));
                }}
              >
                <CloseIcon />
              </button>
              {(tagError ?? textError) && (
                <p id={errorId} className="field-error learning-error">
                  {tagError ?? textError}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button
        ref={addButton}
        type="button"
        className="button button--small"
        onClick={() => {
          onChange([...rows, learningRow()]);
          focusRow(rows.length);
        }}
      >
        <PlusIcon /> Add learning
      </button>
    </fieldset>
  );
}
