/**
 * The deck's running order: built-in sections and the coordinator's own slides, in the order
 * the round keeps (`deck.items`), each on or off. Sections the round has not placed yet (a new
 * section in a later version) keep their default place; new slides go at the end.
 */
import { PalsError } from '../errors.js';
import type { CustomSlide, RoundDeck } from './round-deck-schema.js';
import { DECK_SECTIONS, type DeckSection } from './sections.js';

/** One entry of the running order, resolved. */
export type PlanEntry =
  | { readonly kind: 'section'; readonly id: DeckSection; readonly on: boolean }
  | { readonly kind: 'slide'; readonly id: string; readonly on: boolean; readonly slide: CustomSlide };

const isSection = (id: string): id is DeckSection => (DECK_SECTIONS as readonly string[]).includes(id);

/** Every section and slide in the round's order, with whether it shows (what the deck editor lists). */
export function deckEntries(deck: RoundDeck): PlanEntry[] {
  const slides = new Map(deck.slides.map((s) => [s.id, s]));
  const entry = (id: string, on: boolean): PlanEntry | null => {
    if (isSection(id)) return { kind: 'section', id, on };
    const slide = slides.get(id);
    return slide ? { kind: 'slide', id, on, slide } : null;
  };
  const out: PlanEntry[] = [];
  const seen = new Set<string>();
  for (const item of deck.items) {
    const e = seen.has(item.id) ? null : entry(item.id, item.on);
    if (e) {
      out.push(e);
      seen.add(item.id);
    }
  }
  DECK_SECTIONS.forEach((id, i) => {
    if (seen.has(id)) return;
    // After the nearest earlier section in the default order, else first.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = out.findIndex((e) => e.id === DECK_SECTIONS[j]);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    out.splice(at, 0, { kind: 'section', id, on: true });
    seen.add(id);
  });
  for (const s of deck.slides) if (!seen.has(s.id)) out.push({ kind: 'slide', id: s.id, on: true, slide: s });
  return out;
}

/** What a deck may be told on top of the round's order (the CLI's `--sections`, older callers' on/off). */
export interface PlanOverride {
  /** Exactly these, in this order: section names and custom slide ids. */
  readonly order?: readonly string[];
  /** Sections turned on or off over the round's choice. */
  readonly sections?: Partial<Record<DeckSection, boolean>>;
}

/** The names `--sections` takes, for messages and help. */
export function planNames(deck: RoundDeck): string[] {
  return [...DECK_SECTIONS, ...deck.slides.map((s) => s.id)];
}

/** The entries that show, in order. Refuses an unknown or repeated name in `order`, listing the valid ones. */
export function deckPlan(deck: RoundDeck, override: PlanOverride = {}): PlanEntry[] {
  const all = deckEntries(deck);
  if (override.order) {
    const byId = new Map(all.map((e) => [e.id, e]));
    const seen = new Set<string>();
    return override.order.map((id) => {
      const e = byId.get(id);
      if (!e) {
        throw new PalsError(
          'invalid-input',
          `"${id}" is neither a section nor a slide of this round's deck; use: ${planNames(deck).join(', ')}`,
          'sections',
        );
      }
      if (seen.has(id)) throw new PalsError('invalid-input', `"${id}" is named twice`, 'sections');
      seen.add(id);
      return { ...e, on: true };
    });
  }
  return all
    .map((e) => (e.kind === 'section' && override.sections?.[e.id] !== undefined ? { ...e, on: override.sections[e.id]! } : e))
    .filter((e) => e.on);
}
