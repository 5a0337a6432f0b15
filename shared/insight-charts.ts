/**
 * The Insight view's charts as SVG strings from pure functions (the app shows them inline; a data
 * table beside each carries the same figures for screen readers). Each has role img, a <title>
 * and an aria-label. Text and axes use `currentColor` and the series CSS variables (with
 * fallbacks that read on light and dark alike), and there is no background, so a chart takes the
 * page's theme. Names are user input and always escaped.
 */
import { xml } from './deck/charts.js';
import type { Insight, RoundInsight } from './insight.js';
import { PHASE_TITLES } from './phases.js';
import type { TimedPhase } from './phases.js';

/** Mid-tone series colours that keep contrast on white and on near-black. */
export const SERIES_FALLBACKS = ['#3a7bd5', '#d9822b', '#2a9d8f', '#b5179e', '#7a8b2a', '#8e6ccf'] as const;

/** A series' colour: the page's `--chart-series-N` if it sets one, else a fallback. */
export function seriesColour(i: number): string {
  return `var(--chart-series-${(i % SERIES_FALLBACKS.length) + 1}, ${SERIES_FALLBACKS[i % SERIES_FALLBACKS.length]})`;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const WORKING: readonly TimedPhase[] = ['meet-greet', 'follow-up', 'draft', 'review'];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
function clip(text: string, max: number): string {
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length > max ? `${parts.slice(0, max - 1).join('')}…` : text;
}

/** Drawing options: a page shows charts on its own background; a slide (an <img>) needs one of its own. */
export interface ChartOptions {
  readonly width?: number;
  /** A solid background and text colour, e.g. for a deck slide where the page's theme does not reach. */
  readonly background?: { readonly fill: string; readonly text: string };
}

function frame(width: number, height: number, label: string, body: string, options: ChartOptions = {}): string {
  const bg = options.background;
  const colour = bg ? `color: ${bg.text}` : 'color: inherit';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${xml(label)}" style="${colour}; max-width: 100%; height: auto">` +
    `<title>${xml(label)}</title>${bg ? `<rect width="${width}" height="${height}" style="fill: ${bg.fill}"/>` : ''}${body}</svg>`
  );
}

/** A label; `extra` attributes may set font-size (else 13). */
const text = (x: number, y: number, content: string, extra = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT}${extra.includes('font-size') ? '' : ' font-size="13"'} fill="currentColor"${extra ? ` ${extra}` : ''}>${xml(content)}</text>`;
const bar = (x: number, y: number, w: number, h: number, fill: string, opacity = 1) =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h}" style="fill: ${fill}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`;

function legend(items: readonly (readonly [string, string, number?])[], x0: number, y: number): string {
  let x = x0;
  return items
    .map(([label, fill, opacity]) => {
      const item = bar(x, y - 11, 12, 12, fill, opacity ?? 1) + text(x + 18, y, clip(label, 24));
      x += 36 + Math.min(24, label.length) * 7;
      return item;
    })
    .join('');
}

function empty(width: number, label: string, message: string): string {
  return frame(width, 60, label, text(16, 36, message, 'opacity="0.8"'));
}

/** Per round: engagements (light bar) and done (solid bar), with the share finished on time. */
export function roundsChart(data: Insight, width = 720): string {
  const label = 'Engagements and done per round';
  if (data.rounds.length === 0) return empty(width, label, 'No rounds yet');
  const left = 180;
  const row = 44;
  const max = Math.max(1, ...data.rounds.map((r) => r.engagements));
  const scale = (n: number) => ((width - left - 150) * n) / max;
  const rows = data.rounds.map((r, i) => {
    const y = 40 + i * row;
    const onTime = r.onTime === null ? '' : ` · ${Math.round(r.onTime * 100)}% on time`;
    return (
      text(left - 10, y + 20, clip(r.name, 22), 'text-anchor="end"') +
      bar(left, y + 2, scale(r.engagements), 16, seriesColour(0), 0.35) +
      bar(left, y + 20, scale(r.done), 16, seriesColour(0)) +
      text(left + scale(r.engagements) + 8, y + 15, `${r.engagements} engagements`) +
      text(left + scale(r.done) + 8, y + 33, `${r.done} done${onTime}`)
    );
  });
  const key = legend(
    [
      ['Engagements', seriesColour(0), 0.35],
      ['Done', seriesColour(0)],
    ],
    left,
    22,
  );
  return frame(width, 50 + data.rounds.length * row, label, key + rows.join(''));
}

/**
 * Median days in each working phase against its planned length, for one round or several side by
 * side (compare two rounds): one bar per round, a tick for each round's plan.
 */
