/**
 * Rounds as a coordinator runs them: start one (like an earlier one, carrying unfinished
 * engagements over), rename it, set its windows and weights, make it current, remove it. Pure
 * operations on the document, like shared/engagements.ts.
 */
import type { Applied } from './engagements.js';
import { findEngagement, nameKey } from './engagements.js';
import { PalsError } from './errors.js';
import { newRound, type CriteriaWeights, type Engagement, type Round, type StoreDoc } from './schema.js';
import { findRound } from './round-ref.js';
import { mergeWindows, type WindowsPatch } from './windows.js';

export { findRound };

function assertFreeName(doc: StoreDoc, name: string, exceptId?: string): void {
  if (name.trim() === '') throw new PalsError('invalid-input', 'a round needs a name', 'name');
  const key = nameKey(name);
  const clash = doc.rounds.find((r) => r.id !== exceptId && (nameKey(r.name) === key || r.id === key));
  if (clash)
    throw new PalsError('duplicate', `a round called "${clash.name}" already exists (id ${clash.id}); choose another name`, 'name');
}

/** A readable id from a name (`Round 2` → `round-2`), made unique among the rounds. */
export function roundIdFor(doc: StoreDoc, name: string): string {
  const slug =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'round';
  const base = slug.length < 3 ? `round-${slug}`.replace(/-+$/, '') : slug;
  const taken = new Set(doc.rounds.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface NewRoundInput {
  readonly name: string;
  /** A round whose windows, label rules, write-back and weights the new one starts from. */
  readonly like?: string;
  readonly windows?: WindowsPatch;
  /** Make it the current round (new engagements join it). */
  readonly use?: boolean;
  /** Move the current round's unfinished engagements (phase not done) into it. */
  readonly carryOver?: boolean;
}

/** Moves engagements into another round, recording each move on the engagement. */
function moveAll(doc: StoreDoc, ids: ReadonlySet<string>, to: string, at: string): StoreDoc {
  if (ids.size === 0) return doc;
  const engagements = doc.engagements.map((e): Engagement =>
    ids.has(e.id) && e.round !== to ? { ...e, round: to, roundMoves: [...e.roundMoves, { from: e.round, to, at }], updatedAt: at } : e,
  );
  return { ...doc, engagements };
}

/** Starts a round. Refuses an empty or taken name, an unknown `like` and bad windows; changes nothing then. */
export function addRound(doc: StoreDoc, input: NewRoundInput, at: string): Applied<Round> {
  assertFreeName(doc, input.name);
  const like = input.like !== undefined ? findRound(doc, input.like) : undefined;
  const id = roundIdFor(doc, input.name);
  const fresh = newRound(id, input.name.trim());
  const base: Round = like
    ? {
        ...fresh,
        windows: { ...like.windows },
        labelRules: like.labelRules,
        writeBack: like.writeBack,
        criteriaWeights: { ...like.criteriaWeights },
      }
    : fresh;
  const round: Round = { ...base, windows: mergeWindows(base.windows, input.windows ?? {}) };
  const from = doc.settings.currentRound;
  let next: StoreDoc = { ...doc, rounds: [...doc.rounds, round] };
  if (input.carryOver) {
    const ids = new Set(doc.engagements.filter((e) => e.round === from && e.phase !== 'done').map((e) => e.id));
    next = moveAll(next, ids, id, at);
  }
  if (input.use) next = { ...next, settings: { ...next.settings, currentRound: id } };
  return { doc: next, value: round };
}

export interface RoundPatch {
  readonly name?: string;
  readonly windows?: WindowsPatch;
  readonly criteriaWeights?: Partial<CriteriaWeights>;
  readonly benefits?: readonly string[];
  readonly nextSteps?: readonly string[];
  readonly takeaways?: readonly string[];
}

/** Changes a round; fields left out stay. Lists (benefits, next steps, takeaways) are replaced whole. */
export function editRound(doc: StoreDoc, ref: string, patch: RoundPatch): Applied<Round> {
  const current = findRound(doc, ref);
  if (patch.name !== undefined) assertFreeName(doc, patch.name, current.id);
  const round: Round = {
    ...current,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    windows: patch.windows ? mergeWindows(current.windows, patch.windows) : current.windows,
    criteriaWeights: { ...current.criteriaWeights, ...patch.criteriaWeights },
    benefits: patch.benefits ? [...patch.benefits] : current.benefits,
    nextSteps: patch.nextSteps ? [...patch.nextSteps] : current.nextSteps,
    takeaways: patch.takeaways ? [...patch.takeaways] : current.takeaways,
  };
  return { doc: { ...doc, rounds: doc.rounds.map((r) => (r.id === current.id ? round : r)) }, value: round };
}

/** Makes a round current: new engagements join it. */
export function useRound(doc: StoreDoc, ref: string): Applied<Round> {
  const round = findRound(doc, ref);
  if (doc.settings.currentRound === round.id) return { doc, value: round };
  return { doc: { ...doc, settings: { ...doc.settings, currentRound: round.id } }, value: round };
}

/**
 * Removes a round. Refused for the last round, and for a round that holds engagements unless
 * `moveTo` names another round for them. The current round passes to `moveTo`, else the first left.
 */
export function removeRound(doc: StoreDoc, ref: string, moveTo: string | undefined, at: string): Applied<Round> {
  const round = findRound(doc, ref);
  if (doc.rounds.length === 1) throw new PalsError('invalid-input', `"${round.name}" is the only round; a store keeps at least one`);
  const target = moveTo !== undefined ? findRound(doc, moveTo) : undefined;
  if (target?.id === round.id) throw new PalsError('invalid-input', `cannot move "${round.name}"'s engagements into itself`, 'moveTo');
  const held = doc.engagements.filter((e) => e.round === round.id);
  if (held.length > 0 && !target) {
    throw new PalsError(
      'invalid-input',
      `"${round.name}" holds ${held.length} engagement${held.length === 1 ? '' : 's'}; say which round they move to`,
      'moveTo',
    );
  }
  let next = target ? moveAll(doc, new Set(held.map((e) => e.id)), target.id, at) : doc;
  const rounds = next.rounds.filter((r) => r.id !== round.id);
  const current = next.settings.currentRound === round.id ? (target?.id ?? rounds[0]!.id) : next.settings.currentRound;
  next = {
    ...next,
    rounds,
    settings: current === next.settings.currentRound ? next.settings : { ...next.settings, currentRound: current },
  };
  return { doc: next, value: round };
}

/** Moves one engagement into another round (recorded on it); the same round changes nothing. */
export function moveToRound(doc: StoreDoc, engagementRef: string, roundRef: string, at: string): Applied<Engagement> {
  const e = findEngagement(doc, engagementRef);
  const round = findRound(doc, roundRef);
  if (e.round === round.id) return { doc, value: e };
  const next = moveAll(doc, new Set([e.id]), round.id, at);
  return { doc: next, value: next.engagements.find((x) => x.id === e.id)! };
}
