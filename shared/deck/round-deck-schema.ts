/**
 * What a round keeps for its retrospective deck, beside the round-level lists (benefits, next
 * steps, takeaways): the coordinator's own words for the slides that had words in the pilot
 * deck, the slides they add (markdown, images) and which sections show in which order. One
 * nested object on the round, every field defaulted, so older stores load unchanged.
 */
import { z } from 'zod';
import { isHttpUrl } from '../issue-ref.js';
import { sniffImage, DECK_IMAGE_TYPES, MAX_DECK_IMAGE_BYTES } from './deck-image.js';
import { DECK_SECTIONS } from './sections.js';

/** A slide id: like every id, short lowercase (`slide-1`, `image-2`), so `--sections` can name it. */
export const SlideIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be a lowercase id such as slide-1');

const MAX_LINE_CHARS = 2_000;
/** One line a coordinator writes (a bullet); two leading spaces make it a sub-point. */
export const DeckLineSchema = z.string().max(MAX_LINE_CHARS, `must be at most ${MAX_LINE_CHARS} characters`);
const Lines = z.array(DeckLineSchema).max(100, 'at most 100 lines');
const Heading = z.string().max(200, 'must be at most 200 characters');

/** The phases a week description belongs to (the timebox slide's lines). */
export const WEEK_PHASES = ['meet-greet', 'follow-up', 'draft', 'review'] as const;
export type WeekPhase = (typeof WEEK_PHASES)[number];

/** A link under the concept ("Details for the nerds: https://…"): http(s) only. */
export const DeckLinkSchema = z.strictObject({
  label: z.string().max(200).default(''),
  url: z.string().max(2_000).refine(isHttpUrl, 'must be an http(s) URL such as https://github.com/cncf/tag-security/issues/554'),
});

/** Base64 of at most MAX_DECK_IMAGE_BYTES bytes. */
const MAX_BASE64 = Math.ceil(MAX_DECK_IMAGE_BYTES / 3) * 4;

