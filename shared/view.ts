import { actionDueState, ownerIsPal, palKeys } from './actions.js';
import { dueState, type DueState, type DueStateName } from './due.js';
import type { IsoDate } from './dates.js';
import type { OpenAction } from './notes.js';
import { DEFAULT_WINDOWS } from './phases.js';
import {
  DEFAULT_CRITERIA_WEIGHTS,
  type Engagement,
  type GithubLink,
  type Note,
  type PullLink,
  type SecurityStatus,
  type Settings,
  type StoreDoc,
  type Windows,
} from './schema.js';
import { selectionScore } from './selection.js';
import { conflictNow } from './github/conflict.js';
import { noteCount } from './note-count.js';
import type { SearchHit } from './search.js';

/** An engagement as `list --json`, `show --json` and the card dialog see it: stored fields plus due and selection score. */
export type EngagementView = Omit<Engagement, 'pr'> & {
  readonly due: DueState;
  readonly score: number;
  /** The self-assessment PR with its progress counted (`show --json`: {pr, path, sections, filled, total}). */
  readonly pr: (PullLink & PullCounts) | null;
};

/** How many of the template's sections the self-assessment PR fills. */
export interface PullCounts {
  readonly filled: number;
  readonly total: number;
}

/** The counts of a PR link's sections. */
export function pullCounts(pr: PullLink): PullCounts {
  return { filled: pr.sections.filter((s) => s.filled).length, total: pr.sections.length };
}

/** What a card's GitHub chip shows (the issue, its state, a conflict or a broken link) and when GitHub last changed it. */
export type CardGithub = Pick<GithubLink, 'issue' | 'state' | 'conflict' | 'error' | 'updatedAt' | 'labels' | 'assignees' | 'syncedAt'>;

/**
 * One engagement as the board holds it: what a card shows, what the filters and the name search
 * read, and what a page needs to recompute a move (round, kickoff). No note text: a board of
 * thousands stays small, and the dialog fetches the whole record (`getEngagement`) when opened.
 */
export type CardView = Pick<
  Engagement,
  'id' | 'name' | 'maturity' | 'phase' | 'kickoff' | 'round' | 'onHold' | 'example' | 'pals' | 'criteria'
> & {
  readonly github: CardGithub | null;
  /** The self-assessment PR's progress (the card's bar), null when no PR is linked. */
  readonly pr: (PullCounts & Pick<PullLink, 'pr' | 'error' | 'syncedAt'>) | null;
  readonly due: DueState;
  /** The selection score, 0–100, under its round's weights (the Intake column sorts by it). */
  readonly score: number;
  readonly noteCount: number;
  /** The engagement's last change (notes and the retrospective included), to tell a stale record. */
  readonly updatedAt: string;
  /** What the last security check found (the card's badge), null when never checked. */
  readonly securityCheck: CardSecurity | null;
};

/** A security check as a card shows it: the status found, its date, the Scorecard score, a failure to read again. */
export interface CardSecurity {
  readonly found: SecurityStatus;
  readonly checkedAt: string;
  readonly score: number | null;
  readonly error: string | null;
}

/** The timebox that applies to an engagement (its round's, else the default). */
export function windowsFor(doc: StoreDoc, engagement: Engagement): Windows {
  return doc.rounds.find((r) => r.id === engagement.round)?.windows ?? DEFAULT_WINDOWS;
}

/** An engagement's selection score under its round's weights (shared/selection.ts). */
export function scoreOf(doc: StoreDoc, engagement: Engagement): number {
  const weights = doc.rounds.find((r) => r.id === engagement.round)?.criteriaWeights ?? DEFAULT_CRITERIA_WEIGHTS;
  return selectionScore(engagement, weights);
}

/** An engagement's due state as of `today`, under its round's timebox and the due-soon setting. */
function dueOf(doc: StoreDoc, engagement: Engagement, today: IsoDate): DueState {
  return dueState(engagement, windowsFor(doc, engagement), today, doc.settings.dueSoonDays);
}

/** Adds the due state as of `today`; a conflict with GitHub is stated against the card's phase now. */
export function viewEngagement(doc: StoreDoc, engagement: Engagement, today: IsoDate): EngagementView {
  const pr = engagement.pr && { ...engagement.pr, ...pullCounts(engagement.pr) };
  const g = engagement.github;
  const github = g && { ...g, conflict: conflictNow(engagement.phase, g.conflict) };
  return { ...engagement, github, pr, due: dueOf(doc, engagement, today), score: scoreOf(doc, engagement) };
}

/** The card of an engagement whose due state is known: the one projection both the core and the page use. */
export function toCard(e: Engagement, due: DueState, score: number): CardView {
  const g = e.github;
  return {
    id: e.id,
    name: e.name,
    maturity: e.maturity,
    phase: e.phase,
    kickoff: e.kickoff,
    round: e.round,
    onHold: e.onHold,
    example: e.example,
    pals: e.pals,
    github: g && {
      issue: g.issue,
      state: g.state,
      conflict: conflictNow(e.phase, g.conflict),
      error: g.error,
      updatedAt: g.updatedAt,
      labels: g.labels,
      assignees: g.assignees,
      syncedAt: g.syncedAt,
    },
    pr: e.pr && { pr: e.pr.pr, error: e.pr.error, syncedAt: e.pr.syncedAt, ...pullCounts(e.pr) },
    criteria: e.criteria,
    due,
    score,
    noteCount: noteCount(e),
    updatedAt: e.updatedAt,
    securityCheck: e.securityCheck && {
      found: e.securityCheck.found,
      checkedAt: e.securityCheck.checkedAt,
      score: e.securityCheck.scorecard?.score ?? null,
      error: e.securityCheck.error,
    },
  };
}

