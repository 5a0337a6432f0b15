/**
 * How the CLI tells a coordinator about held moves (`pals settings --writeback on`, `pals sync`):
 * which cards, the phase on the card and the one GitHub's labels say, and how to push them.
 */
import type { HeldMove } from '../../shared/github/held.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import { oneLine } from './text.js';

/** `Argo (Draft; GitHub says Follow-up)`, one per held move. */
export function heldList(held: readonly HeldMove[]): string {
  return held
    .map((h) => `${oneLine(h.name)} (${PHASE_TITLES[h.local]}; GitHub says ${h.remote === null ? 'no phase' : PHASE_TITLES[h.remote]})`)
    .join(', ');
}

/**
 * The held moves and what to do about them; `lead` opens the sentence (`2 cards were moved while
 * it was off`); `too`: the push comes on top of what was just done (switching write-back on).
 */
export function heldNotice(held: readonly HeldMove[], lead: string, too = false): string {
  const one = held.length === 1;
  const keep = one ? 'its issue keeps its labels' : 'their issues keep their labels';
  return `${lead}; ${keep}: ${heldList(held)}.\nTo push ${one ? 'it' : 'them'}${too ? ' too' : ''}: pals sync --push-held\n`;
}

/** `1 card was` / `2 cards were`. */
export function cardsWere(n: number): string {
  return n === 1 ? '1 card was' : `${n} cards were`;
}
