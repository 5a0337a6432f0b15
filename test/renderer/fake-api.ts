/**
 * An in-memory PalsApi for component tests: the contract's own argument schemas and the real
 * pure operations from shared/, over a document held in memory. It can be told to fail or hold
 * a call, and it records every call so tests can assert what the UI asked for.
 */
import {
  API,
  type ApiCall,
  type ApiEvent,
  type ApiEvents,
  type ApiFailure,
  type ApiResponse,
  type BoardChange,
  type BoardSnapshot,
  type PalsApi,
} from '../../shared/api.js';
import { addEngagement, addNote, editEngagement, moveEngagement, removeEngagement } from '../../shared/engagements.js';
import type { ExportResult } from '../../shared/deck/options.js';
import { isPalsError, PalsError } from '../../shared/errors.js';
import type { GithubStatus, SyncReport } from '../../shared/github/report.js';
import { resolveConflict } from '../../shared/github/sync.js';
import { addExampleRound, EXAMPLE_COUNT, removeExampleRound } from '../../shared/example-round.js';
import type { EngagementPatch, NewEngagementInput, NewNoteInput } from '../../shared/inputs.js';
import { openActions, removeNote, setActionDone, updateNote } from '../../shared/notes.js';
import type { Phase } from '../../shared/phases.js';
import { describeIssues, emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { search } from '../../shared/search.js';
import { boardDelta, cardView, openActionViews, searchHitViews, viewEngagement } from '../../shared/view.js';

/** The fixed "today" of every fake board. */
export const TODAY = '2026-03-02';
/** The time of seeded records; the fake stamps its own changes a millisecond later each, as a real clock would. */
export const AT = '2026-03-02T10:00:00.000Z';

type Listener = (payload: never) => void;

/** Test controls beside the API itself. */
export interface FakeControls {
  /** The document as the fake core holds it (tests may replace it, then emit a change). */
  doc: StoreDoc;
  readonly calls: { readonly name: ApiCall; readonly args: unknown }[];
  /** Arguments of every call of one kind, in order. */
  readonly callsOf: (name: ApiCall) => unknown[];
  /** The next call of `name` fails with `error` and changes nothing. */
  readonly failNext: (name: ApiCall, error: ApiFailure) => void;
  /** Calls of `name` wait until the returned function is called. */
  readonly hold: (name: ApiCall) => () => void;
  /** Pushes a `boardChanged` reload, as the core does when the CLI rewrote the file. */
  readonly emitExternalChange: () => void;
  /** Every `boardChanged` pushed so far, in order. */
  readonly changes: readonly BoardChange[];
  /** The next `boardChanged` is numbered but never delivered, as if a page's event stream dropped it. */
  readonly loseNextChange: () => void;
  /** Pushes a `menu` command, as the desktop app's menu and its shortcuts do. */
  readonly emitMenu: (command: ApiEvents['menu']['command']) => void;
  /** What `githubStatus` (and the token calls) answer; `setGithubToken` sets `tokenSet`. */
  github: GithubStatus;
  /** What `syncNow` answers, after pushing `syncProgress` for each of `checked` issues. */
  syncReport: SyncReport;
  /** What the export calls answer. */
  exportResult: ExportResult;
  /** Pushes a `syncProgress` event. */
  readonly emitSyncProgress: (done: number, total: number) => void;
}

/** A token-less GitHub status. */
export const NO_TOKEN: GithubStatus = { tokenSet: false, login: null, scopes: [], insecure: false, lastSync: null };

/** A deck preview in marp-core's shape: one `<svg data-marpit-svg>` per slide. */
export function fakeDeckHtml(titles: readonly string[]): string {
  const slides = titles.map(
    (t, i) =>
      `<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section id="${i + 1}" data-theme="gaia" style="--theme:gaia;"><h1>${t}</h1></section></foreignObject></svg>`,
  );
  return `<div class="marpit">${slides.join('')}</div>`;
}

/** The fake API plus its controls. */
export type FakeApi = PalsApi & FakeControls;

/** Builds a fake over `doc` (an empty store by default). */
export function createFakeApi(doc: StoreDoc = emptyDoc()): FakeApi {
  let counter = 0;
  const nextId = () => `fake-${String(++counter).padStart(4, '0')}`;
  let tick = 0;
  const stamp = () => new Date(Date.parse(AT) + ++tick).toISOString();
  const listeners = new Map<ApiEvent, Set<Listener>>();
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
    listeners.get(event)?.forEach((l) => {
      l(payload as never);
    });
  };
  const emitProgress = (done: number, total: number) => {
    emit('syncProgress', { done, total });
  };
  // The change feed, as electron/core/change-feed.ts runs it: one numbered event per burst.
  const changes: BoardChange[] = [];
  let seq = 0;
  let sent = doc;
  let scheduled = false;
  // Which call made a change, as electron/core/call-scope.ts tells it: answers and events name it.
  let callCounter = 0;
  let current: { id: string; changed: boolean } | null = null;
  let burstCalls = new Set<string>();
  let burstOthers = false;
  let lose = false;
  const push = (change: BoardChange) => {
    changes.push(change);
    if (lose) lose = false;
    else emit('boardChanged', change);
  };
  const flushChanges = () => {
    scheduled = false;
    const delta = boardDelta(sent, state.doc, TODAY);
    const by = { calls: [...burstCalls], unattributed: burstOthers };
    burstCalls = new Set();
    burstOthers = false;
    sent = state.doc;
    if (delta && delta.cards.length === 0 && delta.removed.length === 0 && !delta.settings) return;
    seq += 1;
    push(delta ? { origin: 'local', seq, ...by, kind: 'cards', ...delta } : { origin: 'local', seq, ...by, kind: 'reload' });
  };
  const failures = new Map<ApiCall, ApiFailure>();
  const holds = new Map<ApiCall, Promise<void>>();
  const calls: { name: ApiCall; args: unknown }[] = [];
  const state = {
    doc,
    github: NO_TOKEN,
    syncReport: { checked: 0, updated: 0, unchanged: 0, failed: [], rateLimit: null, error: null } as SyncReport,
    exportResult: { kind: 'cancelled' } as ExportResult,
  };
  const view = (id: string) =>
    viewEngagement(
      state.doc,
      state.doc.engagements.find((e) => e.id === id)!,
      TODAY,
    );
  const apply = <T>(result: { doc: StoreDoc; value: T }): T => {
    state.doc = result.doc;
    if (current) {
      current.changed = true;
      burstCalls.add(current.id);
    } else burstOthers = true;
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flushChanges);
    }
    return result.value;
  };
  const cardsOf = (ids: readonly string[]) =>
    state.doc.engagements.filter((e) => ids.includes(e.id)).map((e) => cardView(state.doc, e, TODAY));

  type Args = Record<string, unknown> & { id: string; noteId: string };
  const handlers: Partial<Record<ApiCall, (args: Args) => unknown>> = {
    getBoard: (): BoardSnapshot => ({
      today: TODAY,
      engagements: state.doc.engagements.map((e) => cardView(state.doc, e, TODAY)),
      rounds: state.doc.rounds,
      settings: state.doc.settings,
      seq,
    }),
    getEngagement: (a) => {
      if (!state.doc.engagements.some((e) => e.id === a.id)) throw new PalsError('not-found', 'this engagement no longer exists');
      return view(a.id);
    },
    addEngagement: (input) =>
      view(apply(addEngagement(state.doc, input as unknown as NewEngagementInput, { id: nextId(), at: stamp() })).id),
    editEngagement: (a) => view(apply(editEngagement(state.doc, a.id, a.patch as EngagementPatch, stamp())).id),
    moveEngagement: (a) => view(apply(moveEngagement(state.doc, a.id, a.phase as Phase, stamp())).id),
    removeEngagement: (a) => ({ id: apply(removeEngagement(state.doc, a.id)).id }),
    addNote: (a) => apply(addNote(state.doc, a.id, a.note as NewNoteInput, { id: nextId(), at: stamp() })),
    updateNote: (a) => apply(updateNote(state.doc, a.id, a.noteId, a.patch as never, stamp(), [nextId(), nextId(), nextId()])),
    removeNote: (a) => ({ id: apply(removeNote(state.doc, a.id, a.noteId, stamp())).id }),
    setActionDone: (a) => apply(setActionDone(state.doc, a.id, a.noteId, a.actionId as string, a.done as boolean, stamp())),
    openActions: (a) => openActionViews(state.doc, openActions(state.doc, a.owner as string | null | undefined)),
    search: (a) => searchHitViews(state.doc, search(state.doc, a.query as string, a.limit as number | undefined)),
    loadExampleRound: () => {
      const ids = Array.from({ length: EXAMPLE_COUNT }, nextId);
      return { added: apply(addExampleRound(state.doc, TODAY, stamp(), ids)), cards: cardsOf(ids) };
    },
    removeExampleRound: () => {
      const ids = state.doc.engagements.filter((e) => e.example).map((e) => e.id);
      return { removed: apply(removeExampleRound(state.doc)), ids };
    },
    githubStatus: () => state.github,
    setGithubToken: (a) => {
      if (a.allowInsecure !== true && state.github.insecure) {
        throw new PalsError('github', 'this computer has no secret store; the token would only be obfuscated', 'allowInsecure');
      }
      state.github = { ...state.github, tokenSet: true, login: 'octocat', scopes: ['repo'] };
      return state.github;
    },
    clearGithubToken: () => {
      state.github = { ...state.github, tokenSet: false, login: null, scopes: [] };
      return state.github;
    },
    syncNow: () => {
      const total = state.syncReport.checked;
      for (let done = 1; done <= total; done++) emitProgress(done, total);
      state.github = {
        ...state.github,
        lastSync: { at: AT, ...state.syncReport, failed: state.syncReport.failed.length },
      };
      return state.syncReport;
    },
    resolveConflict: (a) => view(apply(resolveConflict(state.doc, a.id, a.keep === 'local' ? 'keep-local' : 'take-github', stamp())).id),
    deckPreview: () => {
      const titles = ['Security Pals Retrospective', ...state.doc.engagements.map((e) => e.name)];
      return { html: fakeDeckHtml(titles), css: 'section{color:#123}', slideCount: titles.length, engagementCount: titles.length - 1 };
    },
    exportDeck: () => state.exportResult,
    exportAssessment: () => state.exportResult,
  };

  const invoke = async (name: ApiCall, args: unknown): Promise<ApiResponse<unknown>> => {
    calls.push({ name, args });
    await holds.get(name);
    const failure = failures.get(name);
    if (failure) {
      failures.delete(name);
      return { ok: false, error: failure };
    }
    const parsed = API[name].args.safeParse(args ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join('.');
      return { ok: false, error: { code: 'invalid-input', message: describeIssues(parsed.error, 3), ...(field ? { field } : {}) } };
    }
    const handler = handlers[name];
    if (!handler) return { ok: false, error: { code: 'unknown-call', message: `the fake API has no ${name} yet` } };
    const call = { id: `call-${String(++callCounter)}`, changed: false };
    current = call;
    try {
      const value = handler(parsed.data as Args);
      return call.changed ? { ok: true, value, call: call.id } : { ok: true, value };
    } catch (error) {
      if (isPalsError(error))
        return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      throw error;
    } finally {
      current = null;
    }
  };

  const methods = Object.fromEntries(Object.keys(API).map((name) => [name, (args: unknown) => invoke(name as ApiCall, args)]));
  const controls: FakeControls = {
    get doc() {
      return state.doc;
    },
    set doc(next) {
      state.doc = next;
    },
    get github() {
      return state.github;
    },
    set github(next) {
      state.github = next;
    },
    get syncReport() {
      return state.syncReport;
    },
    set syncReport(next) {
      state.syncReport = next;
    },
    get exportResult() {
      return state.exportResult;
    },
    set exportResult(next) {
      state.exportResult = next;
    },
    emitSyncProgress: emitProgress,
    calls,
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    failNext: (name, error) => {
      failures.set(name, error);
    },
    hold: (name) => {
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => {
        release = () => {
          holds.delete(name);
          resolve();
        };
      });
      holds.set(name, gate);
      return () => {
        release();
      };
    },
    emitMenu: (command) => {
      emit('menu', { command });
    },
    emitExternalChange: () => {
      sent = state.doc;
      seq += 1;
      push({ origin: 'external', seq, calls: [], unattributed: true, kind: 'reload' });
    },
    changes,
    loseNextChange: () => {
      lose = true;
    },
  };
  const on = ((event: ApiEvent, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }) as PalsApi['on'];
  return Object.assign(controls, methods as unknown as Omit<PalsApi, 'on'>, { on });
}
