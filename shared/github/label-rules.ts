/**
 * Editing the label → phase rules (`pals labels set`, the settings table): one label means one
 * phase, so a label given to two phases is refused, whoever asks.
 */
import type { Applied } from '../engagements.js';
import { PalsError } from '../errors.js';
import { PHASE_TITLES, type Phase } from '../phases.js';
import type { LabelRule, Round, StoreDoc } from '../schema.js';
import { labelNameProblem } from './label-name.js';
import { DEFAULT_LABEL_RULES, isDiscoveryLabel } from './labels.js';

const key = (label: string) => label.trim().toLowerCase();

/** Where a round's rules come from: its own, the settings' (every round's), or the built-in ones. */
export type RulesSource = 'round' | 'settings' | 'default';

/** A round's label → phase rules, as `pals labels` and the settings table show them. */
export interface RoundRulesView {
  readonly round: { readonly id: string; readonly name: string };
  readonly rules: readonly LabelRule[];
  /** The round's own rules, the settings' (every round's), or the built-in ones. */
  readonly source: RulesSource;
}

/** A round's rules and where they come from (`roundId` absent: the current round). */
export function rulesView(doc: StoreDoc, roundId: string | undefined): RoundRulesView {
  const id = roundId ?? doc.settings.currentRound;
  const round = doc.rounds.find((r) => r.id === id);
  if (!round) throw new PalsError('not-found', `there is no round "${id}"`, 'roundId');
  const { rules, source } = roundRules(doc, id);
  return { round: { id: round.id, name: round.name }, rules, source };
}

/** The rules a round uses and where they come from. */
export function roundRules(doc: StoreDoc, roundId: string): { readonly rules: readonly LabelRule[]; readonly source: RulesSource } {
  const round = doc.rounds.find((r) => r.id === roundId);
  if (round?.labelRules) return { rules: round.labelRules, source: 'round' };
  if (doc.settings.labelRules) return { rules: doc.settings.labelRules, source: 'settings' };
  return { rules: DEFAULT_LABEL_RULES, source: 'default' };
}

/** Why a discovery label cannot mean a phase (the same words from `labels set` and the app's table). */
function discoveryProblem(label: string): string {
  return `"${label}" is the label the program finds its issues by (discovery); it cannot mean a phase, or write-back would remove it and the issue would vanish from discovery`;
}

/**
 * Why a set of rules cannot be used, or null: a label GitHub or a request path cannot take
 * (label-name.ts), the discovery label as a phase's label, or a label (ignoring case) that
 * points at two phases. The same label twice for one phase (say, alone and with a required
 * label) is fine.
 */
export function ruleProblem(rules: readonly LabelRule[]): string | null {
  const phaseOf = new Map<string, Phase>();
  for (const rule of rules) {
    const k = key(rule.label);
    for (const name of [rule.label, ...rule.requires]) {
      const problem = labelNameProblem(name);
      if (problem) return problem;
    }
    if (isDiscoveryLabel(rule.label)) return discoveryProblem(rule.label);
    const seen = phaseOf.get(k);
    if (seen !== undefined && seen !== rule.phase) {
      return `the label "${rule.label}" would mean both ${PHASE_TITLES[seen]} and ${PHASE_TITLES[rule.phase]}; a label can mean only one phase`;
    }
    phaseOf.set(k, rule.phase);
  }
  return null;
}

/** Throws the coordinator's message when the rules cannot be used. */
export function assertRules(rules: readonly LabelRule[]): void {
  const problem = ruleProblem(rules);
  if (problem) throw new PalsError('invalid-input', problem, 'labelRules');
}

/**
 * The rules with `phase` recognised by exactly `labels` (the first is the one write-back sets),
 * every other phase's rules kept, in the phases' order. The new rules join the `pals` family,
 * so write-back removes the other phases' labels of that family when it sets one.
 */
export function withPhaseLabels(rules: readonly LabelRule[], phase: Phase, labels: readonly string[]): LabelRule[] {
  const unique: string[] = [];
  for (const label of labels.map((l) => l.trim())) {
    if (label !== '' && !unique.some((u) => key(u) === key(label))) unique.push(label);
  }
  for (const label of unique) {
    if (isDiscoveryLabel(label)) {
      throw new PalsError('invalid-input', discoveryProblem(label), 'labels');
    }
    const taken = rules.find((r) => r.phase !== phase && key(r.label) === key(label));
    if (taken) {
      throw new PalsError(
        'invalid-input',
        `the label "${label}" already means ${PHASE_TITLES[taken.phase]}; a label can mean only one phase (set ${PHASE_TITLES[taken.phase]}'s labels without it first)`,
        'labels',
      );
    }
  }
  const mine: LabelRule[] = unique.map((label) => ({ label, phase, family: 'pals', requires: [] }));
  // The phase keeps its place in the list: first match wins for an issue carrying two labels.
  const next: LabelRule[] = [];
  let placed = false;
  for (const rule of rules) {
    if (rule.phase !== phase) next.push(rule);
    else if (!placed) {
      next.push(...mine);
      placed = true;
    }
  }
  if (!placed) next.push(...mine);
  assertRules(next);
  return next;
}

/** Sets one phase's labels in a round's own rules (copied from the rules it used until now). */
export function setPhaseLabels(
  doc: StoreDoc,
  roundId: string,
  phase: Phase,
  labels: readonly string[],
): Applied<{ readonly round: Round; readonly rules: readonly LabelRule[] }> {
  const round = doc.rounds.find((r) => r.id === roundId);
  if (!round) throw new PalsError('not-found', `there is no round "${roundId}"`, 'roundId');
  if (labels.every((l) => l.trim() === ''))
    throw new PalsError('invalid-input', `give at least one label for ${PHASE_TITLES[phase]}`, 'labels');
  const rules = withPhaseLabels(roundRules(doc, roundId).rules, phase, labels);
  const next: Round = { ...round, labelRules: rules };
  return { doc: { ...doc, rounds: doc.rounds.map((r) => (r.id === roundId ? next : r)) }, value: { round: next, rules } };
}
