/**
 * The example round the empty board offers: the five projects of the Security Pals pilot,
 * spread over the timebox relative to today so every badge shows, with a phase history, their
 * learnings and the pilot round's own words (shared/example-deck.ts), so the deck view shows the
 * pilot deck. Clearly marked as an example and removable in one action (with the words, unless
 * the coordinator changed them).
 */
import { addDays, type IsoDate } from './dates.js';
import type { Applied } from './engagements.js';
import { hasNoRoundText, PILOT_LEARNINGS, withoutPilotText, withPilotText } from './example-deck.js';
import { phaseIndex, type Phase } from './phases.js';
import { emptyCriteria, type Engagement, type Maturity, type StoreDoc } from './schema.js';

interface ExampleSpec {
  readonly name: string;
  readonly maturity: Maturity;
  readonly repo: string;
  readonly phase: Phase;
  /** Kickoff relative to today, in days. */
  readonly kickoffOffset: number;
  readonly reaction: string;
}

const SPECS: readonly ExampleSpec[] = [
  {
    name: 'Tinkerbell',
    maturity: 'sandbox',
    repo: 'https://github.com/tinkerbell/tinkerbell',
    phase: 'review',
    kickoffOffset: -100,
    reaction: 'Generally positive',
  },
  {
    name: 'Kyverno',
    maturity: 'incubating',
    repo: 'https://github.com/kyverno/kyverno',
    phase: 'draft',
    kickoffOffset: -50,
    reaction: '"What do you want?"',
  },
  {
    name: 'Crossplane',
    maturity: 'incubating',
    repo: 'https://github.com/crossplane/crossplane',
    phase: 'follow-up',
    kickoffOffset: -24,
    reaction: 'Questions about CNCF',
  },
  {
    name: 'Artifact Hub',
    maturity: 'sandbox',
    repo: 'https://github.com/artifacthub/hub',
    phase: 'meet-greet',
    kickoffOffset: -3,
    reaction: '"Where do we start?"',
  },
  {
    name: 'Argo',
    maturity: 'incubating',
    repo: 'https://github.com/argoproj/argo-workflows',
    phase: 'intake',
    kickoffOffset: 10,
    reaction: '',
  },
];

/** How many example engagements `addExampleRound` adds. */
export const EXAMPLE_COUNT = SPECS.length;

/** Days after kickoff an example engagement moved into each working phase (the i-th project a little later). */
const MOVE_DAYS: Readonly<Partial<Record<Phase, (i: number) => number>>> = {
  'meet-greet': () => 0,
  'follow-up': (i) => 6 + i,
  draft: (i) => 26 + 2 * i,
  review: (i) => 52 + 3 * i,
};

/** A history that reaches the spec's phase through the timebox (backdated, as a coordinator enters it late). */
function exampleHistory(spec: ExampleSpec, kickoff: IsoDate, i: number, at: string): Engagement['history'] {
  if (spec.phase === 'intake') return [{ from: null, to: 'intake', at, source: 'import' }];
  const noon = (day: IsoDate) => `${day}T12:00:00.000Z`;
  const history: Engagement['history'] = [{ from: null, to: 'intake', at: noon(addDays(kickoff, -14)), source: 'import' }];
  for (const phase of ['meet-greet', 'follow-up', 'draft', 'review'] as const) {
    if (phaseIndex(phase) > phaseIndex(spec.phase)) break;
    const move = noon(addDays(kickoff, MOVE_DAYS[phase]!(i)));
    history.push({ from: history[history.length - 1]!.to, to: phase, at: move < at ? move : at, source: 'import' });
  }
  return history;
}

/** Adds the example projects that are not there yet (by name); `ids` supplies one id each. */
export function addExampleRound(doc: StoreDoc, today: IsoDate, at: string, ids: readonly string[]): Applied<number> {
  const taken = new Set(doc.engagements.map((e) => e.name.toLowerCase()));
  const added: Engagement[] = SPECS.filter((s) => !taken.has(s.name.toLowerCase())).map((spec, i) => ({
    id: ids[i] ?? `example-${i}`,
    name: spec.name,
    maturity: spec.maturity,
    repo: spec.repo,
    kickoff: addDays(today, spec.kickoffOffset),
    phase: spec.phase,
    onHold: false,
    example: true,
    round: doc.settings.currentRound,
    pals: [`Example pal ${String.fromCharCode(65 + i)}`],
    contacts: [],
    github: null,
    pr: null,
    notes: [],
    selection: 'Example engagement (from the Security Pals pilot round)',
    reaction: spec.reaction,
    learnings: [...(PILOT_LEARNINGS[spec.name] ?? [])],
    hours: null,
    retro: { worked: '', didnt: '', improve: '', more: '', less: '' },
    history: exampleHistory(spec, addDays(today, spec.kickoffOffset), i, at),
    criteria: emptyCriteria(),
    securityCheck: null,
    roundMoves: [],
    createdAt: at,
    updatedAt: at,
  }));
  // The pilot's own words come along, but never over a round's own.
  const rounds = doc.rounds.map((r) =>
    r.id === doc.settings.currentRound && added.length > 0 && hasNoRoundText(r) ? withPilotText(r) : r,
  );
  return { doc: { ...doc, rounds, engagements: [...doc.engagements, ...added] }, value: added.length };
}

/** Removes every example engagement, leaving the coordinator's own untouched. */
export function removeExampleRound(doc: StoreDoc): Applied<number> {
  const kept = doc.engagements.filter((e) => !e.example);
  const rounds = kept.length < doc.engagements.length ? doc.rounds.map(withoutPilotText) : doc.rounds;
  return { doc: { ...doc, rounds, engagements: kept }, value: doc.engagements.length - kept.length };
}
