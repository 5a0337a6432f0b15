/**
 * The React side of an autosave engine: its save state as React state, and a flush whenever
 * work could be lost: the editor unmounts (dialog closed, another note chosen), the page is
 * hidden, or it is being unloaded; and a retry of a failed save once the core is back (after
 * `pals serve` restarted and a new address was opened in this browser), so "Not saved" turns to
 * "Saved" without reopening the note.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { reachability } from '../serve/reachability.js';
import type { Autosave } from './autosave.js';
import type { SaveState } from './save-types.js';
import { notSavedText } from '../feedback/not-saved.js';

/** Follows `engine` (create it once per editor, e.g. in a useState initializer) while mounted. */
export function useAutosave<T>(engine: Autosave<T>, onUnmountFlushed?: (state: SaveState) => void): SaveState {
  const state = useSyncExternalStore(engine.subscribe, engine.state);
  const onDone = useRef(onUnmountFlushed);
  useEffect(() => {
    onDone.current = onUnmountFlushed;
  });

  useEffect(() => {
    engine.start();
    const flush = () => void engine.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const stopRetry = reachability.onBack(() => {
      if (engine.state().kind === 'failed') flush();
    });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      stopRetry();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      void engine.flush().then(() => onDone.current?.(engine.state()));
    };
  }, [engine]);

  return state;
}

/** The words of a save state, exactly as the UI contract spells them. */
export function saveStateText(state: SaveState): string {
  if (state.kind === 'saved') return 'Saved';
  if (state.kind === 'saving') return 'Saving…';
  return notSavedText(state.message);
}
