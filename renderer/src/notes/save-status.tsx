/** The visible save state of an autosaved editor, read out politely, with Retry after a failure. */
import type { SaveState } from './save-types.js';
import { saveStateText } from './use-autosave.js';

/** "Saved", "Saving…" or "Not saved: <why>" (and a Retry button then). */
export function SaveStatus({ state, onRetry }: { readonly state: SaveState; readonly onRetry: () => void }) {
  return (
    <div className="save-status">
      <p role="status" aria-live="polite" className={`save-state save-state--${state.kind}`}>
        {saveStateText(state)}
      </p>
      {state.kind === 'failed' && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
