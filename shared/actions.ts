/**
 * Action items on their own: added outside a meeting (`pals action`), found by id anywhere in the
 * store (`pals action done ID`), and measured against their due date and the engagement's pals.
 * Pure operations in the style of engagements.ts: ids and times come in as values.
 */
import { canonicalPal } from './pals.js';
import { dayOf, daysBetween, type IsoDate } from './dates.js';
import type { DueStateName } from './due.js';
import { addNote, findEngagement, nameKey, type Applied } from './engagements.js';
import { PalsError } from './errors.js';
import type { NewActionInput } from './inputs.js';
import { updateNote, type OpenAction } from './notes.js';
import type { ActionItem, Engagement, Note, StoreDoc } from './schema.js';

/** The first line of the note that holds an engagement's action items added on their own. */
export const ACTIONS_NOTE_HEADING = '# Action items';

const ACTIONS_NOTE_TEXT = `${ACTIONS_NOTE_HEADING}

Items added on their own (with \`pals action\`), outside a meeting note. Tick them off here, in the Action items view, or with \`pals action done ID\`.
`;

/** The engagement's "Action items" note, if it has one: a general note that starts with the heading. */
export function actionsNoteOf(engagement: Engagement): Note | undefined {
  return engagement.notes.find((n) => n.kind === 'general' && n.text.split('\n', 1)[0]!.trim() === ACTIONS_NOTE_HEADING);
}

/** Everyone who is a pal on some engagement, by name key (case and spacing ignored). */
export function palKeys(doc: StoreDoc): ReadonlySet<string> {
  return new Set(doc.engagements.flatMap((e) => e.pals.map(nameKey)));
}

/** Whether an owner is one of the pals; null when the item has no owner. Contacts own items too. */
export function ownerIsPal(owner: string | null, pals: ReadonlySet<string>): boolean | null {
  if (owner === null || owner.trim() === '') return null;
  return pals.has(nameKey(owner));
}

/**
 * An action item's due state as of `today`, read like a card's: none when done or undated,
 * overdue after its day, due soon within `dueSoonDays` before it (the day itself included).
 */
export function actionDueState(action: Pick<ActionItem, 'done' | 'due'>, today: IsoDate, dueSoonDays = 7): DueStateName {
  if (action.done || action.due === null) return 'none';
  const left = daysBetween(today, action.due);
  return left < 0 ? 'overdue' : left <= dueSoonDays ? 'due-soon' : 'on-track';
}

/** Where an action item added on its own went. */
export interface AddedAction {
  readonly engagementId: string;
  readonly noteId: string;
  readonly actionId: string;
  /** False for an owner who is no pal (allowed: contacts own items too); null without an owner. */
  readonly ownerIsPal: boolean | null;
}

/** Values `addAction` must not invent: the item's id, the note's id (if one is made), the time and the day. */
export interface ActionStamp {
  readonly actionId: string;
  readonly noteId: string;
  readonly at: string;
  readonly today: IsoDate;
}

/**
 * Adds an action item to engagement `ref`. It goes to the engagement's own "Action items" note
 * (made on first use, dated the day it was made), never to the latest meeting note: a promise
 * made in a hallway or a chat does not belong to whichever meeting happened to be written up
 * last, and a coordinator looking for it later finds every such item in one place on the card.
 */
export function addAction(doc: StoreDoc, ref: string, input: NewActionInput, stamp: ActionStamp): Applied<AddedAction> {
  const engagement = findEngagement(doc, ref);
  // A pal however typed ('alice  CHEN') is written as the pal is known; anyone else as given.
  const owner = input.owner?.trim() ? canonicalPal(doc, input.owner) : null;
  let next = doc;
  let note = actionsNoteOf(engagement);
  if (!note) {
    const made = addNote(
      doc,
      engagement.id,
      { kind: 'general', text: ACTIONS_NOTE_TEXT, date: stamp.today },
      { id: stamp.noteId, at: stamp.at },
    );
    [next, note] = [made.doc, made.value];
  }
  const actions = [...note.actions, { text: input.text, owner, due: input.due ?? null, done: false }];
  next = updateNote(next, engagement.id, note.id, { actions }, stamp.at, [stamp.actionId]).doc;
  const value = { engagementId: engagement.id, noteId: note.id, actionId: stamp.actionId, ownerIsPal: ownerIsPal(owner, palKeys(doc)) };
  return { doc: next, value };
}

/** The one action item with this id, wherever it is; refuses an unknown id (and a duplicated one in a hand-edited store). */
export function findAction(doc: StoreDoc, actionId: string): OpenAction {
  const found: OpenAction[] = [];
  for (const e of doc.engagements) {
    for (const n of e.notes) {
      const action = n.actions.find((a) => a.id === actionId);
      if (action) found.push({ engagementId: e.id, engagementName: e.name, noteId: n.id, noteDate: n.date ?? dayOf(n.createdAt), action });
    }
  }
  if (found.length === 0) {
    throw new PalsError('not-found', `no action item has the id ${actionId}; \`pals due\` and the Action items view show the open ones`);
  }
  if (found.length > 1) {
    const where = found.map((f) => `"${f.engagementName}"`).join(', ');
    throw new PalsError('ambiguous', `${found.length} action items have the id ${actionId} (in ${where}); tick it off in the note editor`);
  }
  return found[0]!;
}

/** Ticks the action item `actionId` off (or back on), wherever it is. */
export function setActionDoneById(doc: StoreDoc, actionId: string, done: boolean, at: string): Applied<OpenAction> {
  const found = findAction(doc, actionId);
  const note = findEngagement(doc, found.engagementId).notes.find((n) => n.id === found.noteId)!;
  const actions = note.actions.map((a) => (a.id === actionId ? { ...a, done } : a));
  const next = updateNote(doc, found.engagementId, found.noteId, { actions }, at).doc;
  return { doc: next, value: { ...found, action: { ...found.action, done } } };
}
