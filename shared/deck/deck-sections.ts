/**
 * One builder per built-in section: data and the round's own words → slides (markdown, speaker
 * notes as a comment at the end). A builder with nothing to say returns no slide: the deck never
 * shows boilerplate in place of the coordinator's words, nor an empty slide.
 */
import { groupLearnings, tagLabel } from '../learnings.js';
import { PHASE_TITLES } from '../phases.js';
import type { Engagement, Round, StoreDoc, Windows } from '../schema.js';
import { plannedVsActualChart, timeInPhaseChart } from './charts.js';
import { compareSlides } from './compare-section.js';
import { cell, literal, storedText } from './escape.js';
import { notesComment } from './notes.js';
import { groupAnswers, RETRO_QUESTIONS } from './retro-answers.js';
import { WEEK_PHASES, type RoundDeck } from './round-deck-schema.js';
import { bullets, linkBullet } from './round-text.js';
import { DEFAULT_HEADINGS, type DeckSection } from './sections.js';
import { bodyHeight, listItemHeight, type ThemeMetrics } from './layout.js';
import { fitting, listPages, paginate, slides, tablePages } from './slides.js';
import { daysInPhases, phaseTimings, type PhaseTiming } from './time-in-phase.js';

/** What every builder reads. */
export interface DeckContext {
  /** The whole store (the comparison with the previous round reads other rounds). */
  readonly doc: StoreDoc;
  readonly round: Round | undefined;
  readonly deck: RoundDeck;
  readonly chosen: readonly Engagement[];
  readonly windows: Windows;
  /** The theme's type and spacing: how much a slide holds. */
  readonly metrics: ThemeMetrics;
  /** Places a chart: inline as a data URI, or as a file beside a Markdown export. */
  readonly image: (name: string, alt: string, svg: string) => string;
}

type Builder = (ctx: DeckContext) => string[];

/** The slide heading: the round's own, else the section's default; always literal text. */
export function headingOf(ctx: DeckContext, section: DeckSection): string {
  return literal(ctx.deck.headings[section]?.trim() || DEFAULT_HEADINGS[section]);
}

/** A slide with its speaker notes. */
export const withNotes = (slide: string, notes: string): string => (notes ? `${slide}\n\n${notesComment(notes)}` : slide);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/**
 * A stored number as deck text. The schema promises numbers, but a value is escaped where it is
 * written out whatever the schema promised: anything else reads "?", never as markup.
 */
const numberText = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '?');
/** An engagement's logged hours, when they are a number. */
const hoursOf = (e: Engagement): number | null => (typeof e.hours === 'number' && Number.isFinite(e.hours) ? e.hours : null);
const who = (e: Engagement) => (e.pals.length ? e.pals.map(literal).join(', ') : '—');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function outcome(e: Engagement): string {
  if (e.onHold) return 'On hold';
  if (e.phase === 'done') return 'Self-assessment done';
  if (e.phase === 'review') return 'Submitted for review';
  if (e.phase === 'intake') return 'Not started';
  return `In progress: ${literal(PHASE_TITLES[e.phase] ?? storedText(e.phase))}`;
}

/**
 * A point and, when the round attributes answers, the projects that made it; shortened to fit a
 * slide by itself ("… and 9 more", then the text cut with "…"; the card keeps every word).
 */
function attributed(ctx: DeckContext, heading: string, text: string, projects: readonly string[]): string {
  const names = ctx.deck.attribute ? projects : [];
  const credit = (n: number) => {
    if (names.length === 0) return '';
    const shown = names.slice(0, Math.max(1, n)).map(literal);
    const more = names.length - shown.length;
    return ` _\\(${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}\\)_`;
  };
  const withAll = (n: number) => `* ${literal(text)}${credit(n)}`;
  const full = fitting(ctx.metrics, heading, names.length, withAll);
  if (listItemHeight(ctx.metrics, full) <= bodyHeight(ctx.metrics, `${heading} (99/99)`)) return full;
  return fitting(
    ctx.metrics,
    heading,
    text.length,
    (n) => `* ${literal(n < text.length ? `${text.slice(0, n).trimEnd()}…` : text)}${credit(1)}`,
  );
}

/** The same text once, case and spacing aside, with everyone who wrote it. */
function grouped(items: readonly { text: string; who: string }[]): { text: string; projects: string[] }[] {
  const map = new Map<string, { text: string; projects: string[] }>();
  for (const { text, who: name } of items) {
    const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
    const g = map.get(key);
    if (!g) map.set(key, { text: text.trim(), projects: [name] });
    else if (!g.projects.includes(name)) g.projects.push(name);
  }
  return [...map.values()];
}

const concept: Builder = (ctx) => {
  const link = ctx.deck.conceptLink;
  const lines = [...bullets(ctx.deck.concept), ...(link ? [linkBullet(link.label, link.url)] : [])];
  return lines.length ? slides(headingOf(ctx, 'concept'), listPages(ctx.metrics, headingOf(ctx, 'concept'), lines)) : [];
};

