/**
 * Discovery: issues and self-assessment PRs no engagement links yet, linked to the card of their
 * name when the board has one, else taken on as Intake cards.
 */
import { addEngagement, editEngagement, nameKey, type Applied } from '../engagements.js';
import { isPalsError } from '../errors.js';
import type { DiscoveredIssue } from './issue.js';
import { formatIssueRef, issueUrl, parseIssueRef, type IssueRef } from '../issue-ref.js';
import { holderOf, linkedBy, linkKey } from './link-holder.js';
import { pullLinkFor } from './pull-link.js';
import type { Engagement, StoreDoc } from '../schema.js';

/** The `owner/repo#n` of every linked issue or PR, lowercased (GitHub names ignore case). */
export function linkedIssues(doc: StoreDoc): ReadonlySet<string> {
  return new Set(linkedBy(doc).keys());
}

/** True when `e` has no link of this kind yet: an issue for a card without one, a PR for a card without a PR. */
function linkable(e: Engagement, kind: 'issue' | 'pull'): boolean {
  return !e.example && (kind === 'pull' ? e.pr === null : e.github === null);
}

/**
 * The card an issue or PR found by discovery belongs to though it is not linked yet: the one
 * named like it (the title without its tags, compared ignoring case and spacing), if that card
 * has no link of the kind. Example cards are never matched.
 */
export function matchingCard(doc: StoreDoc, name: string, kind: 'issue' | 'pull'): Engagement | undefined {
  const key = nameKey(name);
  const card = doc.engagements.find((e) => nameKey(e.name) === key);
  return card && linkable(card, kind) ? card : undefined;
}

/**
 * Every issue found once (one found by label and by title is one), each marked with the
 * engagement that links it (`known`) or, when none does, the card of its name that could (`match`).
 */
export function markKnown(doc: StoreDoc, found: readonly DiscoveredIssue[]): DiscoveredIssue[] {
  const by = linkedBy(doc);
  const seen = new Set<string>();
  return found.flatMap((f) => {
    const k = linkKey(f.issue);
    if (seen.has(k)) return [];
    seen.add(k);
    const known = by.get(k) ?? null;
    return [{ ...f, known, match: known === null ? (matchingCard(doc, f.suggestedName, f.kind)?.id ?? null) : null }];
  });
}

/** Leaves out what is already linked, and duplicates (an issue found by label and by title). */
export function unlinked(doc: StoreDoc, found: readonly DiscoveredIssue[]): DiscoveredIssue[] {
  const seen = new Set(linkedIssues(doc));
  return found.filter((f) => {
    const k = linkKey(f.issue);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** One discovered issue the coordinator chose to take on. */
export interface DiscoveredChoice {
  readonly issue: string;
  readonly name: string;
  readonly title?: string | null;
  readonly kind?: 'issue' | 'pull';
}

/** What `addDiscovered` did with each choice. */
export interface AddedDiscovered {
  readonly added: readonly Engagement[];
  /** Cards already on the board, named like the issue, that it was linked to instead. */
  readonly linked: readonly Engagement[];
  readonly skipped: readonly { readonly issue: string; readonly reason: string }[];
}

/** Links a found issue or PR to the card of its name (see `matchingCard`); a PR is also its issue link when it has none. */
function linkCard(doc: StoreDoc, card: Engagement, ref: IssueRef, title: string | null | undefined, at: string): Applied<Engagement> {
  const issue = card.github === null ? { issue: issueUrl(ref) } : {};
  const patch = ref.kind === 'pull' ? { ...issue, pr: formatIssueRef(ref) } : issue;
  const edited = editEngagement(doc, card.id, patch, at);
  const link = edited.value.github;
  if (!link || card.github !== null) return edited;
  const next: Engagement = { ...edited.value, github: { ...link, title: title ?? link.title } };
  return { doc: { ...edited.doc, engagements: edited.doc.engagements.map((e) => (e.id === next.id ? next : e)) }, value: next };
}

/**
 * Takes each choice on: links it to the card of its name when there is one without such a link,
 * else adds an Intake card linked to it. A choice whose issue is already linked, whose name is
 * taken by a card that has such a link or whose link is malformed is skipped with the reason.
 */
export function addDiscovered(
  doc: StoreDoc,
  choices: readonly DiscoveredChoice[],
  ids: readonly string[],
  at: string,
): Applied<AddedDiscovered> {
  let next = doc;
  const added: Engagement[] = [];
  const linked: Engagement[] = [];
  const skipped: { issue: string; reason: string }[] = [];
  choices.forEach((choice, i) => {
    const ref = parseIssueRef(choice.issue);
    if ('error' in ref) {
      skipped.push({ issue: choice.issue, reason: ref.error });
      return;
    }
    const full = { ...ref, kind: choice.kind ?? ref.kind };
    const holder = holderOf(next, formatIssueRef(full));
    if (holder) {
      skipped.push({ issue: choice.issue, reason: `already linked to "${holder.name}" (id ${holder.id})` });
      return;
    }
    try {
      const card = matchingCard(next, choice.name, full.kind);
      if (card) {
        const made = linkCard(next, card, full, choice.title, at);
        next = made.doc;
        linked.push(made.value);
        return;
      }
      const made = addEngagement(next, { name: choice.name, issue: issueUrl(full), phase: 'intake' }, { id: ids[i]!, at });
      const link = made.value.github!;
      // A self-assessment PR taken on is also the card's PR, so the sync reads its progress.
      const pr = full.kind === 'pull' ? pullLinkFor(formatIssueRef(full), null) : made.value.pr;
      const fresh: Engagement = { ...made.value, github: { ...link, title: choice.title ?? link.title }, pr };
      next = { ...made.doc, engagements: made.doc.engagements.map((e) => (e.id === fresh.id ? fresh : e)) };
      added.push(fresh);
    } catch (error) {
      if (!isPalsError(error)) throw error;
      skipped.push({ issue: choice.issue, reason: error.message });
    }
  });
  return { doc: next, value: { added, linked, skipped } };
}

/** A repository to search, as typed: `owner/repo` or its github.com URL. */
export function parseRepoRef(text: string): { owner: string; repo: string } | { error: string } {
  const input = text
    .trim()
    .replace(/^https:\/\/github\.com\//i, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '');
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(input);
  if (!m || m[2] === '.' || m[2] === '..') {
    return { error: `"${text.trim().slice(0, 100)}" is not a repository; write it as owner/repo (for example cncf/tag-security)` };
  }
  return { owner: m[1]!, repo: m[2]! };
}
