/** What a screen reader hears while a card is dragged: the project's name and the column. */
import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import { isPhase, PHASE_TITLES, type Phase } from '../../../shared/phases.js';

/** The data each draggable card carries, so announcements can name it and a drop can find it. */
export interface CardDragData {
  /** The engagement's id (a card in two swimlanes has one draggable in each, with ids of their own). */
  readonly id: string;
  readonly name: string;
  readonly phase: Phase;
  /** The swimlane the card is dragged in (the pal's name, or "No pal") and its key, if the board has lanes. */
  readonly lane?: string | undefined;
  readonly laneKey?: string | undefined;
}

/** What a drop target carries: its phase, and its swimlane if the board has lanes. */
export interface DropData {
  readonly phase: Phase;
  readonly lane?: string | undefined;
  readonly laneKey?: string | undefined;
}

/** The draggable id of a card: its engagement's id, made unique per swimlane. */
export function dragId(id: string, laneKey?: string): string {
  return laneKey === undefined ? id : `${laneKey}\u0000${id}`;
}

/** The card data of an active draggable (its id when the data is missing). */
export function cardData(active: Active): CardDragData {
  const data = active.data.current as Partial<CardDragData> | undefined;
  return {
    id: data?.id ?? String(active.id),
    name: data?.name ?? String(active.id),
    phase: data?.phase ?? 'intake',
    lane: data?.lane,
    laneKey: data?.laneKey,
  };
}

/** The phase a drop target stands for (a column's id is its phase; a lane's cell says it in its data). */
export function target(over: Over | null): Phase | null {
  if (!over) return null;
  const data = over.data.current as Partial<DropData> | undefined;
  if (data?.phase) return data.phase;
  const id = String(over.id);
  return isPhase(id) ? id : null;
}

function column(over: Over): string {
  const phase = target(over);
  const lane = (over.data.current as Partial<DropData> | undefined)?.lane;
  if (!phase) return String(over.id);
  return lane ? `${PHASE_TITLES[phase]} (lane ${lane})` : PHASE_TITLES[phase];
}

/** Announcements for dnd-kit's live region. */
export const announcements: Announcements = {
  onDragStart: ({ active }) => {
    const { name, phase } = cardData(active);
    return `Picked up ${name} in ${PHASE_TITLES[phase]}.`;
  },
  onDragOver: ({ active, over }) => {
    const { name } = cardData(active);
    return over ? `${name} is over ${column(over)}.` : `${name} is not over a column.`;
  },
  onDragEnd: ({ active, over }) => {
    const { name, phase } = cardData(active);
    const to = target(over);
    if (!to) return `${name} was dropped outside the columns; it stays in ${PHASE_TITLES[phase]}.`;
    return to === phase ? `${name} was dropped back in ${PHASE_TITLES[phase]}.` : `${name} was moved to ${PHASE_TITLES[to]}.`;
  },
  onDragCancel: ({ active }) => {
    const { name, phase } = cardData(active);
    return `Moving ${name} was cancelled; it stays in ${PHASE_TITLES[phase]}.`;
  },
};

/** Read when a drag handle takes focus. */
export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this card, press space or enter, choose a column with the left and right arrow keys, ' +
    'then press space or enter to drop it there, or escape to cancel. The Move to… button does the same from a menu.',
};
