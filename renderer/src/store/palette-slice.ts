/** The command palette's state (its commands live in renderer/src/palette/commands.ts). */
import type { StateCreator } from 'zustand/vanilla';
import type { Store } from './types.js';

/** One choice of a palette step (a card, a phase, a round). */
export interface StepOption {
  readonly id: string;
  readonly label: string;
  /** Said after the label (a card's phase, "current round"). */
  readonly hint?: string;
  /** Runs the choice (a further question opens the palette again with `openPalette(step)`). */
  readonly run: () => void;
}

/** A question the palette asks after a command: which card, which phase, which round. */
export interface PaletteStep {
  /** What the palette asks, e.g. "Go to card" (the combobox's label). */
  readonly title: string;
  readonly placeholder: string;
  /** The choices matching what is typed (at most a screenful or two). */
  readonly options: (query: string) => readonly StepOption[];
  /** Said when nothing matches. */
  readonly empty: string;
}

/** Palette state and actions. */
export interface PaletteSlice {
  /** Null when closed; `step` null lists the commands. `seq` tells one opening from the next. */
  readonly palette: { readonly step: PaletteStep | null; readonly seq: number } | null;
  readonly openPalette: (step?: PaletteStep | null) => void;
  readonly closePalette: () => void;
  /** The card whose dialog should start a new note as soon as it shows (null: none). */
  readonly newNoteFor: string | null;
  readonly requestNewNote: (id: string | null) => void;
}

/** Builds the palette slice. */
export function createPaletteSlice(): StateCreator<Store, [], [], PaletteSlice> {
  let seq = 0;
  return (set) => ({
    palette: null,
    openPalette: (step = null) => {
      set({ palette: { step, seq: ++seq } });
    },
    closePalette: () => {
      set({ palette: null });
    },
    newNoteFor: null,
    requestNewNote: (newNoteFor) => {
      set({ newNoteFor });
    },
  });
}
