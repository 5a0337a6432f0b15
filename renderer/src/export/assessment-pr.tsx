/**
 * "Self-assessment PR…": the starter as a ready pull request (the call `assessmentPullRequest`,
 * what `pals export assessment REF --pr` prints): its title, path and description, each in a
 * read-only field with a Copy button. Without a clipboard the text is selected for Ctrl+C.
 */
import { useId, useRef, useState } from 'react';
import type { AssessmentPr } from '../../../shared/deck/formats.js';
import { useAppStore } from '../store/store-context.js';

type Copyable = HTMLInputElement | HTMLTextAreaElement;

/** The toggle button and, once open, the pull request's parts (card dialog, Details tab; keyed by the engagement). */
export function AssessmentPrAction({ id }: { readonly id: string }) {
  const load = useAppStore((s) => s.assessmentPullRequest);
  const [open, setOpen] = useState(false);
  const [pr, setPr] = useState<AssessmentPr | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const asked = useRef(0);
  const prefix = useId();

  const toggle = async () => {
    const ask = ++asked.current;
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setPr(null);
    setError(null);
    setStatus('');
    const res = await load(id);
    if (ask !== asked.current) return; // closed (or reopened) meanwhile
    if (res.ok) setPr(res.value);
    else setError(`Could not prepare the pull request: ${res.error.message}`);
  };

  const copy = async (what: string, field: Copyable) => {
    try {
      if (!(navigator as Partial<Navigator>).clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(field.value);
      setStatus(`Copied the ${what}.`);
    } catch {
      field.focus();
      field.select();
      setStatus(`Could not copy: the ${what} is selected, copy it with Ctrl+C (⌘C).`);
    }
  };

  const panelId = `${prefix}-panel`;
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => void toggle()}
      >
        Self-assessment PR…
      </button>
      {open && (
        <section id={panelId} className="assessment-pr" aria-labelledby={`${prefix}-heading`} aria-busy={!pr && !error}>
          <h3 id={`${prefix}-heading`} className="side-title">
            Self-assessment pull request
          </h3>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {!pr && !error && <p className="muted">Preparing…</p>}
          {pr && (
            <>
              <p className="muted">
                {pr.repo ? (
                  <>
                    For <span dir="auto">{pr.repo}</span>: open a pull request there that adds the starter at this path.
                  </>
                ) : (
                  'No repository linked yet: set the Repository URL, then open the pull request in the project’s repository.'
                )}
              </p>
              <CopyField prefix={prefix} name="title" label="Title" value={pr.title} onCopy={copy} />
              <CopyField prefix={prefix} name="path" label="Path" value={pr.path} onCopy={copy} />
              <CopyField prefix={prefix} name="description" label="Description" value={pr.body} onCopy={copy} multiline />
            </>
          )}
          <p role="status" className="muted">
            {status}
          </p>
        </section>
      )}
    </>
  );
}

/** A read-only field with its Copy button ("Copy title"); the description is a text area. */
function CopyField(props: {
  readonly prefix: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly multiline?: boolean;
  readonly onCopy: (what: string, field: Copyable) => Promise<void>;
}) {
  const { prefix, name, label, value, multiline, onCopy } = props;
  const field = useRef<Copyable | null>(null);
  const id = `${prefix}-${name}`;
  const what = label.toLowerCase();
  const keep = (el: Copyable | null) => {
    field.current = el;
  };
  const button = (
    <button
      type="button"
      className="button button--small"
      onClick={() => {
        if (field.current) void onCopy(what, field.current);
      }}
    >
      Copy {what}
    </button>
  );
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <>
          <textarea id={id} ref={keep} className="textarea assessment-pr-body" rows={10} readOnly dir="auto" value={value} />
          {button}
        </>
      ) : (
        <div className="assessment-pr-line">
          <input id={id} ref={keep} className="input" readOnly dir="auto" value={value} />
          {button}
        </div>
      )}
    </div>
  );
}
