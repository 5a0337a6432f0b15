/**
 * Label → phase: which board column a linked issue's labels point at. A mapping is an ordered
 * list of rules; the first rule whose labels are all on the issue wins. Labels are compared
 * ignoring case, as GitHub does. A closed issue or pull request suggests `done` whatever its labels.
 */
import type { Phase } from '../phases.js';
import type { Engagement, LabelRule, StoreDoc } from '../schema.js';

/**
 * The built-in rules. First the desk's own `pals/<phase>` family: one label per column, the
 * labels write-back sets, so a label written by the desk always maps back to the same column.
 * Then labels in use on cncf/tag-security issues: `assessment` + `in-progress` is a
 * self-assessment being written (draft); `need-self-assessment` and `triage-required` are
 * requests nobody has picked up yet (intake). `inactive` and `usecase-presentation` say nothing
 * about the timebox, so they map to nothing.
 */
export const DEFAULT_LABEL_RULES: readonly LabelRule[] = [
  { label: 'pals/intake', phase: 'intake', family: 'pals', requires: [] },
  { label: 'pals/meet-greet', phase: 'meet-greet', family: 'pals', requires: [] },
  { label: 'pals/follow-up', phase: 'follow-up', family: 'pals', requires: [] },
  { label: 'pals/draft', phase: 'draft', family: 'pals', requires: [] },
  { label: 'pals/review', phase: 'review', family: 'pals', requires: [] },
  { label: 'pals/done', phase: 'done', family: 'pals', requires: [] },
  { label: 'in-progress', phase: 'draft', family: 'tag-security', requires: ['assessment'] },
  { label: 'need-self-assessment', phase: 'intake', family: 'tag-security', requires: [] },
  { label: 'triage-required', phase: 'intake', family: 'tag-security', requires: [] },
];

/** What a suggestion is made from: the parts of a synced issue that say where it stands. */
export interface IssueSignals {
  readonly state: 'open' | 'closed' | null;
  readonly labels: readonly string[];
  readonly kind: 'issue' | 'pull';
}

const key = (label: string) => label.trim().toLowerCase();

/** The rules that apply to an engagement: its round's, else the settings', else the defaults. */
export function rulesFor(doc: StoreDoc, engagement: Pick<Engagement, 'round'>): readonly LabelRule[] {
  const round = doc.rounds.find((r) => r.id === engagement.round);
  return round?.labelRules ?? doc.settings.labelRules ?? DEFAULT_LABEL_RULES;
}

/** The first rule that matches the labels, or null. */
export function matchRule(labels: readonly string[], rules: readonly LabelRule[]): LabelRule | null {
  const present = new Set(labels.map(key));
  return rules.find((rule) => present.has(key(rule.label)) && rule.requires.every((r) => present.has(key(r)))) ?? null;
}

/**
 * The phase GitHub suggests for a linked issue, or null when it says nothing. Closed → done;
 * else the first matching rule; else an open pull request (a submitted self-assessment) → review.
 */
export function suggestPhase(issue: IssueSignals, rules: readonly LabelRule[] = DEFAULT_LABEL_RULES): Phase | null {
  return explainSuggestion(issue, rules)?.phase ?? null;
}

/** GitHub's suggestion with what on the issue caused it (a sync's move records it). */
export interface Suggestion {
  readonly phase: Phase;
  /** `label "pals/review"`, `labels "in-progress" + "assessment"`, `issue closed`, `open pull request`. */
  readonly because: string;
}

/** `suggestPhase` with its reason, or null when GitHub says nothing. */
export function explainSuggestion(issue: IssueSignals, rules: readonly LabelRule[] = DEFAULT_LABEL_RULES): Suggestion | null {
  const what = issue.kind === 'pull' ? 'pull request' : 'issue';
  if (issue.state === 'closed') return { phase: 'done', because: `${what} closed` };
  const rule = matchRule(issue.labels, rules);
  if (rule) {
    const labels = [rule.label, ...rule.requires].map((l) => `"${l}"`);
    return { phase: rule.phase, because: `${labels.length > 1 ? 'labels' : 'label'} ${labels.join(' + ')}` };
  }
  return issue.kind === 'pull' && issue.state === 'open' ? { phase: 'review', because: 'open pull request' } : null;
}

/** The label change that puts an issue in `phase`: set its label, remove the rest of its family. */
export interface LabelChange {
  readonly setLabel: string;
  readonly removeLabels: readonly string[];
}

/**
 * The labels the program finds its issues by (`pals discover`'s default): never a phase label, so
 * write-back can never remove one and make an issue vanish from discovery.
 */
export const DISCOVERY_LABELS: readonly string[] = ['security-pals'];

/** True for a discovery label (ignoring case). */
export function isDiscoveryLabel(label: string): boolean {
  return DISCOVERY_LABELS.some((d) => key(d) === key(label));
}

/**
 * The write-back change for a phase: the first single-label rule for it names the label to add;
 * removed are only labels of that rule's family that mean another phase by themselves (a rule
 * with no required label): never a label that only helps another rule (`in-progress` needs
 * `assessment`), never one of another family, never a discovery label. Null when
 * no rule can express the phase. Worked out when a change is sent, under the rules in force then.
 */
export function labelChangeFor(phase: Phase, rules: readonly LabelRule[]): LabelChange | null {
  const rule = rules.find((r) => r.phase === phase && r.requires.length === 0 && !isDiscoveryLabel(r.label));
  if (!rule) return null;
  const removeLabels: string[] = [];
  for (const r of rules) {
    if (r.family !== rule.family || r.phase === phase || r.requires.length > 0 || isDiscoveryLabel(r.label)) continue;
    if (!removeLabels.some((l) => key(l) === key(r.label))) removeLabels.push(r.label);
  }
  return { setLabel: rule.label, removeLabels };
}

/** True when `labels` holds `label` (ignoring case). */
export function hasLabel(labels: readonly string[], label: string): boolean {
  return labels.some((l) => key(l) === key(label));
}
