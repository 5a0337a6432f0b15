/**
 * Under the label rules table: what saving the pending edit would do on the next sync, card by
 * card ("Saving this moves 3 cards: …"), before Save. The one-line summary is a polite live
 * region and describes the Save button, so a screen reader hears it where the choice is made.
 */
import { PHASE_TITLES } from '../../../shared/phases.js';
import type { RulePreviewState } from './use-rule-preview.js';

const cards = (n: number) => `${String(n)} card${n === 1 ? '' : 's'}`;

/** The summary sentence of a preview (also what describes the Save button). */
export function previewSummary(state: RulePreviewState): string {
  switch (state.kind) {
    case 'none':
      return '';
    case 'working':
      return 'Working out which cards saving this moves…';
    case 'refused':
      return `This cannot be saved: ${state.message}`;
    case 'done': {
      const { moves, conflicts } = state.preview;
      const moved = moves.length === 0 ? 'Saving this moves no card' : `Saving this moves ${cards(moves.length)}`;
      const asked = conflicts.length === 0 ? '' : `, and ${cards(conflicts.length)} moved here since the last sync become conflicts`;
      return `${moved} on the next sync${asked}.`;
    }
  }
}

/** The preview: its summary, then the cards it moves and the conflicts it raises. */
export function RulePreviewNote({ id, state }: { readonly id: string; readonly state: RulePreviewState }) {
  const done = state.kind === 'done' ? state.preview : null;
  // The live region stays in the page (empty when nothing is pending) so each new answer is read out;
  // "working out" is shown, not announced, so typing does not make the reader chatter.
  return (
    <div className="rule-preview">
      <p id={id} role="status" className={state.kind === 'refused' ? 'form-error' : 'rule-preview-summary'}>
        {state.kind === 'working' ? '' : previewSummary(state)}
      </p>
      {state.kind === 'working' && <p className="muted">{previewSummary(state)}</p>}
      {done && done.moves.length > 0 && (
        <ul className="rule-preview-list" aria-label="Cards saving would move">
          {done.moves.map((m) => (
            <li key={m.ref}>
              <strong>{m.name}</strong>: {PHASE_TITLES[m.from]} → {PHASE_TITLES[m.to]} <span className="muted">({m.because})</span>
            </li>
          ))}
        </ul>
      )}
      {done && done.conflicts.length > 0 && (
        <ul className="rule-preview-list" aria-label="Cards saving would make conflicts">
          {done.conflicts.map((c) => (
            <li key={c.ref}>
              <strong>{c.name}</strong>: here {PHASE_TITLES[c.local]}, GitHub {PHASE_TITLES[c.remote]}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p className="muted rules-combined">
          From the labels each issue had at the last sync; nothing is saved until you press Save rules.
        </p>
      )}
    </div>
  );
}