/** The card of a stored engagement as of `today`. */
export function cardView(doc: StoreDoc, engagement: Engagement, today: IsoDate): CardView {
  return toCard(engagement, dueOf(doc, engagement, today), scoreOf(doc, engagement));
}

/** The card of a full record (an answer carrying the whole engagement updates the board with it). */
export function cardOf(view: EngagementView): CardView {
  return toCard(view, view.due, view.score);
}

/** Most cards one change lists; past this a page is better off reloading the board. */
export const MAX_CHANGED_CARDS = 200;

/** The cards that changed or went between two versions of the document (and the settings, if they changed). */
export interface BoardDelta {
  /** Cards added or changed, as the board would show them now. */
  readonly cards: readonly CardView[];
  /** Ids of engagements that no longer exist. */
  readonly removed: readonly string[];
  /** Present only when the settings changed. */
  readonly settings?: Settings;
}

/** The common case without a map: the same engagements in the same order, some replaced. Null when it is not that case. */
function changedInPlace(prev: readonly Engagement[], next: readonly Engagement[], max: number): Engagement[] | 'too-many' | null {
  if (prev.length !== next.length) return null;
  const changed: Engagement[] = [];
  for (let i = 0; i < next.length; i++) {
    const n = next[i]!;
    if (prev[i] === n) continue;
    if (prev[i]!.id !== n.id) return null;
    changed.push(n);
    if (changed.length > max) return 'too-many';
  }
  return changed;
}

/**
 * What a page must apply to go from `prev` to `next`, found by identity: the pure operations copy
 * only the engagements they change, so an unchanged card is the very same object. Null when a
 * page should reload instead: too many cards changed, or the rounds (whose timeboxes every due
 * state depends on) or the due-soon setting did.
 */
export function boardDelta(prev: StoreDoc, next: StoreDoc, today: IsoDate, max = MAX_CHANGED_CARDS): BoardDelta | null {
  if (prev.rounds !== next.rounds || prev.settings.dueSoonDays !== next.settings.dueSoonDays) return null;
  const settings = prev.settings === next.settings ? {} : { settings: next.settings };
  if (prev.engagements === next.engagements) return { cards: [], removed: [], ...settings };
  const inPlace = changedInPlace(prev.engagements, next.engagements, max);
  if (inPlace === 'too-many') return null;
  if (inPlace) return { cards: inPlace.map((e) => cardView(next, e, today)), removed: [], ...settings };
  const before = new Map(prev.engagements.map((e) => [e.id, e]));
  const cards: CardView[] = [];
  for (const e of next.engagements) {
    if (before.get(e.id) !== e) cards.push(cardView(next, e, today));
    before.delete(e.id);
    if (cards.length > max) return null;
  }
  const removed = [...before.keys()];
  return cards.length + removed.length > max ? null : { cards, removed, ...settings };
}

/** What a list of notes shows about the note an item came from, without its text. */
export type NoteMeta = Pick<Note, 'kind' | 'date' | 'createdAt'>;

/** A search hit as the "Matches in notes" list shows it: its note's kind and date come along (null for a name hit). */
export type SearchHitView = SearchHit & { readonly note: NoteMeta | null };

/**
 * An action item as the Action items view, `pals due` and the digest read it: the kind of meeting
 * it came from (the board no longer holds notes to look it up), its due date and due state as of
 * today, and whether its owner is one of the pals (false marks a contact or a typo; null: no owner).
 */
export type OpenActionView = OpenAction & {
  readonly noteKind: Note['kind'];
  readonly due: IsoDate | null;
  readonly dueState: DueStateName;
  readonly ownerIsPal: boolean | null;
};

/** Looks notes up by engagement and note id, for decorating many results in one pass. */
function noteFinder(doc: StoreDoc): (engagementId: string, noteId: string) => Note | undefined {
  const byId = new Map(doc.engagements.map((e) => [e.id, e]));
  return (engagementId, noteId) => byId.get(engagementId)?.notes.find((n) => n.id === noteId);
}

/** Search hits with their notes' kind and date. */
export function searchHitViews(doc: StoreDoc, hits: readonly SearchHit[]): SearchHitView[] {
  const find = noteFinder(doc);
  return hits.map((hit) => {
    const note = hit.noteId === null ? undefined : find(hit.engagementId, hit.noteId);
    return { ...hit, note: note ? { kind: note.kind, date: note.date, createdAt: note.createdAt } : null };
  });
}

/** Action items with their notes' kind, due state as of `today` and whether their owners are pals. */
export function openActionViews(doc: StoreDoc, items: readonly OpenAction[], today: IsoDate): OpenActionView[] {
  const find = noteFinder(doc);
  const pals = palKeys(doc);
  return items.map((item) => ({
    ...item,
    noteKind: find(item.engagementId, item.noteId)?.kind ?? 'general',
    due: item.action.due,
    dueState: actionDueState(item.action, today, doc.settings.dueSoonDays),
    ownerIsPal: ownerIsPal(item.action.owner, pals),
  }));
}
