/**
 * Pure operations on the store document. Each takes the document and everything it needs
 * (ids, the time) as values and returns a new document, so the store can replay it on a newer
 * copy of the file written by another process and get the same result.
 */
import { PalsError } from './errors.js';
import { nameKey } from './name-key.js';
import { canonicalPals } from './pals.js';
import type { CriteriaInput, EngagementPatch, NewEngagementInput, NewNoteInput } from './inputs.js';
import { formatIssueRef, issueUrl, parseIssueRef } from './issue-ref.js';
import { assertLinkFree } from './github/link-holder.js';
import { pullLinkFor } from './github/pull-link.js';
import { findRound } from './round-ref.js';
import { emptyCriteria, type Criteria, type Engagement, type GithubLink, type Note, type StoreDoc } from './schema.js';

// Applied (an operation's next document and value) lives in schema.ts, beside StoreDoc, so that
// modules engagements.ts uses (github/pull-link.ts) can name it without importing this file back.
import type { Applied } from './schema.js';
/** Re-exported: names are compared the same way everywhere (shared/name-key.ts). */
export { nameKey };

export type { Applied };

/** Values an operation must not invent itself (so replaying it is deterministic). */
export interface Stamp {
  readonly id: string;
  readonly at: string;
}

/** Finds one engagement by id, or by name ignoring case; refuses unknown and ambiguous refs. */
export function findEngagement(doc: StoreDoc, ref: string): Engagement {
  const byId = doc.engagements.find((e) => e.id === ref);
  if (byId) return byId;
  const key = nameKey(ref);
  const byName = doc.engagements.filter((e) => nameKey(e.name) === key);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    const ids = byName.map((e) => e.id).join(', ');
    throw new PalsError('ambiguous', `"${ref}" names ${byName.length} engagements (ids ${ids}); use the id instead`);
  }
  const near = doc.engagements.filter((e) => key.length > 0 && nameKey(e.name).includes(key)).slice(0, 3);
  const hint = near.length ? `; did you mean ${near.map((e) => `"${e.name}"`).join(' or ')}?` : '; `pals list` shows every name and id';
  throw new PalsError('not-found', `no engagement is called "${ref}"${hint}`);
}

function assertUniqueName(doc: StoreDoc, name: string, exceptId?: string): void {
  const key = nameKey(name);
  const clash = doc.engagements.find((e) => e.id !== exceptId && nameKey(e.name) === key);
  if (clash) {
    throw new PalsError('duplicate', `an engagement called "${clash.name}" already exists (id ${clash.id}); choose another name`, 'name');
  }
}

function linkFor(text: string): GithubLink {
  const ref = parseIssueRef(text);
  if ('error' in ref) throw new PalsError('invalid-input', ref.error);
  return {
    issue: formatIssueRef(ref),
    url: issueUrl(ref),
    kind: ref.kind,
    state: null,
    title: null,
    labels: [],
    assignees: [],
    milestone: null,
    comments: null,
    updatedAt: null,
    syncedAt: null,
    etag: null,
    suggestedPhase: null,
    conflict: null,
    error: null,
  };
}

/** The link, unless another card than `exceptId` holds its issue already (one issue, one card). */
function linkFree(doc: StoreDoc, link: GithubLink, exceptId: string | undefined): GithubLink {
  assertLinkFree(doc, link.issue, exceptId, 'issue');
  return link;
}

/** The fields of a patch that were given (a left-out field must not overwrite with `undefined`). */
function given<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function replace(doc: StoreDoc, next: Engagement): StoreDoc {
  return { ...doc, engagements: doc.engagements.map((e) => (e.id === next.id ? next : e)) };
}

/** Criteria with the given ones changed (a left-out criterion stays). */
function withCriteria(current: Criteria, input: CriteriaInput | undefined): Criteria {
  return input ? { ...current, ...given(input) } : current;
}

