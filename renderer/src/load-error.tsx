/** Says when the board could not be loaded from the core, with a way to try again. */
import { useAppStore } from './store/store-context.js';

/** The load failure banner (the last good board, if any, stays visible below it). */
export function LoadError() {
  const error = useAppStore((s) => s.loadError);
  const load = useAppStore((s) => s.load);
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      <p>
        <strong>Could not load the board.</strong> {error}
      </p>
      <button type="button" className="button" onClick={() => void load()}>
        Try again
      </button>
    </div>
  );
}
