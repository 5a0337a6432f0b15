/**
 * Keeps each editor's autosave session for as long as the dialog is open, so leaving a tab (which
 * unmounts its editor and flushes it) and coming back shows the very same, newest text.
 */

/** A get-or-create map of sessions by key. */
export interface SessionCache<T> {
  readonly get: (key: string, create: () => T) => T;
}

/** An empty cache (make one per dialog). */
export function createSessionCache<T>(): SessionCache<T> {
  const sessions = new Map<string, T>();
  return {
    get: (key, create) => {
      const found = sessions.get(key);
      if (found) return found;
      const made = create();
      sessions.set(key, made);
      return made;
    },
  };
}
