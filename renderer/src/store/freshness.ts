/**
 * Which copy of a card is newest, when answers to this page's own calls and the core's change
 * feed (`boardChanged`) race each other. The feed is ordered and complete, so it always wins: an
 * answer is applied only if no change event (or snapshot) set that card since the call began.
 * Calls in flight are counted per engagement, so the open record is checked once they settle
 * (the page's own echo then matches what it already holds, and nothing is fetched again).
 */

/** One page's bookkeeping (one per store; framework-free). */
export interface Freshness {
  /** A point in the page's history, taken when a call starts. */
  readonly mark: () => number;
  /** True when a change event or a snapshot set card `id` after `mark`. */
  readonly changedSince: (id: string, mark: number) => boolean;
  /** Change events set these cards now. */
  readonly touch: (ids: Iterable<string>) => void;
  /** A snapshot replaced the whole board now. */
  readonly touchAll: () => void;
  /**
   * Runs `run`, a call of this page on engagement `id`, then `settle` with its answer and whether
   * that answer is still the newest word on the card; `onSettled` listeners hear when the last
   * call on `id` has settled.
   */
  readonly call: <T>(id: string, run: () => Promise<T>, settle: (answer: T, fresh: boolean) => void) => Promise<T>;
  /** True while a call of this page on `id` is in flight. */
  readonly busy: (id: string) => boolean;
  /** Hears the id whose last call in flight just ended; returns the unsubscribe. */
  readonly onSettled: (listener: (id: string) => void) => () => void;
}

/** A fresh tracker for one store. */
export function createFreshness(): Freshness {
  let clock = 0;
  let all = 0;
  const touched = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const listeners = new Set<(id: string) => void>();
  return {
    mark: () => clock,
    changedSince: (id, mark) => Math.max(all, touched.get(id) ?? 0) > mark,
    touch: (ids) => {
      clock += 1;
      for (const id of ids) touched.set(id, clock);
    },
    touchAll: () => {
      clock += 1;
      all = clock;
      touched.clear();
    },
    call: async (id, run, settle) => {
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      const mark = clock;
      try {
        const answer = await run();
        settle(answer, Math.max(all, touched.get(id) ?? 0) <= mark);
        return answer;
      } finally {
        const left = (inFlight.get(id) ?? 1) - 1;
        if (left > 0) inFlight.set(id, left);
        else {
          inFlight.delete(id);
          for (const listener of listeners) listener(id);
        }
      }
    },
    busy: (id) => inFlight.has(id),
    onSettled: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
