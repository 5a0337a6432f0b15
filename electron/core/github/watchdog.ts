/**
 * The sync's deadline. One signal for every request of a sync: it aborts when GitHub has not
 * answered anything for `stallMs` (a server that accepts connections and never answers), when
 * the whole sync passes `maxMs`, or when the sync stops on purpose (token refused, rate limit).
 * A sync that keeps getting answers is never cut short by the stall timer, however many issues.
 */
import { setMaxListeners } from 'node:events';

const registry = new WeakMap<AbortSignal, Watchdog>();

/** The watchdog behind a request's signal, so the fetch wrapper can report answers to it. */
export function watchdogOf(signal: AbortSignal | null | undefined): Watchdog | undefined {
  return signal ? registry.get(signal) : undefined;
}

/** Why a request was aborted, in words for the coordinator. */
export function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'the sync was stopped';
}

/** A one-shot timer the watchdog restarts on every answer. */
export interface WatchdogTimer {
  /** Starts the same time over from now (a timer that fired runs again, as Node's `refresh`). */
  readonly refresh: () => void;
  readonly cancel: () => void;
}

/** How the watchdog keeps time: Node's timers, or a clock a test moves by hand (so a stall is a step, not a wait). */
export type StartTimer = (ms: number, fire: () => void) => WatchdogTimer;

/** Node's timers; `refresh` restarts the same timer rather than making a new one per answer. */
export const nodeTimer: StartTimer = (ms, fire) => {
  const timer = setTimeout(fire, ms);
  return {
    refresh: () => {
      timer.refresh();
    },
    cancel: () => {
      clearTimeout(timer);
    },
  };
};

/** Seconds, for messages. */
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Aborts a sync that stalls or runs too long. */
export class Watchdog {
  private readonly controller = new AbortController();
  private stallTimer: WatchdogTimer | undefined;
  /** What the stall timer was last armed for. */
  private armedMs = 0;
  private stopped = false;
  private readonly maxTimer: WatchdogTimer;

  constructor(
    private readonly stallMs: number,
    maxMs: number,
    private readonly startTimer: StartTimer = nodeTimer,
  ) {
    registry.set(this.controller.signal, this);
    // Every request in flight (and every wait) listens to this one signal: as many as the sync
    // runs at once is expected, not a leak, and Node's warning would end up on the CLI's stderr.
    setMaxListeners(0, this.controller.signal);
    this.maxTimer = startTimer(maxMs, () => {
      this.abort(`the sync took longer than ${seconds(maxMs)} and was stopped; try again later`);
    });
    this.touch();
  }

  /** Aborts every request of the sync when it fires. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** GitHub answered: the stall timer starts again. */
  touch(): void {
    this.arm(this.stallMs);
  }

  /** We are waiting on purpose (GitHub's retry-after): allow that long plus the usual stall. */
  extend(ms: number): void {
    this.arm(ms + this.stallMs);
  }

  /** Stops the sync now, with the message every unfinished request will report. */
  abort(message: string): void {
    if (this.controller.signal.aborted) return;
    this.stop();
    this.controller.abort(new Error(message));
  }

  /** Clears the timers (the sync ended). */
  stop(): void {
    this.stopped = true;
    this.stallTimer?.cancel();
    this.maxTimer.cancel();
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    // Every answer re-arms the timer: the same timer is restarted, not a new one made each time.
    if (this.stallTimer && ms === this.armedMs) {
      this.stallTimer.refresh();
      return;
    }
    this.stallTimer?.cancel();
    this.armedMs = ms;
    this.stallTimer = this.startTimer(ms, () => {
      this.abort(`GitHub did not answer for ${seconds(ms)}; the sync stopped (check the network connection and try again)`);
    });
  }
}
