/**
 * What a caller may ask for (CLI flags today, the UI's API calls later), validated before any
 * change is made so a rejected command changes nothing.
 */
import { z } from 'zod';
import { isHttpUrl, parseIssueRef } from './issue-ref.js';
import {
  IsoDateSchema,
  LongTextSchema,
  MaturitySchema,
  MAX_NOTE_CHARS,
  NameSchema,
  NoteKindSchema,
  PersonSchema,
  PhaseSchema,
} from './schema.js';

export const RepoUrlSchema = z
  .string()
  .max(2_000)
  .refine(isHttpUrl, { error: 'must be an http(s) URL such as https://github.com/org/project' });

/** An issue link as typed by a person; the parser's own message explains any refusal. */
export const IssueInputSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseIssueRef(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});

export const NewEngagementInputSchema = z.strictObject({
  name: NameSchema,
  maturity: MaturitySchema.optional(),
  repo: RepoUrlSchema.nullable().optional(),
  kickoff: IsoDateSchema.nullable().optional(),
  pals: z.array(NameSchema).max(20).optional(),
  issue: IssueInputSchema.nullable().optional(),
  phase: PhaseSchema.optional(),
  onHold: z.boolean().optional(),
  selection: LongTextSchema.optional(),
  contacts: z.array(PersonSchema).max(50).optional(),
});

export const EngagementPatchSchema = z.strictObject({
  name: NameSchema.optional(),
  maturity: MaturitySchema.optional(),
  repo: RepoUrlSchema.nullable().optional(),
  kickoff: IsoDateSchema.nullable().optional(),
  pals: z.array(NameSchema).max(20).optional(),
  issue: IssueInputSchema.nullable().optional(),
  onHold: z.boolean().optional(),
  selection: LongTextSchema.optional(),
  contacts: z.array(PersonSchema).max(50).optional(),
  reaction: LongTextSchema.optional(),
  /** Replaces the whole list (the card dialog edits it as one). */
  learnings: z.array(LongTextSchema).max(200).optional(),
  /** Appends (the CLI's `--learning`), so earlier learnings are never dropped by accident. */
  addLearnings: z.array(LongTextSchema).max(200).optional(),
  hours: z.number().nonnegative().max(100_000).nullable().optional(),
});

export const NewNoteInputSchema = z.strictObject({
  kind: NoteKindSchema.default('general'),
  text: z.string().max(MAX_NOTE_CHARS, `must be at most ${MAX_NOTE_CHARS} characters`),
  date: IsoDateSchema.nullable().optional(),
  attendees: z.array(z.string().max(200)).max(100).optional(),
});

export type NewEngagementInput = z.infer<typeof NewEngagementInputSchema>;
export type EngagementPatch = z.infer<typeof EngagementPatchSchema>;
export type NewNoteInput = z.input<typeof NewNoteInputSchema>;
