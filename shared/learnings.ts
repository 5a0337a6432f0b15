/**
 * Learnings are plain strings (as `pals edit --learning` stores them); a tag is written as a
 * leading `[tag]`, e.g. "[timebox] Both sides must buy in". The deck groups learnings by it.
 *
 * One vocabulary everywhere: a tag is stored in one canonical spelling (lower case, single
 * spaces, known variants folded: `[template]` is `template docs`) and shown with one label
 * (`tagLabel`: "Template docs") by the deck, the card's Retrospective tab and `pals show`.
 */

/** Tags the pilot's retrospective used; coordinators may use any others. */
export const SUGGESTED_LEARNING_TAGS = ['communication', 'template docs', 'timebox', 'buy-in'] as const;

/** Spellings people use for the suggested tags, folded into the canonical one. */
const ALIASES: Readonly<Record<string, string>> = {
  comms: 'communication',
  template: 'template docs',
  templates: 'template docs',
  'template doc': 'template docs',
  'template-docs': 'template docs',
  template_docs: 'template docs',
  'time box': 'timebox',
  'time-box': 'timebox',
  'buy in': 'buy-in',
  buyin: 'buy-in',
};

const TAGGED = /^\[([\p{L}\p{N} _-]{1,30})\]\s+([\s\S]*)$/u;

export interface Learning {
  readonly tag: string | null;
  readonly text: string;
}

/** A tag in its one stored spelling: lower case, single spaces, known variants folded. */
export function canonicalTag(tag: string): string {
  const clean = tag.trim().toLowerCase().replace(/\s+/g, ' ');
  return ALIASES[clean] ?? clean;
}

/** How every view names a tag: its canonical spelling with a capital ("Template docs"). */
export function tagLabel(tag: string): string {
  const t = canonicalTag(tag);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Splits a stored learning into its tag (canonical) and text. */
export function parseLearning(stored: string): Learning {
  const m = TAGGED.exec(stored);
  return m ? { tag: canonicalTag(m[1]!), text: m[2]! } : { tag: null, text: stored };
}

/** The stored form of a learning with an optional tag (written in its canonical spelling). */
export function formatLearning(tag: string | null, text: string): string {
  const clean = canonicalTag(tag?.replace(/[[\]]/g, '') ?? '');
  return clean ? `[${clean}] ${text}` : text;
}

/** One learning as a line of text, the tag shown by its label: "Template docs: Projects loved them". */
export function describeLearning(stored: string): string {
  const { tag, text } = parseLearning(stored);
  return tag ? `${tagLabel(tag)}: ${text}` : text;
}

/** Learnings grouped by tag, untagged last, in first-seen order. */
export function groupLearnings(stored: readonly string[]): { tag: string | null; items: string[] }[] {
  const groups = new Map<string | null, string[]>();
  for (const s of stored) {
    const { tag, text } = parseLearning(s);
    groups.set(tag, [...(groups.get(tag) ?? []), text]);
  }
  const untagged = groups.get(null);
  groups.delete(null);
  return [...[...groups].map(([tag, items]) => ({ tag, items })), ...(untagged ? [{ tag: null, items: untagged }] : [])];
}
