/**
 * The retrospective deck: round data and the round's own words → Marp markdown, in the pilot
 * deck's shape (see ../shared/reference/security-pals-retrospective.md). Pure: no I/O, no clock.
 * The running order (sections and the coordinator's slides) is the round's (shared/deck/plan.ts);
 * each section is built in deck-sections.ts, each added slide in custom-slides.ts.
 */
import { DEFAULT_WINDOWS } from '../phases.js';
import { findRound } from '../round-ref.js';
import type { Engagement, Round, StoreDoc } from '../schema.js';
import { svgDataUri } from './charts.js';
import { customSlide } from './custom-slides.js';
import { SECTION_BUILDERS, type DeckContext } from './deck-sections.js';
import { literal } from './escape.js';
import { THEME_METRICS } from './layout.js';
import { deckPlan } from './plan.js';
import { emptyRoundDeck } from './round-deck-schema.js';
import type { DeckSection, DeckTheme } from './sections.js';

export interface DeckOptions {
  readonly title?: string;
  readonly theme?: DeckTheme;
  /** Sections turned on or off over the round's own choice. */
  readonly sections?: Partial<Record<DeckSection, boolean>>;
  /** Exactly these sections and slides, in this order (`pals export deck --sections`). */
  readonly order?: readonly string[];
  /** Engagement ids; default: every engagement of the round. */
  readonly only?: readonly string[];
  /** The round (id or name) the deck is about; default: the current round. */
  readonly round?: string;
  /** Charts inline as data URIs (preview, HTML) or as files beside the markdown. */
  readonly images?: 'inline' | 'files';
}

export interface DeckImage {
  readonly name: string;
  readonly svg: string;
}

export interface Deck {
  /** The title slide's text (also the HTML page's and the PPTX's title). */
  readonly title: string;
  readonly markdown: string;
  readonly slideCount: number;
  readonly images: readonly DeckImage[];
  readonly engagementIds: readonly string[];
  /** Sections and slides in the running order that had nothing to show, so were left out. */
  readonly omitted: readonly string[];
}

/** Which engagements a deck covers: `only`, else the round's (default: the current round; examples only when nothing else). */
export function deckEngagements(doc: StoreDoc, only?: readonly string[], roundId = doc.settings.currentRound): Engagement[] {
  if (only && only.length > 0)
    return only.map((id) => doc.engagements.find((e) => e.id === id)).filter((e): e is Engagement => e !== undefined);
  const round = doc.engagements.filter((e) => e.round === roundId);
  // Example cards stay out of a real round's deck, but a board holding only the example round
  // previews it (that is what a new coordinator is trying out).
  const real = round.filter((e) => !e.example);
  return real.length > 0 ? real : round;
}

/** The round a deck is about: `round` (id or name), else the current one. */
export function deckRound(doc: StoreDoc, round?: string): Round | undefined {
  return round !== undefined ? findRound(doc, round) : doc.rounds.find((r) => r.id === doc.settings.currentRound);
}

/** The slide classes the deck's own directives use: a denser text slide, and a picture slide. */
const STYLE = [
  // Long words break rather than push a table past the slide's edge (slides are split by height: layout.ts).
  'section table { font-size: 0.7em; overflow-wrap: anywhere; }',
  'section img { max-height: 470px; max-width: 100%; }',
  'section.dense { font-size: 22px; }',
  'section.picture { display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; }',
  'section.picture p { margin: 0; }',
  'section.picture img { width: 1000px; max-width: 100%; max-height: 540px; object-fit: contain; }',
];

/** Builds the deck. */
export function buildDeck(doc: StoreDoc, options: DeckOptions = {}): Deck {
  const round = deckRound(doc, options.round);
  const chosen = deckEngagements(doc, options.only, round?.id);
  const deck = round?.deck ?? emptyRoundDeck();
  const defaultTitle = `TAG Security - Security Pals Retrospective${round ? ` (${round.name})` : ''}`;
  const title = options.title?.trim() || deck.title.trim() || defaultTitle;
  const images: DeckImage[] = [];
  const ctx: DeckContext = {
    doc,
    round,
    deck,
    chosen,
    windows: round?.windows ?? DEFAULT_WINDOWS,
    metrics: THEME_METRICS[options.theme ?? 'gaia'],
    image: (name, alt, svg) => {
      images.push({ name, svg });
      return `![${alt}](${options.images === 'files' ? `deck-images/${name}` : svgDataUri(svg)})`;
    },
  };
  const out: string[] = [`# <!--fit--> ${literal(title)}`];
  const omitted: string[] = [];
  for (const entry of deckPlan(deck, { order: options.order, sections: options.sections })) {
    const made = entry.kind === 'section' ? SECTION_BUILDERS[entry.id](ctx) : customSlide(entry.slide);
    if (made.length === 0) omitted.push(entry.id);
    out.push(...made);
  }

  const front = [
    '---',
    'marp: true',
    // YAML's double quotes read \u escapes: no markup character appears even in the metadata.
    `title: ${JSON.stringify(title).replace(/[<>[\]]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`,
    `description: ${JSON.stringify(`A retrospective of the Security Pals round: ${chosen.length} projects`)}`,
    `theme: ${options.theme ?? 'gaia'}`,
    'paginate: true',
    '_paginate: false',
    'style: |',
    ...STYLE.map((rule) => `  ${rule}`),
    '---',
  ].join('\n');
  return {
    title,
    markdown: `${front}\n${out.join('\n\n---\n\n')}\n`,
    slideCount: out.length,
    images,
    engagementIds: chosen.map((e) => e.id),
    omitted,
  };
}