/** How far the project's self-assessment PR has got ("5 of 8 sections"); "—" with no PR or none read yet. */
function prProgress(e: Engagement): string {
  const pr = e.pr;
  if (!pr || pr.error || pr.sections.length === 0) return '—';
  return `${pr.sections.filter((s) => s.filled).length} of ${plural(pr.sections.length, 'section')}`;
}

const projects: Builder = (ctx) => {
  if (ctx.chosen.length === 0) return [];
  // The column shows only once a project links its self-assessment PR: the pilot deck has none.
  const linked = ctx.chosen.filter((e) => e.pr !== null).length;
  const rows = ctx.chosen.map((e) => [
    cell(e.name),
    cell(capital(storedText(e.maturity))),
    who(e),
    outcome(e),
    ...(linked ? [prProgress(e)] : []),
  ]);
  const header = ['Project', 'Maturity', 'Pal', 'Outcome', ...(linked ? ['Self-assessment'] : [])];
  const done = ctx.chosen.filter((e) => e.phase === 'done').length;
  const prs = linked ? ` ${linked} linked a self-assessment PR (sections filled, as of the last sync).` : '';
  const notes = `${plural(ctx.chosen.length, 'project')} in the round; ${done} finished the self-assessment.${prs}`;
  return slides(headingOf(ctx, 'projects'), tablePages(ctx.metrics, headingOf(ctx, 'projects'), header, rows)).map((s) =>
    withNotes(s, notes),
  );
};

const reactions: Builder = (ctx) => {
  const items = ctx.chosen.filter((e) => e.reaction.trim()).map((e) => ({ text: e.reaction, who: e.name }));
  const lines = grouped(items).map((g) => attributed(ctx, headingOf(ctx, 'reactions'), g.text, g.projects));
  const notes = `Initial reactions of ${plural(items.length, 'project')}, as recorded on each card.`;
  return lines.length
    ? slides(headingOf(ctx, 'reactions'), listPages(ctx.metrics, headingOf(ctx, 'reactions'), lines)).map((s) => withNotes(s, notes))
    : [];
};

const learnings: Builder = (ctx) => {
  const groups = groupLearnings(ctx.chosen.flatMap((e) => e.learnings));
  const dedupe = (items: readonly string[]) => grouped(items.map((text) => ({ text, who: '' }))).map((g) => g.text);
  const lines = groups.flatMap((g) =>
    g.tag === null
      ? dedupe(g.items).map((t) => `* ${literal(t)}`)
      : [`* ${literal(ctx.deck.learningHeadings[g.tag]?.trim() || tagLabel(g.tag))}`, ...dedupe(g.items).map((t) => `  * ${literal(t)}`)],
  );
  const takeaways = (ctx.round?.takeaways ?? []).filter((t) => t.trim());
  const closing = takeaways.map((t, i) => `* ${i === 0 ? 'Biggest single takeaway' : 'Takeaway'}: ${literal(t)}`);
  const all = [...lines, ...closing];
  const notes = 'Learnings from every card of the round, grouped by tag; the takeaway is the round’s own.';
  return all.length
    ? slides(headingOf(ctx, 'learnings'), listPages(ctx.metrics, headingOf(ctx, 'learnings'), all)).map((s) => withNotes(s, notes))
    : [];
};

/** How a window reads on the timebox slide, as the pilot wrote it: "Week 1", "Week 6–8". */
const weekLabel = (w: { start: number; end: number }) =>
  w.start === w.end ? `Week ${numberText(w.end)}` : `Week ${numberText(w.start)}–${numberText(w.end)}`;

function plannedVsActual(t: PhaseTiming): string {
  const planned = `planned ${plural(t.plannedDays, 'day')}`;
  if (t.actualDays === null) return `_${capital(planned)}; no engagement has left this phase yet_`;
  const late = t.finished > 0 ? `; ${t.onTime} of ${t.finished} left it by the end of its window` : '';
  return `_${capital(planned)}; actual ${plural(t.actualDays, 'day')} \\(median of ${t.count}\\)${late}_`;
}

/** Text weighs less on the timebox slide: it uses a smaller font (the `dense` class); a block is a week with its lines. */
const denseWeight = (block: string) =>
  block.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.replace(/\\(.)/g, '$1').length / DENSE_CHARS)), 0);
/** About how many characters a line of the dense slide holds, and how many lines it holds. */
export const DENSE_CHARS = 95;
export const DENSE_CAPACITY = 15;

