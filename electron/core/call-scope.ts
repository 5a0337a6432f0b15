/**
 * Which API call made a store change. `dispatch` runs the synchronous start of every handler
 * (where it applies its store update) inside a scope with a fresh call id; the change feed asks
 * for that id when the store reports a change. The answer names the call, and so does the feed's
 * event, so a page can tell the changes its own answers already showed from everyone else's.
 * A change made later (after an await, by a sync, from disk) belongs to no call: pages treat it
 * as someone else's, which is always safe.
 */

interface Scope {
  readonly id: string;
  changed: boolean;
}

let current: Scope | null = null;
let counter = 0;

/** Runs `start` (a handler's synchronous start) as call `id`; says whether a store change was attributed to it. */
export function inCallScope<T>(start: () => T): { readonly id: string; readonly result: T; readonly changed: () => boolean } {
  const scope: Scope = { id: `c${(++counter).toString(36)}`, changed: false };
  const outer = current;
  current = scope;
  try {
    return { id: scope.id, result: start(), changed: () => scope.changed };
  } finally {
    current = outer;
  }
}

/** The call making a store change right now, if any (the change is then attributed to it). */
export function attributeChange(): string | null {
  if (!current) return null;
  current.changed = true;
  return current.id;
}
