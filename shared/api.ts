/**
 * The one API contract between the UI and the core. Every call is declared once here: its
 * argument schema (validated in the core before the call runs) and its result type. The
 * Electron IPC handlers and preload, and the `pals serve` HTTP routes and client, are all
 * derived from this map; nothing else names a call.
 */
import { z } from 'zod';
import type { API_EVENT_NAMES, ApiCallName, MenuCommand } from './api-names.js';
import type { IsoDate } from './dates.js';
import { DeckOptionsSchema, type ExportResult } from './deck/options.js';
import type { BackupChoice, RestoreDone, RestoreWay } from './backup.js';
import { DeckFormatSchema, type AssessmentPr } from './deck/formats.js';
import { NewDeckImageSchema, RoundDeckPatchSchema } from './deck/round-deck-schema.js';
import {
  EngagementPatchSchema,
  IssueInputSchema,
  NewActionInputSchema,
  NewEngagementInputSchema,
  NewNoteInputSchema,
  NotePatchSchema,
  RoundRefSchema,
} from './inputs.js';
import type { Insight } from './insight.js';
import { WindowsPatchSchema } from './windows.js';
import {
  CriteriaWeightsSchema,
  IdSchema,
  LabelNameSchema,
  LabelRulesSchema,
  LongTextSchema,
  NameSchema,
  PalRecordSchema,
  PhaseSchema,
  type Note,
  type Round,
  type Settings,
} from './schema.js';
import type { AddedDiscovered } from './github/discovery.js';
import type { RoundRulesView } from './github/label-rules.js';
import type { RulePreview } from './github/rule-preview.js';
import { SettingsPatchSchema, type SettingsView } from './settings-update.js';
import type { DiscoveredIssue } from './github/issue.js';
import type { SecurityCheckReport } from './intake/check-report.js';
import type { GithubStatus, SyncProgress, SyncReport } from './github/report.js';
import type { HeldMove } from './github/held.js';
import type { BoardDelta, CardView, EngagementView, OpenActionView, SearchHitView } from './view.js';
import type { Attention } from './attention.js';
import type { AddedAction } from './actions.js';
import type { PalLoad } from './load.js';
import type { PalEntry } from './pals.js';

/** A pal after a change, with the known pals the name may be a second spelling of (offered for merging). */
export interface PalChange {
  readonly pal: PalEntry;
  readonly lookAlikes: readonly string[];
}
import { ViewStateSchema, type SavedView, type ViewState } from './schema.js';

/**
 * Everything the board needs in one answer, so a refresh is one round trip: cards, not records
 * (no note text), so thousands of engagements stay a small answer.
 */
export interface BoardSnapshot {
  readonly today: IsoDate;
  readonly engagements: readonly CardView[];
  readonly rounds: readonly Round[];
  readonly settings: Settings;
  /** The last `boardChanged` this snapshot already reflects (later ones apply on top of it). */
  readonly seq: number;
}

/**
 * One step of the core's change feed, pushed to every page as `boardChanged`: the cards that
 * changed or went (a page applies them without asking for the board again), or `reload` when
 * the change came from outside this process or touched too many cards to list.
 */
export type BoardChange = {
  readonly origin: 'local' | 'external';
  /** One more than the previous change's; a page that sees a gap has missed one and reloads. */
  readonly seq: number;
  /** The API calls whose changes this event carries (their answers name them as `call`). */
  readonly calls: readonly string[];
  /** True when it also carries changes no API call made (a sync step, the CLI, a failed write undone). */
  readonly unattributed: boolean;
} & ((BoardDelta & { readonly kind: 'cards' }) | { readonly kind: 'reload' });

/** A rendered deck for the in-app preview: marp-core's HTML (one <section> per slide) and CSS. */
export interface DeckPreview {
  readonly html: string;
  readonly css: string;
  readonly slideCount: number;
  readonly engagementCount: number;
  /** Sections and slides that are on but had nothing to show (no text written yet), so were left out. */
  readonly omitted: readonly string[];
}

/** Declares a call: the zod schema of its one argument object, and (as a type) its result. */
// R is a phantom type: it exists only to carry the result type to both transports.
export function call<A extends z.ZodType, R>(args: A): CallDeclaration<A, R> {
  return { args };
}

/** One declared call: its argument schema, and its result as a phantom type. */
export interface CallDeclaration<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: A;
  readonly result?: R;
}

