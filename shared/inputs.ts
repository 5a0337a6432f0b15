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
  /** The round's retrospective questions; only the answers given change. */
  retro: z
    .strictObject({
      worked: LongTextSchema.optional(),
      didnt: LongTextSchema.optional(),
      improve: LongTextSchema.optional(),
      more: LongTextSchema.optional(),
      less: LongTextSchema.optional(),
    })
    .optional(),
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

/** An action item as the note editor sends it (a new one has no id yet). */
export const ActionItemInputSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,63}$/)
    .optional(),
  text: LongTextSchema,
  owner: z.string().max(200).nullable().optional(),
  done: z.boolean().optional(),
});

/** A change to a note: autosave sends the text; the header fields change rarely. */
export const NotePatchSchema = z.strictObject({
  kind: NoteKindSchema.optional(),
  text: z.string().max(MAX_NOTE_CHARS, `must be at most ${MAX_NOTE_CHARS} characters`).optional(),
  date: IsoDateSchema.nullable().optional(),
  attendees: z.array(z.string().max(200)).max(100).optional(),
  actions: z.array(ActionItemInputSchema).max(500).optional(),
});

export type ActionItemInput = z.infer<typeof ActionItemInputSchema>;
export type NotePatch = z.infer<typeof NotePatchSchema>;
