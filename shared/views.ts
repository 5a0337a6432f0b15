/**
 * Board views: the filters, lanes and round the board shows, kept in the settings so a reload, a
 * restart and `pals list --view NAME` all see the same thing. Pure operations (see engagements.ts).
 */
import type { DueStateName } from './due.js';
import type { Applied } from './engagements.js';
import { nameKey } from './engagements.js';
import { PalsError } from './errors.js';
import { ALL_ROUNDS, ViewStateSchema, type Maturity, type SavedView, type StoreDoc, type ViewState } from './schema.js';

/** The view nothing narrows: every pal, maturity and due state, no lanes, the current round. */
export const DEFAULT_VIEW: ViewState = ViewStateSchema.parse({});

/** What a view reads of an engagement (a card, or a whole record with its due state). */
export interface ViewSubject {
  readonly pals: readonly string[];
  readonly maturity: Maturity;
  readonly round: string;
  readonly due: { readonly state: DueStateName };
}

/** The round a view shows: a round id, or ALL_ROUNDS; null follows the current round. */
export function viewRound(view: Pick<ViewState, 'round'>, currentRound: string): string {
  return view.round ?? currentRound;
}

/** Whether an engagement is in the view's round and passes its pal, maturity and due filters. */
export function inView(view: ViewState, currentRound: string): (e: ViewSubject) => boolean {
  const round = viewRound(view, currentRound);
  return (e) =>
    (round === ALL_ROUNDS || e.round === round) &&
    (!view.pal || e.pals.includes(view.pal)) &&
    (!view.maturity || e.maturity === view.maturity) &&
    (!view.due || e.due.state === view.due);
}

function sameView(a: ViewState, b: ViewState): boolean {
  return a.pal === b.pal && a.maturity === b.maturity && a.due === b.due && a.swimlanes === b.swimlanes && a.round === b.round;
}

function withViews(doc: StoreDoc, views: StoreDoc['settings']['views']): StoreDoc {
  return { ...doc, settings: { ...doc.settings, views } };
}

/** Remembers the board as it is now; the same view again changes nothing (no write). */
export function saveViewState(doc: StoreDoc, view: ViewState): Applied<ViewState> {
  const { views } = doc.settings;
  if (sameView(views.current, view)) return { doc, value: views.current };
  return { doc: withViews(doc, { ...views, current: view }), value: view };
}

/** A saved view by name (any case), or a not-found error listing the names there are. */
export function findView(doc: StoreDoc, name: string): SavedView {
  const key = nameKey(name);
  const found = doc.settings.views.saved.find((v) => nameKey(v.name) === key);
  if (found) return found;
  const names = doc.settings.views.saved.map((v) => `"${v.name}"`);
  throw new PalsError(
    'not-found',
    `there is no saved view named "${name}"; ${names.length ? `the saved views are ${names.join(', ')}` : 'save one on the board first (Views → Save current view as…)'}`,
  );
}

/** Saves `view` under `name`; a view of the same name (any case) is replaced, keeping its place. */
export function saveNamedView(doc: StoreDoc, name: string, view: ViewState): Applied<SavedView> {
  const { views } = doc.settings;
  const saved: SavedView = { ...view, name: name.trim() };
  const key = nameKey(name);
  const at = views.saved.findIndex((v) => nameKey(v.name) === key);
  if (at < 0 && views.saved.length >= 50) throw new PalsError('invalid-input', 'at most 50 views can be saved; delete one first', 'name');
  const list = at < 0 ? [...views.saved, saved] : views.saved.map((v, i) => (i === at ? saved : v));
  return { doc: withViews(doc, { ...views, saved: list }), value: saved };
}

/** Deletes the saved view `name` (any case). */
export function deleteNamedView(doc: StoreDoc, name: string): Applied<SavedView> {
  const found = findView(doc, name);
  const { views } = doc.settings;
  return { doc: withViews(doc, { ...views, saved: views.saved.filter((v) => v !== found) }), value: found };
}
