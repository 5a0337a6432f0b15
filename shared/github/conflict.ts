/**
 * A card's conflict with GitHub as it stands now. The sync records what it saw (GitHub's phase,
 * the card's phase then, when); the card may have moved since, so every reader (the dialog, the
 * CLI, `list --json`) derives the "local" side from the card's current phase, and a card already
 * where GitHub says has no conflict left.
 */
import type { Phase } from '../phases.js';
import type { GithubLink } from '../schema.js';

/** A recorded conflict (GitHub's phase, the card's, when the sync saw them disagree). */
export type GithubConflict = NonNullable<GithubLink['conflict']>;

/** The conflict against the card's current `phase`, or null when there is none (or no longer one). */
export function conflictNow(phase: Phase, conflict: GithubConflict | null): GithubConflict | null {
  if (!conflict || conflict.remote === phase) return null;
  return conflict.local === phase ? conflict : { ...conflict, local: phase };
}

/** One line of `pals conflicts --json`: the card (`ref`, its id, as `pals resolve` takes it) and both sides. */
export interface ConflictEntry {
  readonly ref: string;
  readonly name: string;
  readonly local: Phase;
  readonly remote: Phase;
  /** When the sync first saw the two sides disagree. */
  readonly since: string;
}

/** Every card in conflict with GitHub now, in board order. */
export function conflictsOf(
  cards: readonly {
    readonly id: string;
    readonly name: string;
    readonly phase: Phase;
    readonly github: Pick<GithubLink, 'conflict'> | null;
  }[],
): ConflictEntry[] {
  return cards.flatMap((c) => {
    const k = conflictNow(c.phase, c.github?.conflict ?? null);
    return k ? [{ ref: c.id, name: c.name, local: k.local, remote: k.remote, since: k.detectedAt }] : [];
  });
}
