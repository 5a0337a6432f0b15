/**
 * The stored shape of everything, as zod schemas. The store validates every load with
 * `StoreDocSchema`; `pals restore` validates hand-edited files with it too. Objects are
 * strict so a misspelt key in a hand-edited file is reported instead of silently dropped.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { apiUrlProblem, formatIssueRef, isHttpUrl, issueUrl, parseIssueRef, type IssueRef } from './issue-ref.js';
import { DEFAULT_WINDOWS, PHASES } from './phases.js';
import { emptyRoundDeck, RoundDeckSchema } from './deck/round-deck-schema.js';
import { SecurityCheckSchema } from './intake/security-check-schema.js';

/**
 * The schema version this build writes; older files are migrated, newer ones refused. Bump it
 * whenever the stored shape changes in any way (a field, an enum value, a limit, a default), with
 * a migration from the previous version (shared/migrations.ts): test/shared/schema-version.test.ts
 * pins the shape to this number and says what to do (docs/ARCHITECTURE.md, "Changing the stored shape").
 */
export const SCHEMA_VERSION = 3;

export const MATURITIES = ['sandbox', 'incubating', 'graduated', 'archived'] as const;
export const NOTE_KINDS = ['meet-greet', 'follow-up', 'general'] as const;

/** Longest note body accepted (characters); a 200 KB meeting transcript fits easily. */
export const MAX_NOTE_CHARS = 1_000_000;
export const MAX_NAME_CHARS = 200;
export const MAX_TEXT_CHARS = 50_000;

export const PhaseSchema = z.enum(PHASES);
export const MaturitySchema = z.enum(MATURITIES);
export const NoteKindSchema = z.enum(NOTE_KINDS);

export const IsoDateSchema = z.string().refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' });
export const TimestampSchema = z.iso.datetime({ offset: true });
export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be a lowercase id');

/** A display name: any text (markup included, stored as is) with something visible in it. */
export const NameSchema = z
  .string()
  .max(MAX_NAME_CHARS, `must be at most ${MAX_NAME_CHARS} characters`)
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

export const LongTextSchema = z.string().max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`);

export const PersonSchema = z.strictObject({
  name: NameSchema,
  github: z.string().max(39).nullable().default(null),
  email: z.string().max(254).nullable().default(null),
  role: z.string().max(100).nullable().default(null),
});

export const ActionItemSchema = z.strictObject({
  id: IdSchema,
  text: LongTextSchema,
  owner: z.string().max(MAX_NAME_CHARS).nullable().default(null),
  done: z.boolean().default(false),
  /** The day the owner promised it by (the Action items view, `pals due` and the calendar read it). */
  due: IsoDateSchema.nullable().default(null),
});

export const NoteSchema = z.strictObject({
  id: IdSchema,
  kind: NoteKindSchema,
  date: IsoDateSchema.nullable().default(null),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  text: z.string().max(MAX_NOTE_CHARS, `must be at most ${MAX_NOTE_CHARS} characters`),
  attendees: z.array(z.string().max(MAX_NAME_CHARS)).default([]),
  actions: z.array(ActionItemSchema).default([]),
});

/**
 * Why a card moved (shared/move.ts): a drag or click on the board, `pals move`, a move dated in
 * the past, a settled conflict, or a sync following GitHub's labels.
 */
export const MoveReasonSchema = z.enum(['board', 'cli', 'backdated', 'conflict-keep-mine', 'conflict-take-github', 'sync']);

/** One move on the board; the history feeds time-in-phase figures for the retrospective. */
export const PhaseChangeSchema = z.strictObject({
  from: PhaseSchema.nullable(),
  to: PhaseSchema,
  at: TimestampSchema,
  source: z.enum(['local', 'github', 'import']).default('local'),
  /** Who asked for the move (absent on creation, an edited history and stores older than this field). */
  reason: MoveReasonSchema.optional(),
  /** What on GitHub caused a sync's move (`label "pals/review"`, `issue closed`). */
  because: z.string().max(200).optional(),
});

export const GithubConflictSchema = z.strictObject({
  local: PhaseSchema,
  remote: PhaseSchema,
  detectedAt: TimestampSchema,
});

/**
 * One grammar for stored links, whoever wrote them (a form, a restore, a hand edit, a GitHub
 * answer): an issue is `owner/repo#n` exactly as `formatIssueRef` writes it, its URL is the
 * github.com page of that issue, a repo is an http(s) URL (no javascript:, data: or file:).
 */
