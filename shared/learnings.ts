/**
 * Learnings are plain strings (as `pals edit --learning` stores them); a tag is written as a
 * leading `[tag]`, e.g. "[timebox] Both sides must buy in". The deck groups learnings by it.
 */

/** Tags the pilot's retrospective used; coordinators may use any others. */
export const SUGGESTED_LEARNING_TAGS = ['communication', 'template docs', 'timebox', 'buy-in'] as const;

const TAGGED = /^\[([\p{L}\p{N} _-]{1,30})\]\s+([\s\S]*)$/u;

export interface Learning {
  readonly tag: string | null;
  readonly text: string;
}

/** Splits a stored learning into its tag (lower case) and text. */
export function parseLearning(stored: string): Learning {
  const m = TAGGED.exec(stored);
  return m ? { tag: m[1]!.trim().toLowerCase(), text: m[2]! } : { tag: null, text: stored };
}

/** The stored form of a learning with an optional tag. */
export function formatLearning(tag: string | null, text: string): string {
  const clean = tag?.trim().replace(/[[\]]/g, '') ?? '';
  return clean ? `[${clean}] ${text}` : text;
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