/** Adds an engagement to `input.round`, else the current round; input must already have passed its schema. */
export function addEngagement(doc: StoreDoc, input: NewEngagementInput, stamp: Stamp): Applied<Engagement> {
  assertUniqueName(doc, input.name);
  const round = input.round !== undefined ? findRound(doc, input.round).id : doc.settings.currentRound;
  if (doc.engagements.some((e) => e.id === stamp.id)) {
    throw new PalsError('duplicate', `id ${stamp.id} is already taken`);
  }
  const phase = input.phase ?? 'intake';
  const engagement: Engagement = {
    id: stamp.id,
    name: input.name,
    maturity: input.maturity ?? 'sandbox',
    repo: input.repo ?? null,
    kickoff: input.kickoff ?? null,
    phase,
    onHold: input.onHold ?? false,
    example: false,
    round,
    pals: canonicalPals(doc, input.pals ?? []),
    contacts: input.contacts ?? [],
    github: input.issue ? linkFree(doc, linkFor(input.issue), undefined) : null,
    pr: null,
    notes: [],
    selection: input.selection ?? '',
    reaction: '',
    learnings: [],
    hours: null,
    retro: { worked: '', didnt: '', improve: '', more: '', less: '' },
    history: [{ from: null, to: phase, at: stamp.at, source: 'local' }],
    criteria: withCriteria(emptyCriteria(), input.criteria),
    securityCheck: null,
    roundMoves: [],
    createdAt: stamp.at,
    updatedAt: stamp.at,
  };
  return { doc: { ...doc, engagements: [...doc.engagements, engagement] }, value: engagement };
}

/** Applies a validated patch; fields left out stay as they are. A new round is recorded in `roundMoves`. */
export function editEngagement(doc: StoreDoc, ref: string, patch: EngagementPatch, at: string): Applied<Engagement> {
  const current = findEngagement(doc, ref);
  if (patch.name !== undefined) assertUniqueName(doc, patch.name, current.id);
  const { issue, pr, addLearnings, learnings, retro, round: roundRef, criteria, ...plain } = patch;
  const round = roundRef !== undefined ? findRound(doc, roundRef).id : current.round;
  const roundMoves = round === current.round ? current.roundMoves : [...current.roundMoves, { from: current.round, to: round, at }];
  let github = current.github;
  if (issue === null) github = null;
  else if (issue !== undefined) {
    const link = linkFree(doc, linkFor(issue), current.id);
    github = current.github?.issue === link.issue ? current.github : link;
  }
  const pull = pr === undefined ? current.pr : pullLinkFor(pr, current.pr);
  if (pull && pull !== current.pr) assertLinkFree(doc, pull.pr, current.id, 'pr');
  const next: Engagement = {
    ...current,
    ...given(plain),
    ...(plain.pals !== undefined ? { pals: canonicalPals(doc, plain.pals) } : {}),
    github,
    pr: pull,
    learnings: [...(learnings ?? current.learnings), ...(addLearnings ?? [])],
    retro: { ...current.retro, ...given(retro ?? {}) },
    round,
    roundMoves,
    criteria: withCriteria(current.criteria, criteria),
    updatedAt: at,
  };
  return { doc: replace(doc, next), value: next };
}

/** Adds a meeting note to an engagement. */
export function addNote(doc: StoreDoc, ref: string, input: NewNoteInput, stamp: Stamp): Applied<Note> {
  const current = findEngagement(doc, ref);
  const note: Note = {
    id: stamp.id,
    kind: input.kind ?? 'general',
    date: input.date ?? null,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    text: input.text,
    attendees: input.attendees ?? [],
    actions: [],
  };
  const next: Engagement = { ...current, notes: [...current.notes, note], updatedAt: stamp.at };
  return { doc: replace(doc, next), value: note };
}

/** Removes an engagement (and its notes) for good. */
export function removeEngagement(doc: StoreDoc, ref: string): Applied<Engagement> {
  const current = findEngagement(doc, ref);
  return { doc: { ...doc, engagements: doc.engagements.filter((e) => e.id !== current.id) }, value: current };
}
