/**
 * The retrospective deck's "Compared with the previous round" section (issue 13): the round's
 * figures beside the round before it (in the store's order of rounds), as a table and a chart of
 * median days per phase against each round's plan. Pure, no clock: "today" for the on-time share
 * is the last day anything was recorded, unless the caller gives one. No previous round, no slide.
 */
import { dayNumber, dayOf, fromDayNumber, type IsoDate } from '../dates.js';
import { insight, type RoundInsight } from '../insight.js';
import { phaseDaysChart } from '../insight-charts.js';
import { PHASE_TITLES } from '../phases.js';
import type { Round, StoreDoc } from '../schema.js';
import { cell, literal } from './escape.js';

/** The heading of the section's slides. */
export const COMPARE_HEADING = 'Compared with the previous round';

/** The round before `round` in the store's order, if any. */
export function previousRound(doc: StoreDoc, round: Round): Round | undefined {
  const i = doc.rounds.findIndex((r) => r.id === round.id);
  return i > 0 ? doc.rounds[i - 1] : undefined;
}

/** The last day anything was recorded (a move or an edit): a deterministic "as of" for a deck. */
export function lastRecordedDay(doc: StoreDoc): IsoDate {
  let last = 0;
  for (const e of doc.engagements) {
    const n = dayNumber(dayOf(e.updatedAt));
    if (n !== null && n > last) last = n;
    for (const h of e.history) {
      const d = dayNumber(dayOf(h.at));
      if (d !== null && d > last) last = d;
    }
  }
  return fromDayNumber(last);
}

const pct = (r: RoundInsight) => (r.onTime === null ? '—' : `${Math.round(r.onTime * 100)}% (${r.onTimeCount} of ${r.dueCount})`);
const num = (n: number | null, unit = '') => (n === null ? '—' : `${n}${unit}`);

/** The section's slides: a table of both rounds' figures, then the chart; none without a previous round. */
export function compareSlides(
  doc: StoreDoc,
  round: Round | undefined,
  image: (name: string, alt: string, svg: string) => string,
  today: IsoDate = lastRecordedDay(doc),
  heading: string = COMPARE_HEADING,
): string[] {
  if (!round) return [];
  const before = previousRound(doc, round);
  if (!before) return [];
  const figures = insight(doc, today);
  const prev = figures.rounds.find((r) => r.id === before.id)!;
  const now = figures.rounds.find((r) => r.id === round.id)!;
  const row = (label: string, f: (r: RoundInsight) => string) => `| ${label} | ${f(prev)} | ${f(now)} |`;
  const phases = (['meet-greet', 'follow-up', 'draft', 'review'] as const).map((p) =>
    row(`${PHASE_TITLES[p]}: median days (plan)`, (r) => `${num(r.phases[p].medianDays, ' d')} (${num(r.phases[p].plannedDays, ' d')})`),
  );
  const table = [
    `| | ${cell(prev.name)} | ${cell(now.name)} |`,
    '|---|---|---|',
    row('Engagements', (r) => String(r.engagements)),
    row('Done', (r) => String(r.done)),
    row('Finished on time', pct),
    row('Hours per engagement (median)', (r) => num(r.hoursMedian)),
    ...phases,
  ];
  const chart = phaseDaysChart([prev, now], 1000, { background: { fill: '#ffffff', text: '#222222' } });
  return [
    `# ${heading}\n\n${table.join('\n')}`,
    `# ${heading}: time in phase\n\n${image('compare-rounds.svg', `Median days per phase: ${literal(prev.name)} and ${literal(now.name)}`, chart)}`,
  ];
}