/** A link that reads back as itself: parsed as an issue reference, then written the canonical way. */
const canonicalIssue = (write: (ref: IssueRef) => string, max: number, message: string) =>
  z
    .string()
    .max(max)
    .refine((text) => {
      const ref = parseIssueRef(text);
      return !('error' in ref) && write(ref) === text;
    }, message);
const StoredIssueSchema = canonicalIssue(formatIssueRef, 300, 'must be an issue reference written owner/repo#123');
const StoredIssueUrlSchema = canonicalIssue(issueUrl, 2_000, 'must be a github.com issue or pull request URL');
export const StoredRepoUrlSchema = z.string().max(2_000).refine(isHttpUrl, 'must be an http(s) URL such as https://github.com/org/project');

/** The tracking issue (or PR) and what the last sync saw of it. */
export const GithubLinkSchema = z.strictObject({
  issue: StoredIssueSchema,
  url: StoredIssueUrlSchema,
  kind: z.enum(['issue', 'pull']).default('issue'),
  state: z.enum(['open', 'closed']).nullable().default(null),
  title: z.string().nullable().default(null),
  labels: z.array(z.string()).default([]),
  assignees: z.array(z.string()).default([]),
  milestone: z.string().nullable().default(null),
  comments: z.number().int().nonnegative().nullable().default(null),
  updatedAt: TimestampSchema.nullable().default(null),
  syncedAt: TimestampSchema.nullable().default(null),
  etag: z.string().nullable().default(null),
  suggestedPhase: PhaseSchema.nullable().default(null),
  conflict: GithubConflictSchema.nullable().default(null),
  error: z.string().nullable().default(null),
});

/** One top-level section of TAG Security's self-assessment template, and whether the PR fills it. */
export const AssessmentSectionSchema = z.strictObject({
  title: z.string().min(1).max(100),
  filled: z.boolean(),
});

/**
 * The self-assessment pull request (`edit --pr`) and what the last sync read of it: the
 * self-assessment file it changes and which of the template's sections that file fills.
 */
export const PullLinkSchema = z.strictObject({
  /** `owner/repo#n`. */
  pr: StoredIssueSchema,
  url: StoredIssueUrlSchema,
  path: z.string().max(1_000).nullable().default(null),
  sections: z.array(AssessmentSectionSchema).max(20).default([]),
  syncedAt: TimestampSchema.nullable().default(null),
  /** Why the last sync could not read the progress (no self-assessment file, PR gone). */
  error: z.string().max(500).nullable().default(null),
  /** The files list's ETag: an unchanged PR costs a 304 and no rate-limit point. */
  etag: z.string().max(200).nullable().default(null),
});

export const RetroAnswersSchema = z.strictObject({
  worked: LongTextSchema.default(''),
  didnt: LongTextSchema.default(''),
  improve: LongTextSchema.default(''),
  more: LongTextSchema.default(''),
  less: LongTextSchema.default(''),
});

/** How much a project already has on security (intake criteria); `unknown` until someone asks. */
export const SECURITY_STATUSES = ['none', 'some-docs', 'self-assessment', 'audited', 'unknown'] as const;
export const SecurityStatusSchema = z.enum(SECURITY_STATUSES);

/** Structured intake criteria for choosing projects (issue 13); the score is shared/selection.ts. */
export const CriteriaSchema = z.strictObject({
  security: SecurityStatusSchema.default('unknown'),
  /** The TOC member or TAG that sponsors the project (text), and a link to their input. */
  sponsor: z.string().max(MAX_NAME_CHARS).default(''),
  sponsorLink: StoredRepoUrlSchema.nullable().default(null),
  /** A coordinator's own priority, 0 (lowest) to 5; null when not given. */
  priority: z.number().int().min(0).max(5).nullable().default(null),
});

/** A move of an engagement from one round to another (carry-over, or `edit --round`). */
export const RoundMoveSchema = z.strictObject({
  from: IdSchema,
  to: IdSchema,
  at: TimestampSchema,
});

