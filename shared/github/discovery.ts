/** Discovery: issues and self-assessment PRs no engagement links yet, taken on as Intake cards. */
import { addEngagement, type Applied } from '../engagements.js';
import { isPalsError } from '../errors.js';
import type { DiscoveredIssue } from './issue.js';
import { formatIssueRef, issueUrl, parseIssueRef } from '../issue-ref.js';
import { pullLinkFor } from './pull-link.js';
import type { Engagement, StoreDoc } from '../schema.js';

const refKey = (issue: string) => issue.toLowerCase();

/** Which engagement links each issue or PR (as its issue or its self-assessment PR), by lowercased `owner/repo#n`. */
export function linkedBy(doc: StoreDoc): ReadonlyMap<string, string> {
  const by = new Map<string, string>();
  for (const e of doc.engagements) {
    if (e.github && !by.has(refKey(e.github.issue))) by.set(refKey(e.github.issue), e.id);
    if (e.pr && !by.has(refKey(e.pr.pr))) by.set(refKey(e.pr.pr), e.id);
  }
  return by;
}

/** The `owner/repo#n` of every linked issue or PR, lowercased (GitHub names ignore case). */
export function linkedIssues(doc: StoreDoc): ReadonlySet<string> {
  return new Set(linkedBy(doc).keys());
}

/** Every issue found once (one found by label and by title is one), each marked with the engagement that links it. */
export function markKnown(doc: StoreDoc, found: readonly DiscoveredIssue[]): DiscoveredIssue[] {
  const by = linkedBy(doc);
  const seen = new Set<string>();
  return found.flatMap((f) => {
    const k = refKey(f.issue);
    if (seen.has(k)) return [];
    seen.add(k);
    return [{ ...f, known: by.get(k) ?? null }];
  });
}

/** Leaves out what is already linked, and duplicates (an issue found by label and by title). */
export function unlinked(doc: StoreDoc, found: readonly DiscoveredIssue[]): DiscoveredIssue[] {
  const seen = new Set(linkedIssues(doc));
  return found.filter((f) => {
    const k = refKey(f.issue);
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
  readonly skipped: readonly { readonly issue: string; readonly reason: string }[];
}

/**
 * Adds one Intake card per choice, linked to its issue. A choice whose issue is already linked,
 * whose name is taken or whose link is malformed is skipped with the reason; the rest are added.
 */
export function addDiscovered(
  doc: StoreDoc,
  choices: readonly DiscoveredChoice[],
  ids: readonly string[],
  at: string,
): Applied<AddedDiscovered> {
  let next = doc;
  const added: Engagement[] = [];
  const skipped: { issue: string; reason: string }[] = [];
  choices.forEach((choice, i) => {
    const ref = parseIssueRef(choice.issue);
    if ('error' in ref) {
      skipped.push({ issue: choice.issue, reason: ref.error });
      return;
    }
    const full = { ...ref, kind: choice.kind ?? ref.kind };
    if (linkedIssues(next).has(refKey(formatIssueRef(full)))) {
      skipped.push({ issue: choice.issue, reason: 'an engagement already links this issue' });
      return;
    }
    try {
      const made = addEngagement(next, { name: choice.name, issue: issueUrl(full), phase: 'intake' }, { id: ids[i]!, at });
      const link = made.value.github!;
      // A self-assessment PR taken on is also the card's PR, so the sync reads its progress.
      const pr = full.kind === 'pull' ? pullLinkFor(formatIssueRef(full), null) : made.value.pr;
      const card: Engagement = { ...made.value, github: { ...link, title: choice.title ?? link.title }, pr };
      next = { ...made.doc, engagements: made.doc.engagements.map((e) => (e.id === card.id ? card : e)) };
      added.push(card);
    } catch (error) {
      if (!isPalsError(error)) throw error;
      skipped.push({ issue: choice.issue, reason: error.message });
    }
  });
  return { doc: next, value: { added, skipped } };
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
