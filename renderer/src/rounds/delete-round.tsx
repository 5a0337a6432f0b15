/**
 * "Delete round", confirmed inline. A round that holds engagements is deleted only with a round
 * for them to move to (the core refuses otherwise, and that refusal is shown); the last round stays.
 */
import { useId, useState } from 'react';
import type { Round } from '../../../shared/schema.js';
import { ConfirmDelete } from '../forms/confirm-delete.js';
import { useAppStore } from '../store/store-context.js';

/** The danger zone of the round dialog; `onDeleted` hears which round remains to show. */
export function DeleteRound(props: {
  readonly round: Round;
  readonly rounds: readonly Round[];
  /** How many engagements the round holds (from the board). */
  readonly held: number;
  readonly onDeleted: (next: string) => void;
}) {
  const { round, rounds, held, onDeleted } = props;
  const removeRound = useAppStore((s) => s.removeRound);
  const announce = useAppStore((s) => s.announce);
  const others = rounds.filter((r) => r.id !== round.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const id = useId();

  if (others.length === 0) {
    return <p className="muted rounds-danger">A data folder keeps at least one round, so this one cannot be deleted.</p>;
  }

  const confirm = async () => {
    const moveTo = held > 0 ? target || undefined : undefined;
    const res = await removeRound(round.id, moveTo);
    if (!res.ok) return `Not deleted: ${res.error.message}`;
    const to = others.find((r) => r.id === moveTo);
    announce(`${round.name} was deleted${to ? `; its engagements moved to ${to.name}` : ''}.`);
    onDeleted(to?.id ?? others[0]!.id);
    return null;
  };

  return (
    <ConfirmDelete
      className="rounds-danger"
      openClassName="rounds-danger side-section"
      startLabel="Delete round…"
      groupLabel="Confirm deleting the round"
      message={
        held > 0
          ? `${round.name} holds ${held} ${held === 1 ? 'engagement' : 'engagements'}. They move to another round (each keeps its history) before ${round.name} is deleted.`
          : `Delete ${round.name}? It holds no engagements.`
      }
      confirmLabel={held > 0 ? 'Move and delete' : 'Delete round'}
      onConfirm={confirm}
    >
      {held > 0 && (
        <div className="field">
          <label htmlFor={`${id}-target`} className="field-label">
            Move its engagements to
          </label>
          <select
            id={`${id}-target`}
            className="select"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
            }}
          >
            {others.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </ConfirmDelete>
  );
}
