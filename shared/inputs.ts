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
  SecurityStatusSchema,
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

/** A round named by id or by name (case-insensitive), as the CLI's ROUND and the round select send it. */
export const RoundRefSchema = z.string().trim().min(1, 'name a round').max(200);

/** Intake criteria as a form or the CLI sends them; only the criteria given change. */
export const CriteriaInputSchema = z.strictObject({
  security: SecurityStatusSchema.optional(),
  sponsor: z.string().max(200).optional(),
  sponsorLink: RepoUrlSchema.nullable().optional(),
  priority: z.number().int().min(0).max(5).nullable().optional(),
});
export type CriteriaInput = z.infer<typeof CriteriaInputSchema>;

/** A self-assessment pull request as typed: `owner/repo#n` or its github.com pull URL (not an issue's). */
export const PullInputSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseIssueRef(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error.replace('the issue URL', 'the pull request URL') });
  else if (/\/issues\//.test(text))
    ctx.addIssue({ code: 'custom', message: `"${text.trim()}" is an issue; link the self-assessment pull request (…/pull/123)` });
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
  /** The round it joins (default: the current round). */
  round: RoundRefSchema.optional(),
  criteria: CriteriaInputSchema.optional(),
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
  /** Moves it to another round (recorded in its `roundMoves`). */
  round: RoundRefSchema.optional(),
  criteria: CriteriaInputSchema.optional(),
  /** The self-assessment pull request; null unlinks it. */
  pr: PullInputSchema.nullable().optional(),
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
  /** YYYY-MM-DD, a real day (2026-02-30 is refused); null clears it. */
  due: IsoDateSchema.nullable().optional(),
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

/** An action item added on its own (`pals action`, the Action items view), not from a note's editor. */
export const NewActionInputSchema = z.strictObject({
  text: LongTextSchema.refine((s) => s.trim().length > 0, { error: 'must say what needs doing' }),
  /** Anyone: a pal, or a contact on the project's side (the view marks owners who are not pals). */
  owner: z.string().max(200).nullable().optional(),
  due: IsoDateSchema.nullable().optional(),
});

export type NewActionInput = z.infer<typeof NewActionInputSchema>;
