/**
 * What a label rule change would do before it is saved (`pals labels set … --dry-run`, the rules
 * table in the app): the cards the next sync would move, and the ones it would flag as conflicts.
 * A changed rule re-reads every linked card's last-known labels, so a sync that learns nothing
 * new from GitHub can still move cards; the coordinator sees which before saving, not after.
 */
import type { Phase } from '../phases.js';
import type { LabelRule, StoreDoc } from '../schema.js';
import { roundRules, setPhaseLabels } from './label-rules.js';
import { setGithubSettings } from './settings.js';
import type { SyncMove } from './report.js';
import { applySyncResult } from './sync.js';

/** One card a sync moves: exactly `pals sync --json`'s `moved` items (`ref` is the card's id). */
export type CardMove = SyncMove;

/** A card the next sync would not move because it was moved here too: it would ask the coordinator. */
export interface CardConflict {
  readonly ref: string;
  readonly name: string;
  /** Where the card is. */
  readonly local: Phase;
  /** Where GitHub's labels would put it under the new rules. */
  readonly remote: Phase;
}

/** A rule change's preview: the rules it would save and what the next sync would then do. */
export interface RulePreview {
  readonly round: { readonly id: string; readonly name: string };
  /** The round's rules as they would be saved. */
  readonly rules: readonly LabelRule[];
  readonly moves: readonly CardMove[];
  readonly conflicts: readonly CardConflict[];
}

/**
 * What the next sync would do to each linked card of `doc` if GitHub answered "unchanged" for
 * every issue: the sync's own decision (`applySyncResult`) over the labels and state the card
 * last saw. Each card is decided alone (the decision reads only the card, rounds and settings),
 * so thousands of cards are not thousands of copies of the list.
 */
export function nextSyncEffects(doc: StoreDoc, at: string): { readonly moves: CardMove[]; readonly conflicts: CardConflict[] } {
  const moves: CardMove[] = [];
  const conflicts: CardConflict[] = [];
  for (const card of doc.engagements) {
    const link = card.github;
    if (!link) continue;
    const alone: StoreDoc = { ...doc, engagements: [card] };
    const applied = applySyncResult(alone, card.id, link.issue, { kind: 'unchanged' }, at);
    const after = applied.doc.engagements[0];
    if (!after) continue;
    // The move as the sync would report it (read from the history entry the one move writes).
    if (applied.value.moved) moves.push(applied.value.moved);
    else if (applied.value.outcome === 'conflict' && after.github?.conflict) {
      const { local, remote } = after.github.conflict;
      const before = link.conflict;
      if (!before || before.local !== local || before.remote !== remote) conflicts.push({ ref: card.id, name: card.name, local, remote });
    }
  }
  return { moves, conflicts };
}

function preview(saved: StoreDoc, roundId: string, at: string): RulePreview {
  const round = saved.rounds.find((r) => r.id === roundId)!;
  return { round: { id: round.id, name: round.name }, rules: roundRules(saved, roundId).rules, ...nextSyncEffects(saved, at) };
}

/**
 * `setPhaseLabels` without saving: the same refusals (a discovery label, a label meaning another
 * phase, a name GitHub cannot take) with the same messages, and what the next sync would then do.
 */
export function previewPhaseLabels(doc: StoreDoc, roundId: string, phase: Phase, labels: readonly string[], at: string): RulePreview {
  return preview(setPhaseLabels(doc, roundId, phase, labels).doc, roundId, at);
}

/** A whole set of rules for a round (the app's rules table) without saving, refused as saving them would be. */
export function previewLabelRules(doc: StoreDoc, roundId: string, rules: readonly LabelRule[], at: string): RulePreview {
  return preview(setGithubSettings(doc, { roundId, labelRules: rules }).doc, roundId, at);
}
