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
import { EngagementPatchSchema, IssueInputSchema, NewEngagementInputSchema, NewNoteInputSchema, NotePatchSchema } from './inputs.js';
import { IdSchema, LabelNameSchema, LabelRulesSchema, NameSchema, PhaseSchema, type Note, type Round, type Settings } from './schema.js';
import type { AddedDiscovered } from './github/discovery.js';
import type { DiscoveredIssue } from './github/issue.js';
import type { GithubStatus, SyncProgress, SyncReport } from './github/report.js';
import type { BoardDelta, CardView, EngagementView, OpenActionView, SearchHitView } from './view.js';

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
const ActionRef = z.strictObject({ id: IdSchema, noteId: IdSchema, actionId: IdSchema, done: z.boolean() });
const OwnerFilter = z.strictObject({ owner: z.string().max(200).nullable().optional() });
const Query = z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional() });
const ResolveArgs = z.strictObject({ id: IdSchema, keep: z.enum(['local', 'github']) });
const DiscoverArgs = z.strictObject({ repo: z.string().min(1).max(300), label: LabelNameSchema.optional() });
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
  moveEngagement: call<z.ZodObject<{ id: typeof IdSchema; phase: typeof PhaseSchema }>, EngagementView>(
    z.strictObject({ id: IdSchema, phase: PhaseSchema }),
  ),
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
  search: call<typeof Query, readonly SearchHitView[]>(Query),
  deckPreview: call<z.ZodObject<{ options: typeof DeckOptionsSchema }>, DeckPreview>(z.strictObject({ options: DeckOptionsSchema })),
  exportDeck: call<
    z.ZodObject<{ options: typeof DeckOptionsSchema; format: z.ZodEnum<{ md: 'md'; html: 'html'; pdf: 'pdf' }> }>,
    ExportResult
  >(z.strictObject({ options: DeckOptionsSchema, format: z.enum(['md', 'html', 'pdf']) })),
  exportAssessment: call<typeof ById, ExportResult>(ById),
  loadExampleRound: call<typeof Empty, { readonly added: number; readonly cards: readonly CardView[] }>(Empty),
  removeExampleRound: call<typeof Empty, { readonly removed: number; readonly ids: readonly string[] }>(Empty),
  syncNow: call<typeof Empty, SyncReport>(Empty),
  resolveConflict: call<typeof ResolveArgs, EngagementView>(ResolveArgs),
  discoverIssues: call<typeof DiscoverArgs, readonly DiscoveredIssue[]>(DiscoverArgs),
  addDiscovered: call<typeof AddDiscoveredArgs, AddedDiscoveredView>(AddDiscoveredArgs),
  githubStatus: call<typeof Empty, GithubStatus>(Empty),
  setGithubToken: call<typeof TokenArgs, GithubStatus>(TokenArgs),
  clearGithubToken: call<typeof Empty, GithubStatus>(Empty),
  setGithubSettings: call<typeof GithubSettingsArgs, { readonly settings: Settings; readonly rounds: readonly Round[] }>(
    GithubSettingsArgs,
  ),
} as const;

/** What `addDiscovered` answers: the new cards (as the board shows them) and what was skipped. */
export type AddedDiscoveredView = Omit<AddedDiscovered, 'added'> & { readonly added: readonly EngagementView[] };

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
