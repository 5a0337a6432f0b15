/** The deck's options as the UI sends them (validated like every API argument). */
import { z } from 'zod';
import { IdSchema } from '../schema.js';
import { DECK_SECTIONS, DECK_THEMES } from './sections.js';

export const DeckOptionsSchema = z.strictObject({
  title: z.string().max(200).optional(),
  theme: z.enum(DECK_THEMES).optional(),
  sections: z.partialRecord(z.enum(DECK_SECTIONS), z.boolean()).optional(),
  only: z.array(IdSchema).max(5_000).optional(),
  /** Exactly these sections and custom slides, in this order (`export deck --sections`); default: the round's order. */
  order: z.array(z.string().min(1).max(64)).min(1).max(300).optional(),
  /** The round the deck is about (id or name); default: the current round. */
  round: z.string().trim().min(1).max(200).optional(),
});

export type DeckOptionsInput = z.infer<typeof DeckOptionsSchema>;

/** What an export produced: saved by the app's native dialog, or a file for the browser to download. */
export type ExportResult =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'download'; readonly filename: string; readonly mime: string; readonly base64: string };
