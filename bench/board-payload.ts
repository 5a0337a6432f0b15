/**
 * What the board snapshot carries, measured on the seeded document: how much of it is notes,
 * and how large a card-only snapshot (just what a card shows, filters and search use) would be.
 */
import type { StoreDoc } from '../shared/schema.js';

/** Byte counts (UTF-8 JSON) of the seeded engagements. */
export interface PayloadShares {
  readonly engagementsBytes: number;
  readonly notesBytes: number;
  /** A card-only snapshot: id, name, phase, maturity, pals, flags, kickoff, round, the issue chip and a note count. */
  readonly cardOnlyBytes: number;
}

const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Measures the shares for `doc`. */
export function payloadShares(doc: StoreDoc): PayloadShares {
  const cards = doc.engagements.map((e) => ({
    id: e.id,
    name: e.name,
    phase: e.phase,
    maturity: e.maturity,
    pals: e.pals,
    onHold: e.onHold,
    example: e.example,
    kickoff: e.kickoff,
    round: e.round,
    github: e.github && { issue: e.github.issue, url: e.github.url, state: e.github.state },
    noteCount: e.notes.length,
    due: { phase: e.phase, windowEnd: e.kickoff, state: 'overdue' },
  }));
  return {
    engagementsBytes: size(doc.engagements),
    notesBytes: doc.engagements.reduce((sum, e) => sum + size(e.notes), 0),
    cardOnlyBytes: size(cards),
  };
}
