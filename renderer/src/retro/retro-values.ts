/**
 * The retrospective record as its form holds it, and the rules between form and store: tagged
 * learnings ("[tag] text"), hours as text, validation beside each field, and only-what-changed patches.
 */
import type { EngagementPatch } from '../../../shared/inputs.js';
import { formatLearning, parseLearning, SUGGESTED_LEARNING_TAGS } from '../../../shared/learnings.js';
import { RETRO_QUESTIONS } from '../../../shared/deck/retro-answers.js';
import { MAX_TEXT_CHARS, type RetroAnswers } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';

/** The tag select's value for "a tag of my own" (then `custom` holds it). */
export const CUSTOM_TAG = '__custom';

/** One learning row: `tag` is '' (no tag), a suggested tag, or CUSTOM_TAG. */
export interface LearningRow {
  readonly key: string;
  readonly tag: string;
  readonly custom: string;
  readonly text: string;
}

/** Everything the Retrospective tab edits. */
export interface RetroValues {
  readonly reaction: string;
  readonly hours: string;
  readonly learnings: readonly LearningRow[];
  readonly answers: RetroAnswers;
}

/** The five questions, in the order the deck asks them (one list, shared with the deck). */
export { RETRO_QUESTIONS } from '../../../shared/deck/retro-answers.js';

const SUGGESTED: readonly string[] = SUGGESTED_LEARNING_TAGS;
let rowCounter = 0;

/** A learning row with a fresh key. */
export function learningRow(stored = ''): LearningRow {
  const { tag, text } = parseLearning(stored);
  const key = `l${String(++rowCounter)}`;
  if (tag === null) return { key, tag: '', custom: '', text };
  return SUGGESTED.includes(tag) ? { key, tag, custom: '', text } : { key, tag: CUSTOM_TAG, custom: tag, text };
}

/** The form values showing a saved engagement. */
export function retroValuesOf(e: EngagementView): RetroValues {
  return {
    reaction: e.reaction,
    hours: e.hours === null ? '' : String(e.hours),
    learnings: e.learnings.map((l) => learningRow(l)),
    answers: e.retro,
  };
}

const tagOf = (row: LearningRow) => (row.tag === CUSTOM_TAG ? row.custom.trim() : row.tag);

/** The learnings as stored: "[tag] text", blank rows left out. */
export function storedLearnings(rows: readonly LearningRow[]): string[] {
  return rows.filter((r) => r.text.trim() !== '').map((r) => formatLearning(tagOf(r) || null, r.text.trim()));
}

function stored(v: RetroValues) {
  return { reaction: v.reaction, hours: v.hours.trim(), learnings: storedLearnings(v.learnings), answers: v.answers };
}

/** True when two forms would store the same record. */
export function sameRetro(a: RetroValues, b: RetroValues): boolean {
  return a === b || JSON.stringify(stored(a)) === JSON.stringify(stored(b));
}

const TAG = /^[\p{L}\p{N} _-]{1,30}$/u;
const tooLong = (text: string) => (text.length > MAX_TEXT_CHARS ? `must be at most ${MAX_TEXT_CHARS} characters` : null);

/** Field key → message, for every field that cannot be saved as it is. */
export function retroProblems(v: RetroValues): Record<string, string> {
  const out: Record<string, string> = {};
  const hours = v.hours.trim();
  if (hours !== '' && !Number.isFinite(Number(hours))) out.hours = 'must be a number of hours, such as 12.5';
  else if (Number(hours) < 0) out.hours = 'must be 0 or more';
  else if (Number(hours) > 100_000) out.hours = 'must be at most 100000';
  const reaction = tooLong(v.reaction);
  if (reaction) out.reaction = reaction;
  for (const [key] of RETRO_QUESTIONS) {
    const long = tooLong(v.answers[key]);
    if (long) out[key] = long;
  }
  for (const row of v.learnings) {
    if (row.tag === CUSTOM_TAG && row.custom.trim() !== '' && !TAG.test(row.custom.trim())) {
      out[`tag-${row.key}`] = 'a tag is up to 30 letters, digits, spaces, - or _';
    }
    const long = tooLong(row.text);
    if (long) out[`learning-${row.key}`] = long;
  }
  return out;
}

/** The fields of `next` that differ from `saved`, as an engagement patch. */
export function retroPatch(saved: RetroValues, next: RetroValues): EngagementPatch {
  const before = stored(saved);
  const after = stored(next);
  const patch: { -readonly [K in keyof EngagementPatch]: EngagementPatch[K] } = {};
  if (after.reaction !== before.reaction) patch.reaction = after.reaction;
  if (after.hours !== before.hours) patch.hours = after.hours === '' ? null : Number(after.hours);
  if (JSON.stringify(after.learnings) !== JSON.stringify(before.learnings)) patch.learnings = after.learnings;
  const retro = Object.fromEntries(
    RETRO_QUESTIONS.map(([k]) => k)
      .filter((k) => after.answers[k] !== before.answers[k])
      .map((k) => [k, after.answers[k]]),
  );
  if (Object.keys(retro).length > 0) patch.retro = retro;
  return patch;
}
