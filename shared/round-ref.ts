/** Naming a round: by id, or by name ignoring case and spacing (the CLI's ROUND, the round select). */
import { PalsError } from './errors.js';
import type { Round } from './schema.js';

const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Finds a round by id, or by name ignoring case; refuses unknown and ambiguous refs. */
export function findRound(doc: { readonly rounds: readonly Round[] }, ref: string): Round {
  const byId = doc.rounds.find((r) => r.id === ref);
  if (byId) return byId;
  const wanted = key(ref);
  const byName = doc.rounds.filter((r) => key(r.name) === wanted);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new PalsError('ambiguous', `"${ref}" names ${byName.length} rounds (ids ${byName.map((r) => r.id).join(', ')}); use the id`);
  }
  const names = doc.rounds.map((r) => `"${r.name}"`).join(', ');
  throw new PalsError('not-found', `no round is called "${ref}"; rounds: ${names} (\`pals round list\`)`, 'round');
}