const Empty = z.strictObject({});
const ById = z.strictObject({ id: IdSchema });
const ChoiceArgs = z.strictObject({ choice: IdSchema });
const ActionRef = z.strictObject({ id: IdSchema, noteId: IdSchema, actionId: IdSchema, done: z.boolean() });
const OwnerFilter = z.strictObject({ owner: z.string().max(200).nullable().optional(), includeDone: z.boolean().optional() });
const AddActionArgs = NewActionInputSchema.extend({ id: IdSchema });
const ActionDoneArgs = z.strictObject({ actionId: IdSchema, done: z.boolean() });
const CalendarArgs = z.strictObject({ pal: NameSchema.nullable().optional() });
const PalFields = {
  login: z.string().max(40).nullable().optional(),
  limit: PalRecordSchema.shape.limit.unwrap().optional(),
  email: PalRecordSchema.shape.email.unwrap().optional(),
};
const AddPalArgs = z.strictObject({ name: NameSchema, ...PalFields });
const EditPalArgs = z.strictObject({ pal: NameSchema, name: NameSchema.optional(), ...PalFields });
const MergePalsArgs = z.strictObject({ from: NameSchema, into: NameSchema });
const Query = z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional() });
const ResolveArgs = z.strictObject({ id: IdSchema, keep: z.enum(['local', 'github']) });
/** Issues carrying any of `labels` (or `label`), and the "- Security Pals" PRs; without a label, the PRs only. */
const DiscoverArgs = z.strictObject({
  repo: z.string().min(1).max(300),
  label: LabelNameSchema.optional(),
  labels: z.array(LabelNameSchema).max(10).optional(),
});
/** Engagements to check (default: every Intake card); `refresh` reads again those checked before. */
const CheckSecurityArgs = z.strictObject({ ids: z.array(IdSchema).min(1).max(500).optional(), refresh: z.boolean().optional() });
const RoundRulesArgs = z.strictObject({ roundId: IdSchema.optional() });
const HeldArgs = z.strictObject({ roundId: IdSchema.optional() });
const PushHeldArgs = z.strictObject({ ids: z.array(IdSchema).max(5_000).optional() });
const PhaseLabelsArgs = z.strictObject({
  roundId: IdSchema.optional(),
  phase: PhaseSchema,
  labels: z.array(LabelNameSchema).min(1, 'give at least one label').max(20),
});
/** A whole table of rules for a round (the app's rules table), as `setGithubSettings` would save it. */
const PreviewRulesArgs = z.strictObject({ roundId: IdSchema.optional(), labelRules: LabelRulesSchema });
const DiscoveredChoiceSchema = z.strictObject({
  issue: IssueInputSchema,
  name: NameSchema,
  title: z.string().max(1_000).nullable().optional(),
  kind: z.enum(['issue', 'pull']).optional(),
});
const AddDiscoveredArgs = z.strictObject({ issues: z.array(DiscoveredChoiceSchema).min(1).max(200) });
/** Printable ASCII without spaces (every GitHub token format); the message never repeats it. */
const TokenArgs = z.strictObject({
  token: z
    .string()
    .trim()
    .min(1, 'paste the token')
    .max(1_000, 'that is too long for a GitHub token')
    .regex(/^[\x21-\x7e]+$/, 'a GitHub token has no spaces or special characters'),
  allowInsecure: z.boolean().optional(),
});
/** A day as typed (checked by the core: real, not after today, in order), so the message says which. */
const DayInput = z.string().max(40);
/** `via`: who asks, recorded as the move's reason (the app's board by default; `pals move` says cli). */
const MoveArgs = z.strictObject({ id: IdSchema, phase: PhaseSchema, on: DayInput.optional(), via: z.enum(['board', 'cli']).optional() });
const RetroList = z.array(LongTextSchema).max(200);
const AddRoundArgs = z.strictObject({
  name: NameSchema,
  like: RoundRefSchema.optional(),
  windows: WindowsPatchSchema.optional(),
  use: z.boolean().optional(),
  carryOver: z.boolean().optional(),
});
const EditRoundArgs = z.strictObject({
  id: RoundRefSchema,
  name: NameSchema.optional(),
  windows: WindowsPatchSchema.optional(),
  criteriaWeights: CriteriaWeightsSchema.partial().optional(),
  benefits: RetroList.optional(),
  nextSteps: RetroList.optional(),
  takeaways: RetroList.optional(),
});
const RoundRefArgs = z.strictObject({ id: RoundRefSchema });
const RemoveRoundArgs = z.strictObject({ id: RoundRefSchema, moveTo: RoundRefSchema.optional() });
const EditHistoryArgs = z.strictObject({
  id: IdSchema,
  history: z
    .array(z.strictObject({ to: PhaseSchema, on: DayInput }))
    .min(1)
    .max(500),
});
const InsightArgs = z.strictObject({ round: RoundRefSchema.optional() });
const AttentionArgs = z.strictObject({ within: z.number().int().min(0).max(365).optional() });
const ViewArgs = z.strictObject({ view: ViewStateSchema });
const NamedViewArgs = z.strictObject({ name: NameSchema, view: ViewStateSchema });
const ViewName = z.strictObject({ name: NameSchema });
const EditRoundDeckArgs = z.strictObject({ id: RoundRefSchema, patch: RoundDeckPatchSchema });
const AddDeckImageArgs = z.strictObject({ id: RoundRefSchema, image: NewDeckImageSchema });
const GithubSettingsArgs = z.strictObject({
  roundId: IdSchema.optional(),
  writeBack: z.boolean().optional(),
  labelRules: LabelRulesSchema.nullable().optional(),
});

