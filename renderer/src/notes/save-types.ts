/** The vocabulary of autosave: save states and outcomes, and the clock and journal it is given. */

/** What the save state shows: "Saved", "Saving…" or "Not saved: <message>". */
export type SaveState = { readonly kind: 'saved' } | { readonly kind: 'saving' } | { readonly kind: 'failed'; readonly message: string };

/** The answer of one save attempt. */
export type SaveOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The clock and timers the engine uses (real ones by default, fakes in tests). */
export interface Timers {
  readonly now: () => number;
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

/** Where every edit is written before it is saved, so a crash loses nothing. */
export interface Journal<T> {
  readonly write: (value: T) => void;
  readonly clear: () => void;
}

/** The browser's timers, looked up at call time (so fake timers installed later still apply). */
export const realTimers: Timers = {
  now: () => Date.now(),
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
