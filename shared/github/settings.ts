/** Changing the GitHub settings: label → phase rules (global or per round) and per-round write-back. */
import type { Applied } from '../engagements.js';
import { PalsError } from '../errors.js';
import type { LabelRule, Round, Settings, StoreDoc } from '../schema.js';
import { assertRules } from './label-rules.js';

/** A settings change; fields left out stay. `labelRules: null` goes back to the defaults. */
export interface GithubSettingsPatch {
  /** The round to change (default: the current one); label rules without a round are global. */
  readonly roundId?: string;
  readonly writeBack?: boolean;
  readonly labelRules?: readonly LabelRule[] | null;
}

/** Applies a validated patch. */
export function setGithubSettings(
  doc: StoreDoc,
  patch: GithubSettingsPatch,
): Applied<{ readonly settings: Settings; readonly rounds: readonly Round[] }> {
  const roundId = patch.roundId ?? doc.settings.currentRound;
  if (!doc.rounds.some((r) => r.id === roundId)) throw new PalsError('not-found', `there is no round "${roundId}"`, 'roundId');
  const rules = patch.labelRules === undefined ? undefined : patch.labelRules === null ? null : [...patch.labelRules];
  if (rules) assertRules(rules);
  const settings: Settings = rules !== undefined && patch.roundId === undefined ? { ...doc.settings, labelRules: rules } : doc.settings;
  const rounds = doc.rounds.map((r) => {
    if (r.id !== roundId) return r;
    const next: Round = { ...r, ...(patch.writeBack !== undefined ? { writeBack: patch.writeBack } : {}) };
    return rules !== undefined && patch.roundId !== undefined ? { ...next, labelRules: rules } : next;
  });
  return { doc: { ...doc, settings, rounds }, value: { settings, rounds } };
}