/** An embedded image: its bytes as base64 and the type its first bytes prove (never a URL). */
export const DeckImageSchema = z
  .strictObject({
    mime: z.enum(DECK_IMAGE_TYPES),
    base64: z
      .string()
      .max(MAX_BASE64, `an image may be at most ${MAX_DECK_IMAGE_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    /** The file it came from (shown in the editor only). */
    name: z.string().max(255).default(''),
  })
  .refine((img) => sniffImage(img.base64) === img.mime, { error: 'the bytes are not the image type it names' });

export const MarkdownSlideSchema = z.strictObject({
  id: SlideIdSchema,
  kind: z.literal('markdown'),
  title: Heading.default(''),
  /** Markdown: lists, emphasis, links, tables; slide breaks, directives and HTML stay text. */
  markdown: z.string().max(20_000, 'must be at most 20000 characters').default(''),
  /** Speaker notes (the PPTX's notes page; a comment in the Marp deck). */
  notes: z.string().max(5_000, 'must be at most 5000 characters').default(''),
});

export const ImageSlideSchema = z.strictObject({
  id: SlideIdSchema,
  kind: z.literal('image'),
  title: Heading.default(''),
  /** What the image shows, for people who cannot see it. */
  alt: z.string().max(500).default(''),
  notes: z.string().max(5_000, 'must be at most 5000 characters').default(''),
  image: DeckImageSchema,
});

export const CustomSlideSchema = z.discriminatedUnion('kind', [MarkdownSlideSchema, ImageSlideSchema]);

/** One entry of the deck's order: a built-in section's name or a custom slide's id, shown or not. */
export const DeckItemSchema = z.strictObject({
  id: z.string().min(1).max(64),
  on: z.boolean().default(true),
});

export const RoundDeckSchema = z.strictObject({
  /** The title slide's text; '' uses "TAG Security - Security Pals Retrospective (round)". */
  title: Heading.default(''),
  /** The round's own slide headings ("Pilot Concept", "A “timebox” would probably help"). */
  headings: z.partialRecord(z.enum(DECK_SECTIONS), Heading).default({}),
  /** The concept slide's lines ("For early-stage CNCF projects, can we provide a helping security hand?"). */
  concept: Lines.default([]),
  conceptLink: DeckLinkSchema.nullable().default(null),
  /** The buy-in slide's lines (the hours per engagement follow them). */
  buyIn: Lines.default([]),
  /** Per phase, what its week is for (the timebox slide: "Week 1: Initial meet and greet, …"). */
  weeks: z.partialRecord(z.enum(WEEK_PHASES), Lines).default({}),
  /** A heading per learning tag ("A lot came down to communication"); the tag's label otherwise. */
  learningHeadings: z.record(z.string().min(1).max(30), Heading).default({}),
  /** Retrospective answers name the project that gave them. */
  attribute: z.boolean().default(true),
  /** The deck's order and what is on; sections and slides missing from it keep their default place. */
  items: z.array(DeckItemSchema).max(300).default([]),
  slides: z.array(CustomSlideSchema).max(100, 'at most 100 custom slides').default([]),
});

export type DeckLink = z.infer<typeof DeckLinkSchema>;
export type DeckImage = z.infer<typeof DeckImageSchema>;
export type MarkdownSlide = z.infer<typeof MarkdownSlideSchema>;
export type ImageSlide = z.infer<typeof ImageSlideSchema>;
export type CustomSlide = z.infer<typeof CustomSlideSchema>;
export type DeckItem = z.infer<typeof DeckItemSchema>;
export type RoundDeck = z.infer<typeof RoundDeckSchema>;

/** A round's deck before the coordinator wrote anything (keep in step with the schema's defaults). */
export function emptyRoundDeck(): RoundDeck {
  return {
    title: '',
    headings: {},
    concept: [],
    conceptLink: null,
    buyIn: [],
    weeks: {},
    learningHeadings: {},
    attribute: true,
    items: [],
    slides: [],
  };
}

/** An image slide as an edit names it: everything but the bytes, which stay as stored (by id). */
export const ImageSlideEditSchema = ImageSlideSchema.omit({ image: true });

/**
 * A change to a round's deck: each field given replaces the stored one. `slides` is the whole
 * list in its new order (a slide left out is removed); an image slide keeps the picture stored
 * under its id, and a new picture comes only through `addDeckImage`.
 */
export const RoundDeckPatchSchema = z.strictObject({
  title: RoundDeckSchema.shape.title.unwrap().optional(),
  headings: RoundDeckSchema.shape.headings.unwrap().optional(),
  concept: Lines.optional(),
  conceptLink: DeckLinkSchema.nullable().optional(),
  buyIn: Lines.optional(),
  weeks: RoundDeckSchema.shape.weeks.unwrap().optional(),
  learningHeadings: RoundDeckSchema.shape.learningHeadings.unwrap().optional(),
  attribute: z.boolean().optional(),
  items: RoundDeckSchema.shape.items.unwrap().optional(),
  slides: z
    .array(z.discriminatedUnion('kind', [MarkdownSlideSchema, ImageSlideEditSchema]))
    .max(100, 'at most 100 custom slides')
    .optional(),
});
export type RoundDeckPatch = z.input<typeof RoundDeckPatchSchema>;

/** A picture from a local file for a new image slide (the UI reads the file; the core checks the bytes). */
export const NewDeckImageSchema = z.strictObject({
  /** The file's bytes as base64 (checked: a PNG, JPEG, GIF or WebP of at most 10 MB). */
  base64: z.string().max(MAX_BASE64 + 4, `an image may be at most ${MAX_DECK_IMAGE_BYTES / 1024 / 1024} MB`),
  name: z.string().max(255).default(''),
  title: Heading.default(''),
  alt: z.string().max(500).default(''),
});
export type NewDeckImage = z.input<typeof NewDeckImageSchema>;
