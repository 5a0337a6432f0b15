/** What a screen reader hears while a card is dragged: the project's name and the column. */
import type { Active, Announcements, Over, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { isPhase, PHASE_TITLES, type Phase } from '../../../shared/phases.js';

/** The data each draggable card carries, so announcements can name it. */
export interface CardDragData {
  readonly name: string;
  readonly phase: Phase;
}

/** The card data of an active draggable (its id when the data is missing). */
export function cardData(active: Active): CardDragData {
  const data = active.data.current as Partial<CardDragData> | undefined;
  return { name: data?.name ?? String(active.id), phase: data?.phase ?? 'intake' };
}

function column(id: UniqueIdentifier | undefined): string {
  const text = String(id);
  return isPhase(text) ? PHASE_TITLES[text] : text;
}

function target(over: Over | null): Phase | null {
  const id = over ? String(over.id) : '';
  return isPhase(id) ? id : null;
}

/** Announcements for dnd-kit's live region. */
export const announcements: Announcements = {
  onDragStart: ({ active }) => {
    const { name, phase } = cardData(active);
    return `Picked up ${name} in ${PHASE_TITLES[phase]}.`;
  },
  onDragOver: ({ active, over }) => {
    const { name } = cardData(active);
    return over ? `${name} is over ${column(over.id)}.` : `${name} is not over a column.`;
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
