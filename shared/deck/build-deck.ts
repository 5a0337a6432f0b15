/**
 * The retrospective deck: round data → Marp markdown, in the pilot deck's shape (see
 * ../shared/reference/security-pals-retrospective.md). Pure: no I/O, no clock.
 */
import { groupLearnings } from '../learnings.js';
import { DEFAULT_WINDOWS, PHASE_TITLES } from '../phases.js';
import type { Engagement, StoreDoc } from '../schema.js';
import { plannedVsActualChart, svgDataUri, timeInPhaseChart } from './charts.js';
import { cell, literal } from './escape.js';
import { paginate, SLIDE_CAPACITY, slides, tableRow } from './slides.js';
import type { DeckSection, DeckTheme } from './sections.js';
import { daysInPhases, phaseTimings } from './time-in-phase.js';

export interface DeckOptions {
  readonly title?: string;
  readonly theme?: DeckTheme;
  /** Sections to leave out (all are in by default). */
  readonly sections?: Partial<Record<DeckSection, boolean>>;
  /** Engagement ids; default: every engagement of the current round. */
  readonly only?: readonly string[];
  /** Charts inline as data URIs (preview, HTML) or as files beside the markdown. */
  readonly images?: 'inline' | 'files';
}

export interface DeckImage {
  readonly name: string;
  readonly svg: string;
}

export interface Deck {
  readonly markdown: string;
  readonly slideCount: number;
  readonly images: readonly DeckImage[];
  readonly engagementIds: readonly string[];
}

const RETRO_QUESTIONS = [
  ['worked', 'What worked'],
  ['didnt', "What didn't work"],
  ['improve', 'What could improve'],
  ['more', 'Do more of'],
  ['less', 'Do less of'],
] as const;