export const EngagementSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  maturity: MaturitySchema.default('sandbox'),
  repo: StoredRepoUrlSchema.nullable().default(null),
  kickoff: IsoDateSchema.nullable().default(null),
  phase: PhaseSchema.default('intake'),
  onHold: z.boolean().default(false),
  /** Part of the example round the empty board offers; removable in one action. */
  example: z.boolean().default(false),
  round: IdSchema.default('default'),
  pals: z.array(NameSchema).default([]),
  contacts: z.array(PersonSchema).default([]),
  github: GithubLinkSchema.nullable().default(null),
  pr: PullLinkSchema.nullable().default(null),
  notes: z.array(NoteSchema).default([]),
  selection: LongTextSchema.default(''),
  reaction: LongTextSchema.default(''),
  learnings: z.array(LongTextSchema).default([]),
  hours: z.number().nonnegative().max(100_000).nullable().default(null),
  retro: RetroAnswersSchema.default(() => RetroAnswersSchema.parse({})),
  history: z.array(PhaseChangeSchema).default([]),
  criteria: CriteriaSchema.default(() => CriteriaSchema.parse({})),
  /** What `pals intake check` last read of the project's security (the coordinator's `criteria.security` stays final). */
  securityCheck: SecurityCheckSchema.nullable().default(null),
  roundMoves: z.array(RoundMoveSchema).default([]),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

const WeekSchema = z.number().int().min(0).max(104);
export const PhaseWindowSchema = z
  .strictObject({ start: WeekSchema, end: WeekSchema })
  .refine((w) => w.start <= w.end, { error: 'a window must not end before it starts' });

export const WindowsSchema = z.strictObject({
  intake: PhaseWindowSchema,
  'meet-greet': PhaseWindowSchema,
  'follow-up': PhaseWindowSchema,
  draft: PhaseWindowSchema,
  review: PhaseWindowSchema,
});

/** GitHub labels are at most 50 characters. */
export const LabelNameSchema = z.string().min(1, 'a label must not be empty').max(50, 'a label is at most 50 characters, GitHub’s limit');

/** One label → phase rule (ordered lists, first match wins; see shared/github/labels.ts). */
export const LabelRuleSchema = z.strictObject({
  label: LabelNameSchema,
  phase: PhaseSchema,
  /** Labels of one family are mutually exclusive: write-back sets one and removes its siblings. */
  family: z.string().min(1).max(50).default('pals'),
  /** Other labels the issue must carry too for the rule to match. */
  requires: z.array(LabelNameSchema).max(5).default([]),
});
export const LabelRulesSchema = z.array(LabelRuleSchema).max(100);

const WeightSchema = z.number().int().min(0).max(10);
/** Weights of the selection score's criteria, each 0–10. */
export const CriteriaWeightsSchema = z.strictObject({
  security: WeightSchema,
  sponsor: WeightSchema,
  maturity: WeightSchema,
  priority: WeightSchema,
});
export const DEFAULT_CRITERIA_WEIGHTS: Readonly<z.infer<typeof CriteriaWeightsSchema>> = {
  security: 3,
  sponsor: 2,
  maturity: 2,
  priority: 3,
};

/** A round of the program: its own timebox, so a coordinator can change week numbers. */
export const RoundSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  windows: WindowsSchema.default(() => ({ ...DEFAULT_WINDOWS })),
  /** This round's label → phase rules; null uses the settings' (or the built-in) rules. */
  labelRules: LabelRulesSchema.nullable().default(null),
  /** Opt-in: moving a card sets its phase label on the linked issue. */
  writeBack: z.boolean().default(false),
  /** How much each intake criterion counts in the selection score (0 leaves it out). */
  criteriaWeights: CriteriaWeightsSchema.default(() => ({ ...DEFAULT_CRITERIA_WEIGHTS })),
  /** The round's retrospective: benefits seen, next steps, key takeaways (the deck shows them). */
  benefits: z.array(LongTextSchema).max(200).default([]),
  nextSteps: z.array(LongTextSchema).max(200).default([]),
  takeaways: z.array(LongTextSchema).max(200).default([]),
  /** The deck's own words, added slides and section order (shared/deck/round-deck-schema.ts). */
  deck: RoundDeckSchema.default(emptyRoundDeck),
});

