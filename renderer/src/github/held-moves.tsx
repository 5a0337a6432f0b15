/**
 * Moves made while write-back was off, under the write-back switch in Settings → GitHub. Switching
 * write-back on sends none of them: right after switching, the list is offered with "Push these N
 * moves" (queued, then a sync sends them) or "Only moves from now on" (their issues keep their
 * labels). Either way focus goes back to the switch; while any are held, a line says so and
 * "Review held moves" offers the list again.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { PHASE_TITLES } from '../../../shared/phases.js';
import { useAppStore } from '../store/store-context.js';

interface HeldMovesProps {
  /** Show the list with its two choices (just switched on, or asked to review). */
  readonly offered: boolean;
  readonly onOffer: () => void;
  /** The choice was made (or the list emptied): focus goes back to the switch. */
  readonly onSettled: () => void;
}

/** The held moves of the current round, offered or summed up in one line; nothing when none are held. */
export function HeldMoves({ offered, onOffer, onSettled }: HeldMovesProps) {
  const held = useAppStore((s) => s.heldMoves) ?? [];
  const push = useAppStore((s) => s.pushHeldMoves);
  const syncNow = useAppStore((s) => s.syncNow);
  const tokenSet = useAppStore((s) => s.githubStatus?.tokenSet ?? false);
  const announce = useAppStore((s) => s.announce);
  const id = useId();
  const group = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = offered && held.length > 0;

  // Offered: focus moves to the group, so its name and the list are read out.
  useEffect(() => {
    if (shown) group.current?.focus();
  }, [shown]);

  if (held.length === 0) return null;
  const n = held.length;
  const moves = n === 1 ? '1 move' : `${n} moves`;
  if (!shown) {
    return (
      <p className="held-line">
        <span>{n === 1 ? '1 move made while write-back was off is' : `${moves} made while write-back was off are`} not on GitHub.</span>{' '}
        <button type="button" className="button button--small" onClick={onOffer}>
          Review held moves
        </button>
      </p>
    );
  }

  const pushAll = async () => {
    if (busy) return;
    setBusy(true);
    const res = await push(held.map((h) => h.ref));
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setError(null);
    const queued = res.value.length === 1 ? '1 move' : `${res.value.length} moves`;
    announce(tokenSet ? `${queued} queued for GitHub; syncing now.` : `${queued} queued for GitHub; the next sync sends them.`);
    onSettled();
    if (tokenSet) void syncNow();
  };
  const keep = () => {
    announce(`Write-back on for moves from now on; ${n === 1 ? 'the held issue keeps its' : 'the held issues keep their'} labels.`);
    onSettled();
  };

  return (
    <div ref={group} className="held-moves" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} tabIndex={-1}>
      <p id={`${id}-title`} className="held-title">
        {n === 1 ? '1 card was' : `${n} cards were`} moved while write-back was off
      </p>
      <p id={`${id}-text`} className="held-text">
        {n === 1 ? 'Its issue keeps its' : 'Their issues keep their'} labels: switching write-back on sent nothing. Push{' '}
        {n === 1 ? 'this move' : 'these moves'} to GitHub too, or write back only moves from now on.
      </p>
      <ul className="held-list">
        {held.map((h) => (
          <li key={h.ref}>
            <strong>{h.name}</strong>: {PHASE_TITLES[h.local]} here; GitHub says {h.remote === null ? 'no phase' : PHASE_TITLES[h.remote]}
          </li>
        ))}
      </ul>
      <div className="held-actions">
        <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => void pushAll()}>
          {n === 1 ? 'Push this move' : `Push these ${n} moves`}
        </button>
        <button type="button" className="button" onClick={keep}>
          Only moves from now on
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
