/**
 * Autosave without React: every edit is kept (and journalled) at once, saves are coalesced
 * (`delayMs` after the last edit, at most `maxWaitMs` apart while typing goes on) and
 * serialized (never two in flight; the latest value wins). A failed save keeps the value and
 * waits for the next edit or `flush()` (the Retry button). The clock is injected so tests drive it.
 */
import { realTimers, type Journal, type SaveOutcome, type SaveState, type Timers } from './save-types.js';

export interface AutosaveOptions<T> {
  /** The value the editor starts with. */
  readonly initial: T;
  /** What the store holds (default: `initial`); null when nothing is stored yet (a new note). */
  readonly saved?: T | null;
  /** Starts "Not saved: <notice>" (text restored from the journal); `start()` then saves it. */
  readonly notice?: string;
  /** Stores `value`; `saved` is the last value the store confirmed (null before the first save). */
  readonly save: (value: T, saved: T | null) => Promise<SaveOutcome>;
  readonly equals?: (a: T, b: T) => boolean;
  readonly delayMs?: number;
  readonly maxWaitMs?: number;
  readonly timers?: Timers;
  readonly journal?: Journal<T>;
}

/** One editor's autosave. */
export interface Autosave<T> {
  readonly latest: () => T;
  readonly state: () => SaveState;
  readonly subscribe: (listener: () => void) => () => void;
  /** Records an edit (a keystroke) and schedules a save. */
  readonly update: (value: T) => void;
  /** Saves now if anything is unsaved; resolves once nothing is in flight. */
  readonly flush: () => Promise<void>;
  /** Call once the editor shows: saves soon whatever the store lacks (at once if nothing is stored). */
  readonly start: () => void;
  /** Shows a value saved elsewhere, but only when nothing here is pending; true if it did. */
  readonly reset: (value: T) => boolean;
  /** Forgets unsaved edits and stops saving (the note is being deleted); resolves once nothing is in flight. */
  readonly discard: () => Promise<void>;
}

const SAVED: SaveState = { kind: 'saved' };
const SAVING: SaveState = { kind: 'saving' };

/** Creates the engine for one value (one note, one retrospective). */
export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const { save, equals = Object.is, delayMs = 400, maxWaitMs = 2_000, timers = realTimers, journal } = options;
  let latest = options.initial;
  let saved: T | null = options.saved === undefined ? options.initial : options.saved;
  let failure: string | null = options.notice ?? null;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let timer: unknown = null;
  let firstEditAt: number | null = null;
  let discarded = false;
  let state: SaveState = failure !== null ? { kind: 'failed', message: failure } : saved === null ? SAVING : SAVED;
  const listeners = new Set<() => void>();

  const dirty = () => saved === null || !equals(latest, saved);
  /** Recomputes the state; listeners hear of a new state, or of any new value when `valueChanged`. */
  const refresh = (valueChanged = false) => {
    const next: SaveState = failure !== null ? { kind: 'failed', message: failure } : inFlight || dirty() ? SAVING : SAVED;
    const same = next.kind === state.kind && (next.kind !== 'failed' || (state.kind === 'failed' && state.message === next.message));
    if (!same) state = next;
    if (same && !valueChanged) return;
    listeners.forEach((l) => {
      l();
    });
  };
  const stopTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const schedule = () => {
    const now = timers.now();
    firstEditAt ??= now;
    stopTimer();
    timer = timers.set(
      () => {
        timer = null;
        void run();
      },
      Math.max(0, Math.min(now + delayMs, firstEditAt + maxWaitMs) - now),
    );
  };

  const attempt = async (value: T): Promise<SaveOutcome> => {
    try {
      return await save(value, saved);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };

  const loop = async () => {
    try {
      for (;;) {
        again = false;
        const sent = latest;
        firstEditAt = null;
        failure = null;
        refresh();
        const outcome = await attempt(sent);
        if (outcome.ok) {
          saved = sent;
          if (discarded || equals(latest, sent)) journal?.clear();
          else journal?.write(latest); // re-journal against what the store now holds
        } else failure = outcome.message;
        // Go on only for newer edits someone asked to save; a failure waits for the next edit.
        if (!again || !dirty() || (!outcome.ok && equals(latest, sent))) break;
      }
    } finally {
      inFlight = null;
      // Edits undone while a save was out leave the store one step ahead: save again (unless failing).
      if (!discarded && failure === null && timer === null && dirty()) schedule();
      refresh();
    }
  };

  const run = (): Promise<void> => {
    stopTimer();
    if (discarded) return inFlight ?? Promise.resolve();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    if (!dirty()) return Promise.resolve();
    inFlight = loop();
    return inFlight;
  };

  return {
    latest: () => latest,
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update: (value) => {
      if (discarded) return;
      latest = value;
      if (dirty()) {
        journal?.write(value);
        schedule();
      } else {
        journal?.clear();
        stopTimer();
        firstEditAt = null;
        failure = null;
      }
      refresh(true);
    },
    flush: run,
    start: () => {
      if (inFlight || timer !== null || !dirty()) return;
      if (saved === null) void run();
      else schedule();
    },
    reset: (value) => {
      if (inFlight || timer !== null || dirty()) return false;
      latest = value;
      saved = value;
      refresh(true);
      return true;
    },
    discard: () => {
      discarded = true;
      stopTimer();
      if (saved !== null) latest = saved;
      failure = null;
      journal?.clear();
      refresh(true);
      return inFlight ?? Promise.resolve();
    },
  };
}