/** What the last GitHub sync did, for the status chip. */
export const SyncRecordSchema = z.strictObject({
  at: TimestampSchema,
  checked: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  error: z.string().max(500).nullable().default(null),
  /** GitHub's core rate limit as the sync's last answer stated it (the settings show what is left). */
  rateLimit: z
    .strictObject({ remaining: z.number().int().nonnegative(), limit: z.number().int().nonnegative(), reset: TimestampSchema })
    .nullable()
    .default(null),
});

/** How the board is split into lanes: not at all, or one lane per pal. */
export const SWIMLANES = ['none', 'pal'] as const;
/** The board's round choice meaning "every round" (no round id can be written this way). */
export const ALL_ROUNDS = '*';

/**
 * What the board shows (filters, lanes, round), kept with the data so it survives a reload or a
 * restart and `pals list --view NAME` reads the same saved views. '' means "any".
 */
export const ViewStateSchema = z.strictObject({
  pal: z.string().max(MAX_NAME_CHARS).default(''),
  maturity: z.union([MaturitySchema, z.literal('')]).default(''),
  due: z.enum(['', 'none', 'on-track', 'due-soon', 'overdue']).default(''),
  swimlanes: z.enum(SWIMLANES).default('none'),
  /** null: whichever round is current; ALL_ROUNDS: every round. */
  round: z
    .union([IdSchema, z.literal(ALL_ROUNDS)])
    .nullable()
    .default(null),
});
/** A view saved under a name ("My engagements", "Overdue"). */
export const SavedViewSchema = z.strictObject({ name: NameSchema, ...ViewStateSchema.shape });
export const ViewsSchema = z.strictObject({
  /** The board as it was last left. */
  current: ViewStateSchema.default(() => ViewStateSchema.parse({})),
  saved: z.array(SavedViewSchema).max(50).default([]),
});

/** A GitHub login: letters, digits and single dashes, at most 39 characters. */
export const GithubLoginSchema = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub login (letters, digits and dashes)');

/** One pal in the registry; a null limit follows the settings' palLimit. */
export const PalRecordSchema = z.strictObject({
  name: NameSchema,
  login: GithubLoginSchema.nullable().default(null),
  limit: z.number().int().min(1).max(50).nullable().default(null),
  email: z
    .string()
    .max(254)
    .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address')
    .nullable()
    .default(null),
});

export const SettingsSchema = z.strictObject({
  currentRound: IdSchema.default('default'),
  dueSoonDays: z.number().int().min(0).max(60).default(7),
  /** A pal's soft limit of active engagements (swimlanes and `pals load` mark who is over it). */
  palLimit: z.number().int().min(1).max(50).default(2),
  /** Label → phase rules for every round without its own; null uses the built-in defaults. */
  labelRules: LabelRulesSchema.nullable().default(null),
  lastSync: SyncRecordSchema.nullable().default(null),
  /** The GitHub API (GitHub Enterprise, a loopback stand-in); null is https://api.github.com. */
  apiUrl: z
    .string()
    .max(2_000)
    .refine((url) => apiUrlProblem(url) === null, 'must be an https URL such as https://github.example.com/api/v3 (http only to 127.0.0.1)')
    .nullable()
    .default(null),
  /**
   * The pal registry: each pal once, however a card spells them (names match ignoring case and
   * spacing), with their GitHub login (a card tells whether the issue's assignees are its pals),
   * their own soft limit and an e-mail. Pals only named on cards are pals too, with no record yet.
   */
  pals: z.array(PalRecordSchema).max(5_000).default([]),
  /** The desktop app's daily "Needs attention" notification (off: nothing is pushed). */
  notifications: z.boolean().default(true),
  /** The board's filters, lanes and round, and the views saved by name. */
  views: ViewsSchema.default(() => ViewsSchema.parse({})),
});

/**
 * A phase waiting to be written back to GitHub; removed only once it succeeded. It holds the
 * target phase, not a label diff: the labels to add and remove are worked out when it is sent,
 * under the rules in force then (shared/github/labels.ts). `setLabel`/`removeLabels` are what
 * format 2 stored instead; they are kept as read and never used (the card's phase is sent).
 */
