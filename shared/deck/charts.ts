/**
 * Charts as plain SVG strings from pure functions, so the same picture goes into the app, the
 * Marp deck and the HTML export (no canvas). All text is XML-escaped: names are user input.
 */
import { PHASE_TITLES, type Phase } from '../phases.js';
import type { PhaseTiming } from './time-in-phase.js';

/** Colours per phase that read on light and dark slides alike. */
export const PHASE_COLOURS: Readonly<Record<Phase, string>> = {
  intake: '#8c96a8',
  'meet-greet': '#3a7bd5',
  'follow-up': '#22a39f',
  draft: '#e0a21a',
  review: '#9b59b6',
  done: '#3c9d4e',
};

/** Escapes text for SVG/XML content and attributes. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function frame(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${xml(title)}">` +
    `<title>${xml(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function clip(text: string, max: number): string {
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length > max ? `${parts.slice(0, max - 1).join('')}…` : text;
}

/** Planned days beside the median actual days, one pair of bars per phase. */
export function plannedVsActualChart(timings: readonly PhaseTiming[]): string {
  const width = 1000;
  const rowHeight = 56;
  const left = 230;
  const height = 60 + timings.length * rowHeight;
  const max = Math.max(1, ...timings.map((t) => Math.max(t.plannedDays, t.actualDays ?? 0)));
  const scale = (days: number) => ((width - left - 170) * days) / max;
  const rows = timings.map((t, i) => {
    const y = 40 + i * rowHeight;
    const actual =
      t.actualDays === null
        ? `<text x="${left}" y="${y + 40}" ${FONT} font-size="16" fill="#555">no engagement has left this phase yet</text>`
        : `<rect x="${left}" y="${y + 26}" width="${scale(t.actualDays).toFixed(1)}" height="20" fill="${PHASE_COLOURS[t.phase]}"/>` +
          `<text x="${(left + scale(t.actualDays) + 8).toFixed(1)}" y="${y + 42}" ${FONT} font-size="16" fill="#222">${t.actualDays} d actual (n=${t.count})</text>`;
    return (
      `<text x="${left - 12}" y="${y + 30}" ${FONT} font-size="18" text-anchor="end" fill="#222">${xml(PHASE_TITLES[t.phase])}</text>` +
      `<rect x="${left}" y="${y + 4}" width="${scale(t.plannedDays).toFixed(1)}" height="20" fill="${PHASE_COLOURS[t.phase]}" fill-opacity="0.3"/>` +
      `<text x="${(left + scale(t.plannedDays) + 8).toFixed(1)}" y="${y + 20}" ${FONT} font-size="16" fill="#555">${t.plannedDays} d planned</text>` +
      actual
    );
  });
  const legend = `<text x="${left}" y="24" ${FONT} font-size="16" fill="#555">Light bar: planned length · solid bar: median real time in phase</text>`;
  return frame(width, height, 'Timebox: planned vs actual days per phase', legend + rows.join(''));
}

export interface EngagementTimeline {
  readonly name: string;
  readonly days: Partial<Record<Phase, number>>;
}

/** One stacked bar per engagement: days spent in each phase it has left. */
export function timeInPhaseChart(rows: readonly EngagementTimeline[]): string {
  const width = 1000;
  const left = 220;
  const rowHeight = 34;
  const phases: Phase[] = ['intake', 'meet-greet', 'follow-up', 'draft', 'review'];
  const totals = rows.map((r) => phases.reduce((sum, p) => sum + (r.days[p] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const scale = (days: number) => ((width - left - 70) * days) / max;
  const bars = rows.map((r, i) => {
    const y = 50 + i * rowHeight;
    let x = left;
    const segments = phases.map((p) => {
      const w = scale(r.days[p] ?? 0);
      const rect = w > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${PHASE_COLOURS[p]}"/>` : '';
      x += w;
      return rect;
    });
    return (
      `<text x="${left - 10}" y="${y + 17}" ${FONT} font-size="16" text-anchor="end" fill="#222">${xml(clip(r.name, 24))}</text>` +
      segments.join('') +
      `<text x="${(x + 6).toFixed(1)}" y="${y + 17}" ${FONT} font-size="14" fill="#555">${Math.round(totals[i]!)} d</text>`
    );
  });
  let lx = left;
  const legend = phases.map((p) => {
    const item = `<rect x="${lx}" y="14" width="14" height="14" fill="${PHASE_COLOURS[p]}"/><text x="${lx + 20}" y="26" ${FONT} font-size="14" fill="#333">${xml(PHASE_TITLES[p])}</text>`;
    lx += 40 + PHASE_TITLES[p].length * 8;
    return item;
  });
  return frame(width, 60 + rows.length * rowHeight, 'Days in each phase per engagement', legend.join('') + bars.join(''));
}

/** An SVG as a data URI for an image in markdown or HTML. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
