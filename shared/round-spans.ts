/**
 * Which round an engagement belonged to when: a carried-over engagement spent part of its life
 * in an earlier round, and each round counts only its own part of the phase history (the days in
 * draft before the carry-over are the earlier round's, those after it the new round's).
 */
import type { Engagement } from './schema.js';

/** A stretch of time (ms since the epoch, open ends infinite) during which the engagement was in `round`. */
export interface RoundSpan {
  readonly round: string;
  readonly start: number;
  readonly end: number;
}

/** The engagement's rounds over time, oldest first, from its recorded round moves. */
export function roundSpans(e: Pick<Engagement, 'round' | 'roundMoves'>): RoundSpan[] {
  const moves = [...e.roundMoves]
    .map((m) => ({ ...m, time: Date.parse(m.at) }))
    .filter((m) => Number.isFinite(m.time))
    .sort((a, b) => a.time - b.time);
  if (moves.length === 0) return [{ round: e.round, start: -Infinity, end: Infinity }];
  const spans: RoundSpan[] = [{ round: moves[0]!.from, start: -Infinity, end: moves[0]!.time }];
  moves.forEach((m, i) => spans.push({ round: m.to, start: m.time, end: moves[i + 1]?.time ?? Infinity }));
  return spans;
}

/** How much of [start, end] falls inside the spans of `round`, in ms. */
export function overlapWithRound(spans: readonly RoundSpan[], round: string, start: number, end: number): number {
  let ms = 0;
  for (const s of spans) {
    if (s.round !== round) continue;
    const from = Math.max(start, s.start);
    const to = Math.min(end, s.end);
    if (to > from) ms += to - from;
  }
  return ms;
}