const timebox: Builder = (ctx) => {
  const timings = new Map(phaseTimings(ctx.chosen, ctx.windows, ctx.round?.id).map((t) => [t.phase, t]));
  // One block per week, so a week's lines never split across two slides.
  const blocks = WEEK_PHASES.map((phase) => {
    const [first = '', ...more] = (ctx.deck.weeks[phase] ?? []).filter((l) => l.trim());
    const description = first.trim() ? literal(first) : literal(PHASE_TITLES[phase]);
    const t = timings.get(phase)!;
    return [
      `* ${weekLabel(ctx.windows[phase])}: ${description}`,
      ...more.map((l) => `  * ${literal(l)}`),
      `  * ${plannedVsActual(t)}`,
    ].join('\n');
  });
  const notes =
    'Planned: the round’s windows, counted from each kickoff. Actual: the days between moves in each engagement’s phase ' +
    'history (a backdated move counts on the day it happened); the median is over the engagements that left the phase.';
  const weekSlides = slides(headingOf(ctx, 'timebox'), paginate(blocks, DENSE_CAPACITY, [], denseWeight), '<!-- _class: dense -->\n').map(
    (s) => withNotes(s, notes),
  );
  const timingList = [...timings.values()];
  const chart = `# ${headingOf(ctx, 'timebox')}: planned vs actual\n\n${ctx.image('timebox.svg', 'Planned vs actual days per phase', plannedVsActualChart(timingList))}`;
  const timelines = ctx.chosen.map((e) => ({ name: e.name, days: daysInPhases(e, ctx.round?.id) }));
  const perEngagement: string[] = [];
  for (let i = 0; i < timelines.length; i += 10) {
    const part = timelines.length > 10 ? ` (${i / 10 + 1}/${Math.ceil(timelines.length / 10)})` : '';
    perEngagement.push(
      `# Time in phase${part}\n\n${ctx.image(`time-in-phase-${i / 10 + 1}.svg`, 'Days in each phase per engagement', timeInPhaseChart(timelines.slice(i, i + 10)))}`,
    );
  }
  return [...weekSlides, withNotes(chart, notes), ...perEngagement];
};

const buyIn: Builder = (ctx) => {
  const withHours = ctx.chosen.filter((e) => hoursOf(e) !== null);
  const total = withHours.reduce((s, e) => s + (hoursOf(e) ?? 0), 0);
  const summary = withHours.length
    ? [
        `* ${total} hours over ${plural(withHours.length, 'engagement')}: ${Math.round((total / withHours.length) * 10) / 10} h each on average`,
      ]
    : [];
  const lines = [...bullets(ctx.deck.buyIn), ...summary];
  if (lines.length === 0) return [];
  const notes = 'Hours are what the pals logged on each card (Retrospective tab, or pals edit --hours).';
  const out = slides(headingOf(ctx, 'buyIn'), listPages(ctx.metrics, headingOf(ctx, 'buyIn'), lines)).map((s) => withNotes(s, notes));
  const rows = withHours.map((e) => [cell(e.name), who(e), numberText(hoursOf(e))]);
  if (rows.length)
    out.push(...slides('Hours per engagement', tablePages(ctx.metrics, 'Hours per engagement', ['Project', 'Pal', 'Hours'], rows)));
  const perPal = new Map<string, number>();
  for (const e of withHours) for (const p of e.pals) perPal.set(p, (perPal.get(p) ?? 0) + (hoursOf(e) ?? 0) / e.pals.length);
  const palRows = [...perPal].sort((a, b) => b[1] - a[1]).map(([p, h]) => [cell(p), String(Math.round(h * 10) / 10)]);
  if (palRows.length) out.push(...slides('Hours per pal', tablePages(ctx.metrics, 'Hours per pal', ['Pal', 'Hours'], palRows)));
  return out;
};

const roundList =
  (section: 'benefits' | 'nextSteps'): Builder =>
  (ctx) => {
    const lines = bullets(ctx.round?.[section] ?? []);
    return lines.length ? slides(headingOf(ctx, section), listPages(ctx.metrics, headingOf(ctx, section), lines)) : [];
  };

const retro: Builder = (ctx) => {
  const heading = headingOf(ctx, 'retro');
  return RETRO_QUESTIONS.flatMap(([key, question]) => {
    const groups = groupAnswers(ctx.chosen, key);
    if (groups.length === 0) return [];
    const answered = new Set(groups.flatMap((g) => g.projects)).size;
    const notes = `${question}: ${plural(groups.length, 'point')} from ${answered} of ${plural(ctx.chosen.length, 'project')}.`;
    const title = `${heading}: ${literal(question)}`;
    const lines = groups.map((g) => attributed(ctx, title, g.text, g.projects));
    return slides(title, listPages(ctx.metrics, title, lines)).map((s) => withNotes(s, notes));
  });
};

/** The builder of each built-in section. */
export const SECTION_BUILDERS: Readonly<Record<DeckSection, Builder>> = {
  concept,
  projects,
  reactions,
  learnings,
  timebox,
  buyIn,
  benefits: roundList('benefits'),
  nextSteps: roundList('nextSteps'),
  retro,
  compare: (ctx) => compareSlides(ctx.doc, ctx.round, ctx.image, undefined, headingOf(ctx, 'compare')),
};
