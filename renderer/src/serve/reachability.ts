/**
 * Whether the core answers this page. A call that finds `pals serve` stopped or refusing this
 * page's session marks it lost; the next answer (a call, the event stream reopening after a new
 * address was opened in this browser) marks it back, and those listening — unsaved editors, the
 * board, the notice — act on their own, so nobody has to reopen a note to save it.
 */

/** The page's view of its connection to the core. */
export interface Reachability {
  /** A call found the core unreachable, or its session refused. */
  readonly lost: () => void;
  /** The core answered; if it had been lost, every listener hears it is back. */
  readonly answered: () => void;
  /** Whether the last word was a loss. */
  readonly isLost: () => boolean;
  /** Calls `listener` each time the core is back after a loss; returns the unsubscribe. */
  readonly onBack: (listener: () => void) => () => void;
}

/** A new tracker (one per page: `reachability` below; tests make their own). */
export function createReachability(): Reachability {
  let down = false;
  const listeners = new Set<() => void>();
  return {
    lost: () => {
      down = true;
    },
    answered: () => {
      if (!down) return;
      down = false;
      for (const listener of [...listeners]) listener();
    },
    isLost: () => down,
    onBack: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** This page's tracker (the desktop app's core never goes away: it is never lost there). */
export const reachability: Reachability = createReachability();
