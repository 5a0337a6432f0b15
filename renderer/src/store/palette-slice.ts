/** The command palette's state (its commands live in renderer/src/palette/commands.ts). */
import type { StateCreator } from 'zustand/vanilla';
import type { PaletteSlice } from './palette-state.js';
import type { Store } from './types.js';

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
