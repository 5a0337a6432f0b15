/**
 * One GitHub issue (or PR) belongs to one card: its sync, write-back and discovery all go by the
 * link, so a second card linking it would have two cards pulling one issue's labels. Every path
 * that links (add, edit, discovery, a transfer the sync follows) asks here first.
 */
import { PalsError } from '../errors.js';
import type { Engagement, StoreDoc } from '../schema.js';

/** The key links are compared by: GitHub's owner and repository names ignore case. */
export const linkKey = (ref: string) => ref.toLowerCase();

/** Which engagement links each issue or PR (as its issue or its self-assessment PR), by `linkKey`. */
export function linkedBy(doc: StoreDoc): ReadonlyMap<string, string> {
  const by = new Map<string, string>();
  for (const e of doc.engagements) {
    if (e.github && !by.has(linkKey(e.github.issue))) by.set(linkKey(e.github.issue), e.id);
    if (e.pr && !by.has(linkKey(e.pr.pr))) by.set(linkKey(e.pr.pr), e.id);
  }
  return by;
}

/** The card other than `exceptId` that links `ref` (`owner/repo#n`) as its issue or its PR, if any. */
export function holderOf(doc: StoreDoc, ref: string, exceptId?: string): Engagement | undefined {
  const key = linkKey(ref);
  return doc.engagements.find(
    (e) => e.id !== exceptId && ((e.github !== null && linkKey(e.github.issue) === key) || (e.pr !== null && linkKey(e.pr.pr) === key)),
  );
}

/** Refuses linking `ref` to card `exceptId` (or a new card) when another card holds it, naming that card. */
export function assertLinkFree(doc: StoreDoc, ref: string, exceptId: string | undefined, field: 'issue' | 'pr'): void {
  const holder = holderOf(doc, ref, exceptId);
  if (!holder) return;
  const held = holder.github && linkKey(holder.github.issue) === linkKey(ref) ? holder.github.issue : (holder.pr?.pr ?? ref);
  throw new PalsError(
    'duplicate',
    `${held} is already linked to "${holder.name}" (id ${holder.id}); an issue or PR belongs to one card: unlink it from "${holder.name}" first`,
    field,
  );
}

/**
 * Why a sync did not follow an issue GitHub moved (`from` → `to`): the card `holder` links its new
 * place already. Null when nobody else does (or it did not move).
 */
export function transferRefusal(doc: StoreDoc, id: string, from: string, to: string): string | null {
  if (linkKey(from) === linkKey(to)) return null;
  const holder = holderOf(doc, to, id);
  if (!holder) return null;
  return (
    `GitHub moved ${from} to ${to}, which "${holder.name}" (id ${holder.id}) already links; an issue or PR belongs to one card: ` +
    'unlink it from one of them, then sync again'
  );
}