function outcome(e: Engagement): string {
  if (e.onHold) return 'On hold';
  if (e.phase === 'done') return 'Self-assessment done';
  if (e.phase === 'review') return 'Submitted for review';
  if (e.phase === 'intake') return 'Not started';
  return `In progress: ${PHASE_TITLES[e.phase]}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const who = (e: Engagement) => (e.pals.length ? e.pals.map(literal).join(', ') : '—');

/** Which engagements a deck covers: `only`, else the current round's (examples only when nothing else). */
export function deckEngagements(doc: StoreDoc, only?: readonly string[]): Engagement[] {
  if (only && only.length > 0)
    return only.map((id) => doc.engagements.find((e) => e.id === id)).filter((e): e is Engagement => e !== undefined);
  const round = doc.engagements.filter((e) => e.round === doc.settings.currentRound);
  // Example cards stay out of a real round's deck, but a board holding only the example round
  // previews it (that is what a new coordinator is trying out).
  const real = round.filter((e) => !e.example);
  return real.length > 0 ? real : round;
}

/** Builds the deck. */
export function buildDeck(doc: StoreDoc, options: DeckOptions = {}): Deck {
  const chosen = deckEngagements(doc, options.only);
  const on = (s: DeckSection) => options.sections?.[s] !== false;
  const round = doc.rounds.find((r) => r.id === doc.settings.currentRound);
  const title = options.title ?? `TAG Security - Security Pals Retrospective${round ? ` (${round.name})` : ''}`;
  const images: DeckImage[] = [];
  const image = (name: string, alt: string, svg: string) => {
    images.push({ name, svg });
    return `![${alt}](${options.images === 'files' ? `deck-images/${name}` : svgDataUri(svg)})`;
  };
  const out: string[] = [`# <!--fit--> ${literal(title)}`];

  if (on('concept')) {
    out.push(
      '# Program concept\n\n* For early-stage CNCF projects: a helping security hand\n* A TAG Security member (the *pal*) helps the project write its security self-assessment, within a timebox\n* Details: https://github.com/cncf/tag-security/issues/554',
    );
  }
  if (on('projects')) {
    const rows = chosen.map((e) => `| ${cell(e.name)} | ${capital(e.maturity)} | ${who(e) || ' '} | ${outcome(e)} |`);
    out.push(
      ...slides('Projects', paginate(rows, SLIDE_CAPACITY, ['| Project | Maturity | Pal | Outcome |', '|---|---|---|---|'], tableRow)),
    );
  }
  if (on('reactions')) {
    const lines = chosen.filter((e) => e.reaction.trim()).map((e) => `* **${literal(e.name)}**: ${literal(e.reaction)}`);
    out.push(...slides('Initial reactions', paginate(lines.length ? lines : ['* _No initial reactions recorded yet_'])));
  }
  if (on('learnings')) {
    const groups = groupLearnings(chosen.flatMap((e) => e.learnings));
    const lines = groups.flatMap((g) => [`* **${g.tag ? literal(capital(g.tag)) : 'Other'}**`, ...g.items.map((t) => `  * ${literal(t)}`)]);
    out.push(...slides('Learnings', paginate(lines.length ? lines : ['* _No learnings recorded yet_'])));
  }
  if (on('timebox')) {
    const windows = round?.windows ?? DEFAULT_WINDOWS;
    const timings = phaseTimings(chosen, windows);
    const rows = timings.map(
      (t) =>
        `| ${PHASE_TITLES[t.phase]} | ${t.plannedWeeks} | ${t.plannedDays} d | ${t.actualDays === null ? '—' : `${t.actualDays} d`} | ${t.count} |`,
    );
    out.push(
      ...slides('The timebox: planned vs actual', [
        ['| Phase | Window | Planned | Median actual | Engagements |', '|---|---|---|---|---|', ...rows],
      ]),
    );
    out.push(
      `# The timebox: planned vs actual\n\n${image('timebox.svg', 'Planned vs actual days per phase', plannedVsActualChart(timings))}`,
    );
    const timelines = chosen.map((e) => ({ name: e.name, days: daysInPhases(e) }));
    for (let i = 0; i < timelines.length; i += 10) {
      const part = timelines.length > 10 ? ` (${i / 10 + 1}/${Math.ceil(timelines.length / 10)})` : '';
      out.push(
        `# Time in phase${part}\n\n${image(`time-in-phase-${i / 10 + 1}.svg`, 'Days in each phase per engagement', timeInPhaseChart(timelines.slice(i, i + 10)))}`,
      );
    }
  }
  if (on('buyIn')) {
    const withHours = chosen.filter((e) => e.hours !== null);
    const total = withHours.reduce((s, e) => s + (e.hours ?? 0), 0);
    const perPal = new Map<string, number>();
    for (const e of withHours) for (const p of e.pals) perPal.set(p, (perPal.get(p) ?? 0) + (e.hours ?? 0) / e.pals.length);
    const rows = withHours.map((e) => `| ${cell(e.name)} | ${who(e)} | ${e.hours} |`);
    const summary = withHours.length
      ? `* ${total} hours over ${withHours.length} engagements: ${Math.round((total / withHours.length) * 10) / 10} h each on average`
      : '* _No hours recorded yet_';
    out.push(
      '# Buy-in and time commitment\n\n* Both the project and the pal(s) must understand the timeline and the time commitment\n* The smaller the time commitment, the more pals we will find\n' +
        summary,
    );
    if (rows.length)
      out.push(...slides('Hours per engagement', paginate(rows, SLIDE_CAPACITY, ['| Project | Pal | Hours |', '|---|---|---|'], tableRow)));
    const palRows = [...perPal].sort((a, b) => b[1] - a[1]).map(([p, h]) => `| ${cell(p)} | ${Math.round(h * 10) / 10} |`);
    if (palRows.length) out.push(...slides('Hours per pal', paginate(palRows, SLIDE_CAPACITY, ['| Pal | Hours |', '|---|---|'], tableRow)));
  }
  if (on('benefits')) {
    out.push(
      '# Benefits to TAG members\n\n* A chance to help the community\n  * CNCF, open source, open source consumers\n* Exposure to other projects\n  * Both teams and technology',
    );
  }
  if (on('nextSteps')) {
    out.push(
      '# Next steps\n\n* There is value here: make the program permanent\n* How do we select projects?\n  * Security status\n  * TOC input\n  * Younger, less mature projects',
    );
  }
  if (on('retro')) {
    for (const [key, question] of RETRO_QUESTIONS) {
      const lines = chosen.filter((e) => e.retro[key].trim()).map((e) => `* **${literal(e.name)}**: ${literal(e.retro[key])}`);
      out.push(...slides(`Retrospective: ${question}`, paginate(lines.length ? lines : ['* _No answers recorded yet_'])));
    }
  }

  const front = [
    '---',
    'marp: true',
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(`A retrospective of the Security Pals round: ${chosen.length} projects`)}`,
    `theme: ${options.theme ?? 'gaia'}`,
    'paginate: true',
    '_paginate: false',
    'style: |',
    '  section table { font-size: 0.7em; }',
    '  section img { max-height: 470px; max-width: 100%; }',
    '---',
  ].join('\n');
  return { markdown: `${front}\n${out.join('\n\n---\n\n')}\n`, slideCount: out.length, images, engagementIds: chosen.map((e) => e.id) };
}
