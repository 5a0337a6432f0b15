/**
 * Editing a round's deck (its words, its added slides, its section order): pure operations on the
 * document, like shared/rounds.ts. Pictures come in one at a time and are checked by their bytes.
 */
import type { Applied } from '../engagements.js';
import { PalsError } from '../errors.js';
import { findRound } from '../round-ref.js';
import type { Round, StoreDoc } from '../schema.js';
import { base64Bytes, checkDeckImage, MAX_DECK_IMAGES_BYTES } from './deck-image.js';
import {
  NewDeckImageSchema,
  type CustomSlide,
  type ImageSlide,
  type NewDeckImage,
  type RoundDeck,
  type RoundDeckPatch,
  RoundDeckPatchSchema,
} from './round-deck-schema.js';
import { DECK_SECTIONS } from './sections.js';

function replaceRound(doc: StoreDoc, round: Round): StoreDoc {
  return { ...doc, rounds: doc.rounds.map((r) => (r.id === round.id ? round : r)) };
}

/** The first free `<prefix>-N` among the deck's slides (`slide-1`, `image-2`): short, so `--sections` can name it. */
export function nextSlideId(deck: RoundDeck, prefix: 'slide' | 'image'): string {
  const taken = new Set(deck.slides.map((s) => s.id));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function checkSlideIds(slides: readonly { readonly id: string }[]): void {
  const seen = new Set<string>();
  for (const s of slides) {
    if ((DECK_SECTIONS as readonly string[]).includes(s.id)) {
      throw new PalsError('invalid-input', `"${s.id}" is a section's name; a custom slide needs another id`, 'slides');
    }
    if (seen.has(s.id)) throw new PalsError('invalid-input', `two slides have the id "${s.id}"`, 'slides');
    seen.add(s.id);
  }
}

/**
 * Changes a round's deck; fields left out stay. `slides` is the whole list in its new order: a
 * slide left out is removed, an image slide keeps its stored picture (a new one comes through
 * `addDeckImage`, never in an edit).
 */
export function editRoundDeck(doc: StoreDoc, ref: string, input: RoundDeckPatch): Applied<Round> {
  const patch = RoundDeckPatchSchema.parse(input);
  const round = findRound(doc, ref);
  const current = round.deck;
  let slides: CustomSlide[] = current.slides;
  if (patch.slides) {
    checkSlideIds(patch.slides);
    const stored = new Map(current.slides.map((s) => [s.id, s]));
    slides = patch.slides.map((s): CustomSlide => {
      if (s.kind === 'markdown') return s;
      const before = stored.get(s.id);
      if (before?.kind !== 'image') {
        throw new PalsError('invalid-input', `"${s.id}" has no picture yet: add an image slide from a file first`, 'slides');
      }
      return { ...s, image: before.image };
    });
  }
  const deck: RoundDeck = { ...current, ...stripUndefined({ ...patch, slides: undefined }), slides };
  const next: Round = { ...round, deck };
  return { doc: replaceRound(doc, next), value: next };
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Adds an image slide from a picture's bytes (base64), at the end of the deck. Refused, changing
 * nothing, when it is empty, over 10 MB or not a PNG, JPEG, GIF or WebP by its first bytes.
 */
export function addDeckImage(doc: StoreDoc, ref: string, input: NewDeckImage): Applied<ImageSlide> {
  const parsed = NewDeckImageSchema.parse(input);
  const mime = checkDeckImage(parsed.base64, parsed.name);
  const round = findRound(doc, ref);
  if (round.deck.slides.length >= 100)
    throw new PalsError('invalid-input', 'a deck holds at most 100 custom slides; remove one first', 'image');
  const stored = doc.rounds
    .flatMap((r) => r.deck.slides)
    .reduce((sum, s) => sum + (s.kind === 'image' ? base64Bytes(s.image.base64) : 0), 0);
  if (stored + base64Bytes(parsed.base64) > MAX_DECK_IMAGES_BYTES) {
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    throw new PalsError(
      'invalid-input',
      `the pictures of all decks together may be at most ${mb(MAX_DECK_IMAGES_BYTES)} (they are kept in the data file; ${mb(stored)} already): remove an image slide or use a smaller picture`,
      'image',
    );
  }
  const slide: ImageSlide = {
    id: nextSlideId(round.deck, 'image'),
    kind: 'image',
    title: parsed.title,
    alt: parsed.alt,
    notes: '',
    image: { mime, base64: parsed.base64, name: parsed.name },
  };
  const next: Round = { ...round, deck: { ...round.deck, slides: [...round.deck.slides, slide] } };
  return { doc: replaceRound(doc, next), value: slide };
}

/** A round as pages see it: pictures' bytes left out (a board snapshot stays small; the preview renders them). */
export function withoutImageBytes(round: Round): Round {
  if (!round.deck.slides.some((s) => s.kind === 'image')) return round;
  const slides = round.deck.slides.map((s) => (s.kind === 'image' ? { ...s, image: { ...s.image, base64: '' } } : s));
  return { ...round, deck: { ...round.deck, slides } };
}
