/**
 * A clock a test moves by hand, for code that takes a `StartTimer` (the sync's watchdog,
 * electron/core/github/watchdog.ts): a timer fires when `advance` passes its time, never on its
 * own, so a test of a 15 s stall takes no time and no load can make it fire early or late.
 */
import type { StartTimer } from '../../electron/core/github/watchdog.js';

interface Armed {
  due: number;
  readonly ms: number;
  readonly fire: () => void;
}

/** A manual clock: `start` sets timers on it, `advance` moves it on. */
export interface ManualTimers {
  readonly start: StartTimer;
  /** How long until each armed timer fires, soonest first. */
  readonly pending: () => number[];
  /** Moves the clock on by `ms`, firing every timer that falls due on the way, in time order. */
  readonly advance: (ms: number) => void;
}

/** A manual clock at 0 with no timers. */
export function manualTimers(): ManualTimers {
  let now = 0;
  const armed = new Set<Armed>();
  const start: StartTimer = (ms, fire) => {
    const timer: Armed = { due: now + ms, ms, fire };
    armed.add(timer);
    return {
      // As Node's `refresh`: the same time again from now, and a timer that fired is armed again.
      refresh: () => {
        timer.due = now + timer.ms;
        armed.add(timer);
      },
      cancel: () => {
        armed.delete(timer);
      },
    };
  };
  const soonest = () => [...armed].sort((a, b) => a.due - b.due)[0];
  return {
    start,
    pending: () => [...armed].map((t) => t.due - now).sort((a, b) => a - b),
    advance: (ms) => {
      const end = now + ms;
      for (let next = soonest(); next && next.due <= end; next = soonest()) {
        now = next.due;
        armed.delete(next);
        next.fire();
      }
      now = end;
    },
  };
}