export const OutboxEntrySchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  issue: StoredIssueSchema,
  phase: PhaseSchema.optional(),
  setLabel: LabelNameSchema.optional(),
  removeLabels: z.array(LabelNameSchema).max(100).optional(),
  createdAt: TimestampSchema,
  attempts: z.number().int().nonnegative().default(0),
  lastError: z.string().max(500).nullable().default(null),
});

export const StoreDocSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    settings: SettingsSchema.default(() => SettingsSchema.parse({})),
    rounds: z.array(RoundSchema).min(1, 'needs at least one round'),
    engagements: z.array(EngagementSchema),
    outbox: z.array(OutboxEntrySchema).default([]),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.engagements.forEach((e, i) => {
      if (seen.has(e.id)) {
        ctx.addIssue({ code: 'custom', path: ['engagements', i, 'id'], message: `duplicate id ${e.id}` });
      }
      seen.add(e.id);
    });
    const rounds = new Set(doc.rounds.map((r) => r.id));
    if (!rounds.has(doc.settings.currentRound)) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'currentRound'], message: 'names no round' });
    }
    doc.engagements.forEach((e, i) => {
      if (!rounds.has(e.round)) {
        ctx.addIssue({ code: 'custom', path: ['engagements', i, 'round'], message: `names no round (${e.round})` });
      }
    });
  });

export type Maturity = z.infer<typeof MaturitySchema>;
export type NoteKind = z.infer<typeof NoteKindSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type PhaseChange = z.infer<typeof PhaseChangeSchema>;
export type MoveReason = z.infer<typeof MoveReasonSchema>;
export type GithubLink = z.infer<typeof GithubLinkSchema>;
export type PullLink = z.infer<typeof PullLinkSchema>;
export type AssessmentSection = z.infer<typeof AssessmentSectionSchema>;
export type RetroAnswers = z.infer<typeof RetroAnswersSchema>;
export type Engagement = z.infer<typeof EngagementSchema>;
export type Round = z.infer<typeof RoundSchema>;
export type Criteria = z.infer<typeof CriteriaSchema>;
export type CriteriaWeights = z.infer<typeof CriteriaWeightsSchema>;
export type SecurityStatus = z.infer<typeof SecurityStatusSchema>;
export type RoundMove = z.infer<typeof RoundMoveSchema>;
export type Windows = z.infer<typeof WindowsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type PalRecord = z.infer<typeof PalRecordSchema>;
export type ViewState = z.infer<typeof ViewStateSchema>;
export type SavedView = z.infer<typeof SavedViewSchema>;
export type LabelRule = z.infer<typeof LabelRuleSchema>;
export type SyncRecord = z.infer<typeof SyncRecordSchema>;
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export type StoreDoc = z.infer<typeof StoreDocSchema>;

/** A round with every default (the built-in timebox and weights, no retrospective yet). */
export function newRound(id: string, name: string): Round {
  return {
    id,
    name,
    windows: { ...DEFAULT_WINDOWS },
    labelRules: null,
    writeBack: false,
    criteriaWeights: { ...DEFAULT_CRITERIA_WEIGHTS },
    benefits: [],
    nextSteps: [],
    takeaways: [],
    deck: emptyRoundDeck(),
  };
}

/** The intake criteria of an engagement nobody has assessed yet. */
export function emptyCriteria(): Criteria {
  return { security: 'unknown', sponsor: '', sponsorLink: null, priority: null };
}

/** The result of an operation: the next document and what the caller asked for. */
export interface Applied<T> {
  readonly doc: StoreDoc;
  readonly value: T;
}

/** An empty store for a new data folder. */
export function emptyDoc(): StoreDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: {
      currentRound: 'default',
      dueSoonDays: 7,
      palLimit: 2,
      labelRules: null,
      lastSync: null,
      apiUrl: null,
      pals: [],
      notifications: true,
      views: ViewsSchema.parse({}),
    },
    rounds: [newRound('default', 'Round 1')],
    engagements: [],
    outbox: [],
  };
}

/** A path into the document as people read it: `engagements[0].notes[2].text`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Turns zod issues into one readable line per problem, with the path into the document. */
export function describeIssues(error: { readonly issues: readonly z.core.$ZodIssue[] }, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = pathText(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  return lines.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
