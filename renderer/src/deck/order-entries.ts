/** Names and edit forms of the running order's entries (shared by the list and the slide editor). */
import type { PlanEntry } from '../../../shared/deck/plan.js';
import type { CustomSlide, RoundDeckPatch } from '../../../shared/deck/round-deck-schema.js';
import { DEFAULT_HEADINGS, type DeckSection } from '../../../shared/deck/sections.js';

/** How an entry is named in the list and in its buttons' labels: the round's heading, a slide's title, a picture's description. */
export function entryLabel(e: PlanEntry, headings: Partial<Record<DeckSection, string>> = {}): string {
  if (e.kind === 'section') return headings[e.id]?.trim() || DEFAULT_HEADINGS[e.id];
  const kind = e.slide.kind === 'image' ? 'Image' : 'Slide';
  const alt = e.slide.kind === 'image' ? e.slide.alt.trim() : '';
  const name = e.slide.title.trim() || (alt.length > 40 ? `${alt.slice(0, 39)}…` : alt);
  return name ? `${kind}: ${name}` : `${kind} ${e.id}`;
}

/** A slide as an edit names it (an image slide without its bytes, which stay stored). */
export function slideEdit(s: CustomSlide): NonNullable<RoundDeckPatch['slides']>[number] {
  return s.kind === 'image' ? { id: s.id, kind: 'image', title: s.title, alt: s.alt, notes: s.notes } : s;
}
