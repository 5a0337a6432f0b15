/** The formats a deck exports to, and what the self-assessment's pull request carries (contract types without the builders). */
import { z } from 'zod';

/** md: Marp markdown · html: one self-contained page · pdf and pptx: printed and pictured by Chromium. */
export const DECK_FORMATS = ['md', 'html', 'pdf', 'pptx'] as const;
export type DeckFormat = (typeof DECK_FORMATS)[number];
export const DeckFormatSchema = z.enum(DECK_FORMATS);

/** MIME type of each export. */
export const DECK_MIME: Readonly<Record<DeckFormat, string>> = {
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** A ready pull request adding the self-assessment starter to the project's repository. */
export interface AssessmentPr {
  /** The repository it is for (the engagement's), or null when none is linked yet. */
  readonly repo: string | null;
  readonly title: string;
  /** Where the document goes in that repository. */
  readonly path: string;
  /** The pull request's description (markdown). */
  readonly body: string;
  /** The document itself. */
  readonly document: string;
}
