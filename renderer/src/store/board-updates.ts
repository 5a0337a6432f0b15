/**
 * Pure updates of the board snapshot the store keeps, so actions stay short and the rules
 * (replace a card, apply a change event, overlay pending moves, recompute the due state) are
 * testable alone.
 */
import type { BoardChange, BoardSnapshot } from '../../../shared/api.js';
import { dueState } from '../../../shared/due.js';
import { DEFAULT_WINDOWS, type Phase } from '../../../shared/phases.js';
import type { CardView } from '../../../shared/view.js';

/** The snapshot with one card replaced (or appended when it is new). */
export function withCard(board: BoardSnapshot, next: CardView): BoardSnapshot {
  const exists = board.engagements.some((e) => e.id === next.id);
  const engagements = exists ? board.engagements.map((e) => (e.id === next.id ? next : e)) : [...board.engagements, next];
  return { ...board, engagements };
}

/** The snapshot without some cards. */
export function withoutCards(board: BoardSnapshot, ids: readonly string[]): BoardSnapshot {
  if (ids.length === 0) return board;
  const gone = new Set(ids);
  return { ...board, engagements: board.engagements.filter((e) => !gone.has(e.id)) };
}

/** The snapshot after one `boardChanged` listing cards: changed ones replaced in place, new ones appended. */
export function withChange(board: BoardSnapshot, change: Extract<BoardChange, { kind: 'cards' }>): BoardSnapshot {
  const byId = new Map(change.cards.map((c) => [c.id, c]));
  const gone = new Set(change.removed);
  const kept = board.engagements.filter((e) => !gone.has(e.id)).map((e) => byId.get(e.id) ?? e);
  const known = new Set(kept.map((e) => e.id));
  const added = change.cards.filter((c) => !known.has(c.id));
  return { ...board, engagements: [...kept, ...added], ...(change.settings ? { settings: change.settings } : {}) };
}

/** One card shown in another phase, its due state recomputed the way the core does it. */
export function withPhase(board: BoardSnapshot, id: string, phase: Phase): BoardSnapshot {
  const current = board.engagements.find((e) => e.id === id);
  if (!current || current.phase === phase) return board;
  const windows = board.rounds.find((r) => r.id === current.round)?.windows ?? DEFAULT_WINDOWS;
  const due = dueState({ phase, kickoff: current.kickoff }, windows, board.today, board.settings.dueSoonDays);
  return withCard(board, { ...current, phase, due });
}

/** A fresh snapshot with the moves still waiting for the core laid over it. */
export function withPendingMoves(board: BoardSnapshot, pending: Readonly<Record<string, Phase>>): BoardSnapshot {
  return Object.entries(pending).reduce((acc, [id, phase]) => withPhase(acc, id, phase), board);
}

/** One card's note count changed by this page's own note call, as the core counts it (and stamps the change). */
export function withNoteCount(board: BoardSnapshot, id: string, count: number, at: string | null): BoardSnapshot {
  const current = board.engagements.find((e) => e.id === id);
  if (!current) return board;
  const updatedAt = at !== null && at > current.updatedAt ? at : current.updatedAt;
  return withCard(board, { ...current, noteCount: Math.max(0, count), updatedAt });
}
