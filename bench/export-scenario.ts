/**
 * Scenario "export": the retrospective deck of a 50-project round with everything the deck
 * shows filled in (initial reactions, tagged learnings, hours, retro answers, phase moves at
 * different times). Measures the markdown build (buildDeck) and the HTML render (renderDeck +
 * deckHtmlDocument) as `pals export deck` does them, and one PDF print where Chromium exists.
 */
import { existsSync } from 'node:fs';
import { deckHtmlDocument, renderDeck } from '../electron/core/export/render-deck.js';
import { htmlToPdf } from '../electron/core/export/pdf.js';
import { buildDeck } from '../shared/deck/build-deck.js';
import { PHASES } from '../shared/phases.js';
import { StoreDocSchema, type PhaseChange, type StoreDoc } from '../shared/schema.js';
import { createRng } from './prng.js';
import type { Metric, Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { seedDoc } from './seed.js';
import { median } from './stats.js';

const ROUND_SIZE = 50;
const RUNS = 10;
const CHROMIUM = '/usr/bin/chromium';
const TITLE = 'Security Pals Retrospective';
const DAY = 86_400_000;

const REACTIONS = [
  'Glad for the help: the self-assessment had been on the backlog for a year.',
  'Cautious at first, worried about the time it would take from the maintainers.',
  'Enthusiastic; they had already started a threat model and wanted a reviewer.',
  'Asked how this differs from a security audit before agreeing.',
];
const LEARNINGS: readonly (readonly [string, string])[] = [
  ['timebox', 'Six weeks is tight when the maintainers are in different time zones.'],
  ['timebox', 'Setting the review date at the kickoff kept the draft moving.'],
  ['communication', 'A shared channel worked better than issue comments for quick questions.'],
  ['buy-in', 'Both the project and the pal must agree on the hours before starting.'],
  ['template docs', 'The template sections on compliance confused first-time projects.'],
];
const RETRO = [
  'Weekly check-ins kept everyone on track.',
  'Scheduling across time zones slowed the meet & greet.',
  'Start the draft earlier and review in smaller pieces.',
  'Pair new pals with someone who has done one before.',
  'Fewer long meetings; more asynchronous review.',
];

/** A 50-engagement round with every deck section filled in; same seed, same document. */
export function roundDoc(seed: number, size = ROUND_SIZE): StoreDoc {
  const rng = createRng(seed + 7);
  const doc = seedDoc(size, seed, 2);
  const engagements = doc.engagements.map((e) => {
    const start = Date.parse(e.createdAt);
    const steps = rng.int(1, PHASES.length - 1);
    const history: PhaseChange[] = [{ from: null, to: 'intake', at: new Date(start).toISOString(), source: 'local' }];
    let at = start;
    for (let i = 1; i <= steps; i++) {
      // Moves at different times: from a couple of days to several weeks per phase, some hours apart.
      at += rng.int(2, 45) * DAY + rng.int(0, 23) * 3_600_000;
      history.push({ from: PHASES[i - 1]!, to: PHASES[i]!, at: new Date(at).toISOString(), source: rng.chance(0.2) ? 'github' : 'local' });
    }
    const pick = (items: readonly string[]) => (rng.chance(0.8) ? rng.pick(items) : '');
    return {
      ...e,
      phase: PHASES[steps]!,
      onHold: false,
      reaction: rng.pick(REACTIONS),
      learnings: Array.from({ length: rng.int(1, 3) }, () => {
        const [tag, text] = rng.pick(LEARNINGS);
        return rng.chance(0.85) ? `[${tag}] ${text}` : text;
      }),
      hours: rng.int(4, 80),
      retro: { worked: pick(RETRO), didnt: pick(RETRO), improve: pick(RETRO), more: pick(RETRO), less: pick(RETRO) },
      history,
      updatedAt: history.at(-1)!.at,
    };
  });
  return StoreDocSchema.parse({ ...doc, engagements });
}

/** Runs `fn` once to warm up, then `runs` times; the median in ms and the last value. */
function timed<T>(fn: () => T, runs: number): { ms: number; value: T } {
  let value = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), value };
}

async function runIn(ctx: ScenarioContext): Promise<ScenarioResult> {
  const doc = roundDoc(ctx.seed, ctx.size);
  const runs = ctx.profile.smoke ? 1 : RUNS;
  ctx.log(`export: deck of a ${ctx.size}-project round, ${runs} runs each (after one warm-up)`);
  const md = timed(() => buildDeck(doc), runs);
  const html = timed(() => {
    const rendered = renderDeck(md.value.markdown);
    return { rendered, text: deckHtmlDocument(rendered, TITLE) };
  }, runs);
  const metrics: Metric[] = [
    {
      id: 'markdown',
      label: 'deck markdown (buildDeck), median',
      unit: 'ms',
      ours: md.ms,
      budget: { max: 100, text: 'deck markdown ≤ 100 ms', judgedAt: ROUND_SIZE },
    },
    {
      id: 'html',
      label: 'deck HTML (renderDeck + deckHtmlDocument), median',
      unit: 'ms',
      ours: html.ms,
      budget: { max: 500, text: 'deck HTML ≤ 500 ms', judgedAt: ROUND_SIZE },
    },
    { id: 'slides', label: 'slides', unit: 'count', ours: md.value.slideCount },
    { id: 'markdown-bytes', label: 'markdown size', unit: 'bytes', ours: Buffer.byteLength(md.value.markdown) },
    { id: 'html-bytes', label: 'HTML size', unit: 'bytes', ours: Buffer.byteLength(html.value.text) },
  ];
  const notes = [
    `${doc.engagements.length} engagements in the current round, each with a reaction, ${doc.engagements.reduce((n, e) => n + e.learnings.length, 0)} learnings in all (mostly "[tag] …"), hours, retro answers, 1–5 phase moves 2–45 days apart`,
    `medians of ${runs} runs after one warm-up; HTML uses a fresh Marp instance per run, as \`pals export deck --format html\` does; the rendered HTML has ${html.value.rendered.slideCount} <section> slides`,
  ];
  if (existsSync(CHROMIUM)) {
    ctx.log(`export: one PDF print with ${CHROMIUM}`);
    try {
      const start = performance.now();
      const pdf = await htmlToPdf(html.value.text, { ...process.env, PALS_CHROMIUM: CHROMIUM });
      metrics.push({ id: 'pdf', label: 'deck PDF (htmlToPdf, headless Chromium), one run', unit: 'ms', ours: performance.now() - start });
      metrics.push({ id: 'pdf-bytes', label: 'PDF size', unit: 'bytes', ours: pdf.length });
      notes.push(`PDF: a single run, figure only (no budget); includes starting ${CHROMIUM}`);
    } catch (error) {
      notes.push(`PDF: failed: ${(error as Error).message}`);
    }
  } else notes.push(`PDF: not measured (${CHROMIUM} not found)`);
  return { scenario: 'export', size: ctx.size, metrics, notes };
}

/** The export scenario; see the file comment. */
export const exportScenario: Scenario = {
  name: 'export',
  description: 'retrospective deck of a 50-project round: markdown build, HTML render (and PDF where Chromium exists)',
  sizes: (profile) => [profile.smoke ? 5 : ROUND_SIZE],
  ownSizes: true,
  run: runIn,
};
