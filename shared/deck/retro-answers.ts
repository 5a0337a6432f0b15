/**
 * The retrospective questions (cncf/tag-security#957: what worked, what didn't, what to
 * improve, more of, less of) answered by every project: each answer may hold several points
 * (one per line, list markers dropped); the same point from several projects is one bullet,
 * naming them when the round wants answers attributed.
 */
import type { Engagement, RetroAnswers } from '../schema.js';

/** The five questions, in the order the deck and the card's Retrospective tab ask them. */
export const RETRO_QUESTIONS: readonly (readonly [keyof RetroAnswers, string])[] = [
  ['worked', 'What worked'],
  ['didnt', "What didn't work"],
  ['improve', 'What could improve'],
  ['more', 'Do more of'],
  ['less', 'Do less of'],
];

/** One point and the projects that made it. */
export interface AnswerGroup {
  readonly text: string;
  readonly projects: readonly string[];
}

/** The points of one answer: its non-blank lines, without list markers. */
export function answerPoints(answer: string): string[] {
  return answer
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/, '').trim())
    .filter((l) => l !== '');
}

/** Two points are the same when they differ only in case, spacing or final punctuation. */
const keyOf = (point: string) =>
  point
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?;:,]+$/, '');

/** Every project's points for one question, the same point once, most-made first (then first-seen). */
export function groupAnswers(engagements: readonly Engagement[], question: keyof RetroAnswers): AnswerGroup[] {
  const groups = new Map<string, { text: string; projects: string[]; first: number }>();
  let order = 0;
  for (const e of engagements) {
    for (const point of answerPoints(e.retro[question])) {
      const key = keyOf(point);
      const g = groups.get(key);
      if (!g) groups.set(key, { text: point, projects: [e.name], first: order++ });
      else if (!g.projects.includes(e.name)) g.projects.push(e.name);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.projects.length - a.projects.length || a.first - b.first)
    .map(({ text, projects }) => ({ text, projects }));
}
