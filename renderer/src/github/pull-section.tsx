/**
 * The card dialog's self-assessment PR: link it (owner/repo#n or its URL), unlink it, and see its
 * progress per template section as the last sync read it.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import type { EngagementView } from '../../../shared/view.js';
import { formatMoment } from '../format/dates.js';
import { useAppStore } from '../store/store-context.js';
import { PrProgress } from './pr-progress.js';

/** The PR part of the GitHub section. */
export function PullSection({ engagement }: { readonly engagement: EngagementView }) {
  const edit = useAppStore((s) => s.edit);
  const id = useId();
  const pr = engagement.pr;
  const [text, setText] = useState(pr?.url ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (value: string | null) => {
    if (busy) return;
    setBusy(true);
    const res = await edit(engagement.id, { pr: value });
    setBusy(false);
    setError(res.ok ? null : res.error.message);
    if (res.ok) setText(res.value.pr?.url ?? '');
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void save(text.trim() === '' ? null : text.trim());
  };

  return (
    <div className="pull-section">
      <h4 className="side-subtitle" id={`${id}-title`}>
        Self-assessment PR
      </h4>
      {pr && (
        <>
          <p className="github-line">
            {isHttpUrl(pr.url) ? (
              <a href={pr.url} target="_blank" rel="noopener noreferrer" className="link">
                {pr.pr}
              </a>
            ) : (
              <span>{pr.pr}</span>
            )}
            {pr.path && (
              <span className="muted" dir="auto">
                {' '}
                {pr.path}
              </span>
            )}
          </p>
          <PrProgress filled={pr.filled} total={pr.total} error={pr.error} sections={pr.sections} />
          {pr.syncedAt && (
            <p className="muted">
              Read <time dateTime={pr.syncedAt}>{formatMoment(pr.syncedAt)}</time>
            </p>
          )}
        </>
      )}
      <form className="inline-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        <div className="field">
          <label htmlFor={`${id}-pr`} className="field-label">
            Pull request
          </label>
          <input
            id={`${id}-pr`}
            className="input"
            value={text}
            placeholder="cncf/tag-security#1234"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
            {pr ? 'Save PR' : 'Link PR'}
          </button>
          {pr && (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-disabled={busy || undefined}
              onClick={() => void save(null)}
            >
              Unlink PR
            </button>
          )}
        </div>
        {error && (
          <p id={`${id}-error`} role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
