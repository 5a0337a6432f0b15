/**
 * Pure updates of the board snapshot the store keeps, so actions stay short and the rules
 * (replace a card, overlay moves still in flight, recompute the due state) are testable alone.
 */
import type { BoardSnapshot } from '../../../shared/api.js';
import { dueState } from '../../../shared/due.js';
import { DEFAULT_WINDOWS, type Phase } from '../../../shared/phases.js';
import type { Note } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';

/** The snapshot with one card replaced (or appended when it is new). */
export function withEngagement(board: BoardSnapshot, next: EngagementView): BoardSnapshot {
  const exists = board.engagements.some((e) => e.id === next.id);
  const engagements = exists ? board.engagements.map((e) => (e.id === next.id ? next : e)) : [...board.engagements, next];
  return { ...board, engagements };
}

/** The snapshot without one card. */
export function withoutEngagement(board: BoardSnapshot, id: string): BoardSnapshot {
  return { ...board, engagements: board.engagements.filter((e) => e.id !== id) };
}

/** One card shown in another phase, its due state recomputed the way the core does it. */
export function withPhase(board: BoardSnapshot, id: string, phase: Phase): BoardSnapshot {
  const current = board.engagements.find((e) => e.id === id);
  if (!current || current.phase === phase) return board;
  const windows = board.rounds.find((r) => r.id === current.round)?.windows ?? DEFAULT_WINDOWS;
  const due = dueState({ phase, kickoff: current.kickoff }, windows, board.today, board.settings.dueSoonDays);
  return withEngagement(board, { ...current, phase, due });
}

/** A fresh snapshot with the moves still waiting for the core laid over it. */
export function withPendingMoves(board: BoardSnapshot, pending: Readonly<Record<string, Phase>>): BoardSnapshot {
  return Object.entries(pending).reduce((acc, [id, phase]) => withPhase(acc, id, phase), board);
}

/** The snapshot with a note appended to a card. */
export function withNote(board: BoardSnapshot, id: string, note: Note): BoardSnapshot {
  const current = board.engagements.find((e) => e.id === id);
  if (!current || current.notes.some((n) => n.id === note.id)) return board;
  return withEngagement(board, { ...current, notes: [...current.notes, note] });
}

/** The snapshot with a saved note in place of its older copy (appended when it is new). */
export function withSavedNote(board: BoardSnapshot, id: string, note: Note): BoardSnapshot {
  const current = board.engagements.find((e) => e.id === id);
  if (!current) return board;
  const exists = current.notes.some((n) => n.id === note.id);
  const notes = exists ? current.notes.map((n) => (n.id === note.id ? note : n)) : [...current.notes, note];
  return withEngagement(board, { ...current, notes });
}

/** The snapshot without one note. */
export function withoutNote(board: BoardSnapshot, id: string, noteId: string): BoardSnapshot {
  const current = board.engagements.find((e) => e.id === id);
  if (!current) return board;
  return withEngagement(board, { ...current, notes: current.notes.filter((n) => n.id !== noteId) });
}
