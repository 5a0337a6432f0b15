/**
 * The round's words as the deck editor holds them (one text box per list, a line per bullet,
 * two leading spaces for a sub-point) and the rules between the form and the store: what to
 * save where (benefits, next steps and the takeaway on the round; the rest on its deck) and
 * only what changed.
 */
import type { RoundDeckPatch } from '../../../shared/deck/round-deck-schema.js';
import { WEEK_PHASES, type WeekPhase } from '../../../shared/deck/round-deck-schema.js';
import { DECK_SECTIONS, type DeckSection } from '../../../shared/deck/sections.js';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import type { Round } from '../../../shared/schema.js';

/** Everything the "Words on the slides" form edits. */
export interface DeckWords {
  readonly title: string;
  readonly concept: string;
  readonly linkLabel: string;
  readonly linkUrl: string;
  readonly buyIn: string;
  readonly benefits: string;
  readonly nextSteps: string;
  readonly takeaways: string;
  readonly weeks: Readonly<Record<WeekPhase, string>>;
  readonly headings: Readonly<Record<DeckSection, string>>;
  readonly attribute: boolean;
}

const text = (lines: readonly string[]) => lines.join('\n');

/** A text box's lines as stored: blank lines dropped, trailing spaces trimmed, leading ones kept (sub-points). */
export function linesOf(value: string): string[] {
  return value
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
}

/** The form showing a saved round. */
export function wordsOf(round: Round): DeckWords {
  const d = round.deck;
  return {
    title: d.title,
    concept: text(d.concept),
    linkLabel: d.conceptLink?.label ?? '',
    linkUrl: d.conceptLink?.url ?? '',
    buyIn: text(d.buyIn),
    benefits: text(round.benefits),
    nextSteps: text(round.nextSteps),
    takeaways: text(round.takeaways),
    weeks: Object.fromEntries(WEEK_PHASES.map((p) => [p, text(d.weeks[p] ?? [])])) as Record<WeekPhase, string>,
    headings: Object.fromEntries(DECK_SECTIONS.map((s) => [s, d.headings[s] ?? ''])) as Record<DeckSection, string>,
    attribute: d.attribute,
  };
}

/** Field → message for what cannot be saved as it is. */
export function wordsProblems(w: DeckWords): Record<string, string> {
  const out: Record<string, string> = {};
  const url = w.linkUrl.trim();
  if (url && !isHttpUrl(url)) out.linkUrl = 'must be an http(s) URL such as https://github.com/cncf/tag-security/issues/554';
  if (!url && w.linkLabel.trim()) out.linkUrl = 'give the link the label is for';
  return out;
}

interface Stored {
  readonly round: { readonly benefits: string[]; readonly nextSteps: string[]; readonly takeaways: string[] };
  readonly deck: Required<Pick<RoundDeckPatch, 'title' | 'concept' | 'conceptLink' | 'buyIn' | 'weeks' | 'headings' | 'attribute'>>;
}

function stored(w: DeckWords): Stored {
  const url = w.linkUrl.trim();
  return {
    round: { benefits: linesOf(w.benefits), nextSteps: linesOf(w.nextSteps), takeaways: linesOf(w.takeaways) },
    deck: {
      title: w.title.trim(),
      concept: linesOf(w.concept),
      conceptLink: url ? { label: w.linkLabel.trim(), url } : null,
      buyIn: linesOf(w.buyIn),
      weeks: Object.fromEntries(WEEK_PHASES.map((p) => [p, linesOf(w.weeks[p])] as const).filter(([, l]) => l.length > 0)),
      headings: Object.fromEntries(DECK_SECTIONS.map((s) => [s, w.headings[s].trim()] as const).filter(([, h]) => h !== '')),
      attribute: w.attribute,
    },
  };
}

/** True when two forms would store the same words. */
export function sameWords(a: DeckWords, b: DeckWords): boolean {
  return a === b || JSON.stringify(stored(a)) === JSON.stringify(stored(b));
}

/** What to send: the round's lists (editRound) and the deck's fields (editRoundDeck) that changed. */
export function wordsChanges(saved: DeckWords, next: DeckWords): { round: Partial<Stored['round']>; deck: RoundDeckPatch } {
  const [a, b] = [stored(saved), stored(next)];
  const changed = <T extends object>(x: T, y: T) =>
    Object.fromEntries(
      Object.entries(y).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((x as Record<string, unknown>)[k])),
    ) as Partial<T>;
  return { round: changed(a.round, b.round), deck: changed(a.deck, b.deck) };
}
