/**
 * The example round the empty board offers: the five projects of the Security Pals pilot,
 * spread over the timebox relative to today so every badge shows. Clearly marked as an example
 * and removable in one action.
 */
import { addDays, type IsoDate } from './dates.js';
import type { Applied } from './engagements.js';
import type { Phase } from './phases.js';
import type { Engagement, Maturity, StoreDoc } from './schema.js';

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
    reaction: '"Where do we start?"',
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
    reaction: '"What do you want?"',
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
    notes: [],
    selection: 'Example engagement (from the Security Pals pilot round)',
    reaction: spec.reaction,
    learnings: [],
    hours: null,
    retro: { worked: '', didnt: '', improve: '', more: '', less: '' },
    history: [{ from: null, to: spec.phase, at, source: 'import' }],
    createdAt: at,
    updatedAt: at,
  }));
  return { doc: { ...doc, engagements: [...doc.engagements, ...added] }, value: added.length };
}

/** Removes every example engagement, leaving the coordinator's own untouched. */
export function removeExampleRound(doc: StoreDoc): Applied<number> {
  const kept = doc.engagements.filter((e) => !e.example);
  return { doc: { ...doc, engagements: kept }, value: doc.engagements.length - kept.length };
}