export const API = {
  getBoard: call<typeof Empty, BoardSnapshot>(Empty),
  /** The whole record of one engagement (notes, retrospective, history) for the card dialog. */
  getEngagement: call<typeof ById, EngagementView>(ById),
  addEngagement: call<typeof NewEngagementInputSchema, EngagementView>(NewEngagementInputSchema),
  editEngagement: call<z.ZodObject<{ id: typeof IdSchema; patch: typeof EngagementPatchSchema }>, EngagementView>(
    z.strictObject({ id: IdSchema, patch: EngagementPatchSchema }),
  ),
  /** `on`: the day it happened (a backdated move); refused after today or before the previous move. */
  moveEngagement: call<typeof MoveArgs, EngagementView>(MoveArgs),
  /** Replaces the phase history (validated: real days, none after today, in order); the phase becomes the last step's. */
  editHistory: call<typeof EditHistoryArgs, EngagementView>(EditHistoryArgs),
  /** Starts a round (like an earlier one; optionally current, carrying the current round's unfinished engagements over). */
  addRound: call<typeof AddRoundArgs, Round>(AddRoundArgs),
  editRound: call<typeof EditRoundArgs, Round>(EditRoundArgs),
  /** Makes a round current: new engagements join it. */
  useRound: call<typeof RoundRefArgs, { readonly settings: Settings }>(RoundRefArgs),
  /** Refused while the round holds engagements unless `moveTo` names where they go, and for the last round. */
  removeRound: call<typeof RemoveRoundArgs, { readonly id: string }>(RemoveRoundArgs),
  /** Per round and per pal figures (`pals insight --json`); `round` narrows it to one round. */
  getInsight: call<typeof InsightArgs, Insight>(InsightArgs),
  removeEngagement: call<typeof ById, { readonly id: string }>(ById),
  /** `actions`: action items the note starts with (saved in the same write as the note). */
  addNote: call<
    z.ZodObject<{ id: typeof IdSchema; note: typeof NewNoteInputSchema; actions: z.ZodOptional<typeof NotePatchSchema.shape.actions> }>,
    Note
  >(z.strictObject({ id: IdSchema, note: NewNoteInputSchema, actions: NotePatchSchema.shape.actions.optional() })),
  updateNote: call<z.ZodObject<{ id: typeof IdSchema; noteId: typeof IdSchema; patch: typeof NotePatchSchema }>, Note>(
    z.strictObject({ id: IdSchema, noteId: IdSchema, patch: NotePatchSchema }),
  ),
  removeNote: call<z.ZodObject<{ id: typeof IdSchema; noteId: typeof IdSchema }>, { readonly id: string }>(
    z.strictObject({ id: IdSchema, noteId: IdSchema }),
  ),
  setActionDone: call<typeof ActionRef, Note>(ActionRef),
  openActions: call<typeof OwnerFilter, readonly OpenActionView[]>(OwnerFilter),
  /** An action item on its own (`pals action`): it goes to the engagement's "Action items" note. */
  addAction: call<typeof AddActionArgs, AddedAction>(AddActionArgs),
  /** Ticks an item off (or back on) by its id alone: ids are unique across the store. */
  setActionDoneById: call<typeof ActionDoneArgs, OpenActionView>(ActionDoneArgs),
  /** Per pal: active engagements against the soft limit (`pals load`, the swimlanes). */
  palLoad: call<typeof Empty, readonly PalLoad[]>(Empty),
  /** Every pal: the registry and the names only written on cards (`pals pal list`, the Pals dialog). */
  listPals: call<typeof Empty, readonly PalEntry[]>(Empty),
  /** Registers a pal; `lookAlikes` names known pals the new one may be a second spelling of. */
  addPal: call<typeof AddPalArgs, PalChange>(AddPalArgs),
  /** Changes a pal (a new name is written on every card, note and action item that names them). */
  editPal: call<typeof EditPalArgs, PalChange>(EditPalArgs),
  /** Makes two spellings one pal: every card, note and action item of `from` becomes `into`'s. */
  mergePals: call<typeof MergePalsArgs, PalChange>(MergePalsArgs),
  /** The .ics calendar (every pal's, or one pal's), delivered like the deck: save dialog or download. */
  exportCalendar: call<typeof CalendarArgs, ExportResult>(CalendarArgs),
  search: call<typeof Query, readonly SearchHitView[]>(Query),
  deckPreview: call<z.ZodObject<{ options: typeof DeckOptionsSchema }>, DeckPreview>(z.strictObject({ options: DeckOptionsSchema })),
  exportDeck: call<z.ZodObject<{ options: typeof DeckOptionsSchema; format: typeof DeckFormatSchema }>, ExportResult>(
    z.strictObject({ options: DeckOptionsSchema, format: DeckFormatSchema }),
  ),
  exportAssessment: call<typeof ById, ExportResult>(ById),
  /** The self-assessment starter as a ready pull request (title, body, suggested path) for the engagement's repository. */
  assessmentPullRequest: call<typeof ById, AssessmentPr>(ById),
  /** Changes a round's deck (its words, slides, running order); the answer leaves pictures' bytes out. */
  editRoundDeck: call<typeof EditRoundDeckArgs, Round>(EditRoundDeckArgs),
  /** Adds an image slide from a local picture (checked by its bytes: PNG, JPEG, GIF or WebP, at most 10 MB). */
  addDeckImage: call<typeof AddDeckImageArgs, { readonly round: Round; readonly slideId: string }>(AddDeckImageArgs),
  /** The whole store as a backup file (the bytes of `pals backup`): the app's save dialog, or a download under `pals serve`. */
  backupStore: call<typeof Empty, ExportResult>(Empty),
  /** Whether this host restores through its own dialogs, or (under `pals serve`) from the command line, and how. */
  restoreWay: call<typeof Empty, RestoreWay>(Empty),
  /** The app's open dialog: a backup chosen and checked as `pals restore` checks it, for the page to confirm. */
  chooseBackup: call<typeof Empty, BackupChoice>(Empty),
  /** Replaces the store with the chosen backup (the previous store is kept in backups/). */
  restoreBackup: call<typeof ChoiceArgs, RestoreDone>(ChoiceArgs),
  loadExampleRound: call<typeof Empty, { readonly added: number; readonly cards: readonly CardView[] }>(Empty),
  removeExampleRound: call<typeof Empty, { readonly removed: number; readonly ids: readonly string[] }>(Empty),
  syncNow: call<typeof Empty, SyncReport>(Empty),
  resolveConflict: call<typeof ResolveArgs, EngagementView>(ResolveArgs),
  /** Moves made while write-back was off (switching it on never sends them): each card, its phase and GitHub's. `roundId`: one round's. */
  heldMoves: call<typeof HeldArgs, readonly HeldMove[]>(HeldArgs),
  /** Queues held moves for the next sync: `ids`, those the coordinator was shown (none: every held one); returns those queued. */
  pushHeldMoves: call<typeof PushHeldArgs, readonly HeldMove[]>(PushHeldArgs),
  discoverIssues: call<typeof DiscoverArgs, readonly DiscoveredIssue[]>(DiscoverArgs),
  addDiscovered: call<typeof AddDiscoveredArgs, AddedDiscoveredView>(AddDiscoveredArgs),
  githubStatus: call<typeof Empty, GithubStatus>(Empty),
  /** Reads each project's security policy, TAG self-assessment and OpenSSF Scorecard; saves what was found (the hand-set value stays final). */
  checkSecurity: call<typeof CheckSecurityArgs, SecurityCheckReport>(CheckSecurityArgs),
  setGithubToken: call<typeof TokenArgs, GithubStatus>(TokenArgs),
  clearGithubToken: call<typeof Empty, GithubStatus>(Empty),
  /** Asks GitHub who the stored token belongs to now and what it may do (login and scopes), changing nothing. */
  testGithubToken: call<typeof Empty, GithubStatus>(Empty),
  setGithubSettings: call<typeof GithubSettingsArgs, { readonly settings: Settings; readonly rounds: readonly Round[] }>(
    GithubSettingsArgs,
  ),
  /** The settings as `pals settings` and Settings → GitHub show them (the API address resolved, the round's write-back). */
  getSettings: call<typeof Empty, SettingsView>(Empty),
  /** Changes any of due-soon days, a pal's limit, the API address, the current round's write-back, pal → login. */
  updateSettings: call<typeof SettingsPatchSchema, SettingsView>(SettingsPatchSchema),
  /** A round's label → phase rules (default: the current round's) and where they come from. */
  labelRules: call<typeof RoundRulesArgs, RoundRulesView>(RoundRulesArgs),
  /** Makes `labels` the labels of `phase` in the round's own rules; a label that means another phase is refused. */
  setPhaseLabels: call<typeof PhaseLabelsArgs, RoundRulesView>(PhaseLabelsArgs),
  /** `setPhaseLabels` saving nothing: the same refusals, and the cards the next sync would then move (`pals labels set --dry-run`). */
  previewPhaseLabels: call<typeof PhaseLabelsArgs, RulePreview>(PhaseLabelsArgs),
  /** A round's whole rules table saving nothing: the same refusals as saving it, and the cards the next sync would then move. */
  previewLabelRules: call<typeof PreviewRulesArgs, RulePreview>(PreviewRulesArgs),
  /** Phase windows and open action items due within `within` days (default: the due-soon setting) or overdue. */
  needsAttention: call<typeof AttentionArgs, Attention>(AttentionArgs),
  /** Remembers the board's filters, lanes and round (the board opens the same way next time). */
  saveViewState: call<typeof ViewArgs, ViewState>(ViewArgs),
  /** Saves the view under a name (replacing one of that name); `pals list --view NAME` reads it too. */
  saveNamedView: call<typeof NamedViewArgs, SavedView>(NamedViewArgs),
  deleteNamedView: call<typeof ViewName, SavedView>(ViewName),
  /** The desktop app's daily "Needs attention" notification, on or off. */
  setNotifications: call<z.ZodObject<{ on: z.ZodBoolean }>, { readonly notifications: boolean }>(z.strictObject({ on: z.boolean() })),
} as const;

