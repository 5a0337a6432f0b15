/**
 * The choice between the card's phase and GitHub's when both moved since the last sync: stated
 * against the card's phase now (the board's card, so a move made meanwhile shows at once), with
 * "Keep mine" and "Take GitHub". Focus never falls out of the dialog: after a choice it moves to
 * the outcome line (read out), and if the conflict goes while focus was in it (settled in another
 * window or by `pals resolve`), to the section's heading.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { conflictNow } from '../../../shared/github/conflict.js';
import { PHASE_TITLES } from '../../../shared/phases.js';
import type { EngagementView } from '../../../shared/view.js';
import { selectEngagement } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';

/** The conflict group (or, once settled here, what was done); `heading` takes focus if the group goes under it. */
export function ConflictChoice({
  engagement,
  idPrefix,
  heading,
}: {
  readonly engagement: EngagementView;
  readonly idPrefix: string;
  readonly heading: RefObject<HTMLElement | null>;
}) {
  const resolve = useAppStore((s) => s.resolveConflict);
  const phase = useAppStore(selectEngagement(engagement.id))?.phase ?? engagement.phase;
  const conflict = conflictNow(phase, engagement.github?.conflict ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [settled, setSettled] = useState<string | null>(null);
  const focusInside = useRef(false);
  const choosing = useRef(false);
  const outcome = useRef<HTMLParagraphElement>(null);

  // The group went away under the focus (not by a choice made here): keep focus in the dialog.
  useLayoutEffect(() => {
    if (conflict || !focusInside.current || choosing.current) return;
    focusInside.current = false;
    heading.current?.focus();
  }, [conflict, heading]);
  useEffect(() => {
    if (settled) outcome.current?.focus();
  }, [settled]);

  const choose = async (keep: 'local' | 'github') => {
    if (busy) return;
    setBusy(true);
    choosing.current = true;
    const res = await resolve(engagement.id, keep);
    choosing.current = false;
    setBusy(false);
    setError(res.ok ? null : res.error.message);
    if (!res.ok) return;
    focusInside.current = false;
    const where = PHASE_TITLES[res.value.phase];
    setSettled(keep === 'local' ? `Kept in ${where}.` : `Moved to ${where}, as GitHub says.`);
  };

  if (!conflict) {
    return settled ? (
      <p ref={outcome} tabIndex={-1} className="github-settled">
        {settled}
      </p>
    ) : null;
  }
  const textId = `${idPrefix}-conflict`;
  return (
    <div
      className="github-conflict"
      role="group"
      aria-labelledby={textId}
      onFocus={() => {
        focusInside.current = true;
      }}
      onBlur={(event) => {
        if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) focusInside.current = false;
      }}
    >
      <p id={textId}>
        GitHub suggests <strong>{PHASE_TITLES[conflict.remote]}</strong>; the card is in <strong>{PHASE_TITLES[conflict.local]}</strong>.
      </p>
      <p className="github-conflict-hint">
        Keep mine leaves it in {PHASE_TITLES[conflict.local]}; Take GitHub moves it to {PHASE_TITLES[conflict.remote]}.
      </p>
      <div className="github-conflict-actions">
        <button type="button" className="button button--small" aria-disabled={busy || undefined} onClick={() => void choose('local')}>
          Keep mine
        </button>
        <button type="button" className="button button--small" aria-disabled={busy || undefined} onClick={() => void choose('github')}>
          Take GitHub
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
