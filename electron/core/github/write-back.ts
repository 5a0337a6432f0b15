/**
 * Sends one queued label change: add the phase label, remove its siblings, each label by its
 * own name in the path (Octokit encodes it; a name a path cannot carry is refused before any
 * request, and label-guard.ts refuses the remove-all route whatever asks). Idempotent, so a
 * retry after a half-done attempt is safe: a label already there is not added again, a label
 * already gone is not removed, and a 404 on removing one counts as done.
 */
import { labelNameProblem } from '../../../shared/github/label-name.js';
import { hasLabel, type LabelChange } from '../../../shared/github/labels.js';
import type { IssueRef } from '../../../shared/issue-ref.js';
import type { GithubClient } from './client.js';
import { classify, errorHeaders, rateLimitOf, TransportError } from './errors.js';
import type { SeeRate } from './fetch-issue.js';

const names = (labels: readonly { name?: string }[]) => labels.flatMap((l) => (l.name ? [l.name] : []));

/** Applies `entry` to the issue whose labels are `current`; resolves with the labels after. */
export async function sendLabelChange(
  client: GithubClient,
  ref: IssueRef,
  entry: LabelChange,
  current: readonly string[],
  signal: AbortSignal,
  seeRate: SeeRate,
): Promise<string[]> {
  for (const name of [entry.setLabel, ...entry.removeLabels]) {
    // Rules saved before names were checked (or restored from elsewhere) are checked again here.
    const problem = labelNameProblem(name);
    if (problem) throw new TransportError('refused', `${problem}; change the label rules (pals labels set)`);
  }
  const where = { owner: ref.owner, repo: ref.repo, issue_number: ref.number, request: { signal } };
  let labels = [...current];
  if (!hasLabel(labels, entry.setLabel)) {
    const added = await client.rest.issues.addLabels({ ...where, labels: [entry.setLabel] });
    seeRate(rateLimitOf(added.headers));
    labels = names(added.data);
  }
  for (const name of entry.removeLabels) {
    if (!hasLabel(labels, name)) continue;
    try {
      const removed = await client.rest.issues.removeLabel({ ...where, name });
      seeRate(rateLimitOf(removed.headers));
      labels = names(removed.data);
    } catch (error) {
      seeRate(rateLimitOf(errorHeaders(error)));
      if ((error as { status?: unknown }).status !== 404) throw error;
      labels = labels.filter((l) => l.toLowerCase() !== name.toLowerCase());
    }
  }
  return labels;
}

/**
 * What a coordinator is told when GitHub refuses a label change (the change stays queued): a
 * 422 names the label; a 403, or a 404 naming a scope the token lacks, says the token may not
 * write; anything else is the request's own explanation. Null for failures that stop the sync.
 */
export function labelWriteMessage(failure: unknown, label: string, issue: string): string | null {
  const problem = classify(failure);
  if (problem.kind === 'fatal') return null;
  const status = (failure as { status?: unknown }).status;
  const headers = errorHeaders(failure) ?? {};
  const kept = 'the change stays queued for the next sync';
  if (status === 422) {
    return `GitHub refused the label "${label}" on ${issue} (422: not a label it accepts); check the label rules (pals labels); ${kept}`;
  }
  const wantsScope = headers['x-accepted-oauth-scopes'] !== undefined && status === 404;
  if ((status === 403 && problem.message.startsWith('GitHub refused the request')) || wantsScope) {
    return `the token may not change labels on ${issue}: give it write access to issues (classic token: the \`repo\` scope; fine-grained: Issues read and write); ${kept}`;
  }
  return `could not set the label ${label}: ${problem.message}; ${kept}`;
}