export type { RoundRulesView } from './github/label-rules.js';
export type { CardConflict, CardMove, RulePreview } from './github/rule-preview.js';

/** What `addDiscovered` answers: the new cards and the cards linked instead (as the board shows them), and what was skipped. */
export type AddedDiscoveredView = Omit<AddedDiscovered, 'added' | 'linked'> & {
  readonly added: readonly EngagementView[];
  readonly linked: readonly EngagementView[];
};

export type Api = typeof API;
export type ApiCall = keyof Api;
/** What a caller passes (before defaults are applied). */
export type ApiArgs<K extends ApiCall> = z.input<Api[K]['args']>;
/** What the handler receives (validated, defaults applied). */
export type ApiParsedArgs<K extends ApiCall> = z.output<Api[K]['args']>;
export type ApiResult<K extends ApiCall> = NonNullable<Api[K]['result']>;

// Compile-time proof that the name lists (used by the preload) and the contract agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when API_CALL_NAMES and API differ. */
export type CallNamesMatch = Assert<Same<ApiCall, ApiCallName>>;

/** Events the core pushes to every window / page. */
export interface ApiEvents {
  /** What changed, as the board shows it (see `BoardChange`); pages follow this one. */
  readonly boardChanged: BoardChange;
  /** A menu item or its shortcut was used (desktop app only). */
  readonly menu: { readonly command: MenuCommand };
  /** A GitHub sync advanced: `done` of `total` linked issues. */
  readonly syncProgress: SyncProgress;
  /** A GitHub sync ended (whoever started it: a window, the desktop app's timer): its report, moves included. */
  readonly syncDone: SyncReport;
  /** Open this engagement's card (desktop app: the "Needs attention" notification was clicked). */
  readonly openCard: { readonly id: string };
}
export type ApiEvent = keyof ApiEvents;
/** Fails to compile when API_EVENT_NAMES and ApiEvents differ. */
export type EventNamesMatch = Assert<Same<ApiEvent, (typeof API_EVENT_NAMES)[number]>>;

/** How a failure crosses a transport: a code for programs and a message for people. */
export interface ApiFailure {
  readonly code: string;
  readonly message: string;
  /** For invalid arguments: which field, so a form can show the message beside it. */
  readonly field?: string;
}

/**
 * Every transport answers with this envelope; errors are values, not exceptions. `call` names a
 * call that changed the store, as the `boardChanged` event carrying that change does.
 */
export type ApiResponse<T> =
  { readonly ok: true; readonly value: T; readonly call?: string } | { readonly ok: false; readonly error: ApiFailure };

/** The client side of the contract: one method per call, plus event subscription. */
export type PalsApi = { readonly [K in ApiCall]: (args: ApiArgs<K>) => Promise<ApiResponse<ApiResult<K>>> } & {
  readonly on: <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => () => void;
};