export function phaseDaysChart(rounds: readonly RoundInsight[], width = 720, options: ChartOptions = {}): string {
  const names = rounds.map((r) => r.name).join(' and ');
  const label = `Median days per phase against the planned window${rounds.length ? `: ${names}` : ''}`;
  if (rounds.length === 0) return empty(width, label, 'No round chosen');
  const left = 190;
  const barH = 14;
  const group = rounds.length * (barH + 4) + 20;
  const values = rounds.flatMap((r) => WORKING.flatMap((p) => [r.phases[p].medianDays ?? 0, r.phases[p].plannedDays ?? 0]));
  const max = Math.max(1, ...values);
  // Room on the right for the longest label ("40 d (plan 56 d, n=12)").
  const scale = (n: number) => ((width - left - 170) * n) / max;
  const body = WORKING.map((p, gi) => {
    const y0 = 44 + gi * group;
    const bars = rounds.map((r, ri) => {
      const y = y0 + ri * (barH + 4);
      const ph = r.phases[p];
      const planned = ph.plannedDays ?? 0;
      const tick =
        `<line x1="${(left + scale(planned)).toFixed(1)}" x2="${(left + scale(planned)).toFixed(1)}" y1="${y - 2}" y2="${y + barH + 2}" ` +
        `stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>`;
      const actual =
        ph.medianDays === null
          ? text(
              left + 4,
              y + 11,
              `${rounds.length > 1 ? `${clip(r.name, 14)}: ` : ''}none has left it (plan ${planned} d)`,
              'opacity="0.8" font-size="12"',
            )
          : bar(left, y, scale(ph.medianDays), barH, seriesColour(ri)) +
            text(
              left + Math.max(scale(ph.medianDays), scale(planned)) + 8,
              y + 11,
              `${ph.medianDays} d (plan ${planned} d, n=${ph.count})`,
              'font-size="12"',
            );
      // A phase none has left says its plan in words; a tick there would cross the text.
      return ph.medianDays === null ? actual : actual + tick;
    });
    return text(left - 10, y0 + 12, PHASE_TITLES[p], 'text-anchor="end"') + bars.join('');
  });
  const key =
    legend(
      rounds.map((r, i) => [r.name, seriesColour(i)] as const),
      left,
      22,
    ) + text(width - 16, 22, 'dashed line: planned days', 'text-anchor="end" opacity="0.8" font-size="12"');
  return frame(width, 54 + WORKING.length * group, label, key + body.join(''), options);
}

/** Per pal: engagements per round, stacked (one colour per round), busiest pals first. */
export function palsChart(data: Insight, width = 720, maxPals = 20): string {
  const label = 'Engagements per pal and round';
  if (data.pals.length === 0) return empty(width, label, 'No pal is named on any engagement yet');
  const pals = [...data.pals].sort((a, b) => b.total - a.total || a.pal.localeCompare(b.pal)).slice(0, maxPals);
  const left = 180;
  const row = 26;
  const max = Math.max(1, ...pals.map((p) => p.total));
  const scale = (n: number) => ((width - left - 60) * n) / max;
  const rows = pals.map((p, i) => {
    const y = 44 + i * row;
    let x = left;
    const segments = data.rounds.map((r, ri) => {
      const n = p.rounds[r.id] ?? 0;
      const w = scale(n);
      const seg = n > 0 ? bar(x, y, w, 18, seriesColour(ri)) : '';
      x += w;
      return seg;
    });
    return text(left - 10, y + 14, clip(p.pal, 22), 'text-anchor="end"') + segments.join('') + text(x + 6, y + 14, String(p.total));
  });
  const more =
    data.pals.length > pals.length
      ? text(left, 44 + pals.length * row + 14, `and ${data.pals.length - pals.length} more pals`, 'opacity="0.8"')
      : '';
  const key = legend(
    data.rounds.map((r, i) => [r.name, seriesColour(i)] as const),
    left,
    22,
  );
  return frame(width, 54 + pals.length * row + (more ? 20 : 0), label, key + rows.join('') + more);
}

/** The share of engagements finished on time, per round (0–100%). */
export function onTimeChart(data: Insight, width = 720): string {
  const label = 'Share finished on time per round';
  if (data.rounds.length === 0) return empty(width, label, 'No rounds yet');
  const left = 180;
  const row = 30;
  const scale = (share: number) => (width - left - 170) * share;
  const rows = data.rounds.map((r, i) => {
    const y = 40 + i * row;
    const value =
      r.onTime === null
        ? text(left + 4, y + 14, 'nothing due yet', 'opacity="0.8"')
        : bar(left, y, scale(r.onTime), 18, seriesColour(2)) +
          text(left + scale(r.onTime) + 8, y + 14, `${Math.round(r.onTime * 100)}% (${r.onTimeCount} of ${r.dueCount})`);
    return text(left - 10, y + 14, clip(r.name, 22), 'text-anchor="end"') + bar(left, y, scale(1), 18, 'currentColor', 0.08) + value;
  });
  return frame(width, 50 + data.rounds.length * row, label, rows.join(''));
}
