/**
 * Do the assignees match the card's pals? Each pal may have a GitHub login in the
 * settings (`palLogins`); logins are compared ignoring case, as GitHub does. What a card and
 * `pals show` say about it.
 */

/** One assignee, and the pal it is (null: not one of this card's pals). */
export interface Assignee {
  readonly login: string;
  readonly pal: string | null;
}

/** The comparison, for a card. */
export interface AssigneeMatch {
  readonly assignees: readonly Assignee[];
  /** Pals with a known login who are not assigned. */
  readonly unassignedPals: readonly string[];
  /** Pals whose login the settings do not know (nothing can be said about them). */
  readonly unknownPals: readonly string[];
  /** `match`: every pal with a login is assigned and every assignee is a pal; `none`: nothing to compare. */
  readonly state: 'match' | 'mismatch' | 'none';
}

const key = (login: string) => login.trim().replace(/^@/, '').toLowerCase();

/** Compares the assignees with the pals through the pal → login map. */
export function matchAssignees(
  assignees: readonly string[],
  pals: readonly string[],
  palLogins: Readonly<Record<string, string>>,
): AssigneeMatch {
  const loginOf = (pal: string) => palLogins[pal] ?? Object.entries(palLogins).find(([p]) => p.toLowerCase() === pal.toLowerCase())?.[1];
  const palByLogin = new Map<string, string>();
  const unknownPals: string[] = [];
  for (const pal of pals) {
    const login = loginOf(pal);
    if (login) palByLogin.set(key(login), pal);
    else unknownPals.push(pal);
  }
  const listed = assignees.map((login) => ({ login, pal: palByLogin.get(key(login)) ?? null }));
  const assigned = new Set(assignees.map(key));
  const unassignedPals = [...palByLogin.entries()].filter(([login]) => !assigned.has(login)).map(([, pal]) => pal);
  const comparable = palByLogin.size > 0 || assignees.length > 0;
  const matches = unassignedPals.length === 0 && listed.every((a) => a.pal !== null);
  return {
    assignees: listed,
    unassignedPals,
    unknownPals,
    state: !comparable || (palByLogin.size === 0 && unknownPals.length > 0) ? 'none' : matches ? 'match' : 'mismatch',
  };
}

/** One line for people: "assignees match the pals", "not assigned: Alice; not a pal: bob", … */
export function describeMatch(match: AssigneeMatch): string {
  if (match.state === 'match') return 'the assignees are the pals';
  if (match.state === 'none') {
    if (match.assignees.length === 0 && match.unknownPals.length === 0) return 'nobody is assigned';
    return match.unknownPals.length > 0 ? 'pals without a GitHub login in the settings' : 'nobody to compare';
  }
  const parts: string[] = [];
  if (match.unassignedPals.length > 0) parts.push(`not assigned: ${match.unassignedPals.join(', ')}`);
  const strangers = match.assignees.filter((a) => a.pal === null).map((a) => a.login);
  if (strangers.length > 0) parts.push(`not a pal: ${strangers.join(', ')}`);
  return parts.join('; ');
}
