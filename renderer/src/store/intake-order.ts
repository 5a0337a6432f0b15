/** The Intake column's order: the highest selection score first (ties keep board order), so the next project to pick is on top. */
import type { CardView } from '../../../shared/view.js';

/** Sorts intake cards in place by score, highest first (a stable sort: equal scores keep their order). */
export function sortIntake(cards: CardView[]): CardView[] {
  return cards.sort((a, b) => b.score - a.score);
}
