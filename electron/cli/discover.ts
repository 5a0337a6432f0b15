/**
 * `pals discover [--repo OWNER/REPO] [--label LABEL]... [--api-url URL] [--json] [--add]`: open
 * issues of the repository carrying any of the labels (default cncf/tag-security, label
 * security-pals) and open PRs titled "… - Security Pals", each marked with the engagement that
 * already links it (`known`) or, unlinked, the card named like it that could (`match`). `--add`
 * links each matched one to its card and takes every other unlinked one on as an Intake card
 * named from its title without its tags; running it again adds nothing. The token comes from
 * $GITHUB_TOKEN (without one, GitHub answers public repositories at a lower rate limit).
 */
import type { DiscoveredIssue } from '../../shared/github/issue.js';
import { apiUrlProblem } from '../../shared/issue-ref.js';
import { redact } from '../core/lib/redact.js';
import { envTokenSource } from '../core/lib/token-source.js';
import { must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths } from './text.js';
import { UsageError } from './usage.js';

export const DEFAULT_REPO = 'cncf/tag-security';
export const DEFAULT_LABEL = 'security-pals';

/** What `--json` prints for each: exactly the contract's fields. */
function contractShape(d: DiscoveredIssue) {
  return { issue: d.issue, url: d.url, title: d.title, state: d.state, labels: d.labels, known: d.known, match: d.match };
}

function formatFound(
  found: readonly DiscoveredIssue[],
  repo: string,
  labels: readonly string[],
  names: ReadonlyMap<string, string>,
): string {
  const lines = [
    `${found.length} found on ${oneLine(repo)} (issues labelled ${labels.map(oneLine).join(' or ')}, and "- Security Pals" PRs):`,
  ];
  for (const d of found) {
    const what = d.known
      ? `linked: ${d.known}`
      : d.match
        ? `on the board, not linked: ${oneLine(names.get(d.match) ?? d.match)} (${d.match})`
        : `new: ${oneLine(d.suggestedName)}`;
    lines.push(`  ${fit(d.issue, 28)} ${fit(d.kind === 'pull' ? 'PR' : 'issue', 5)} ${fit(oneLine(d.title), 44)} ${what}`);
  }
  const matched = found.filter((d) => !d.known && d.match).length;
  const fresh = found.filter((d) => !d.known && !d.match).length;
  const todo = [
    fresh > 0 ? `take the ${fresh} new on as Intake cards` : '',
    matched > 0 ? `link the ${matched} on the board to their cards` : '',
  ];
  if (fresh + matched > 0) lines.push(`pals discover --add will ${todo.filter(Boolean).join(' and ')}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command. */
export async function discover(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse(
    'discover',
    argv,
    {
      repo: { type: 'string' },
      label: { type: 'string', multiple: true },
      'api-url': { type: 'string' },
      json: { type: 'boolean' },
      add: { type: 'boolean' },
    },
    [0, 0],
  );
  const apiUrl = values['api-url'];
  const problem = apiUrl === undefined ? null : apiUrlProblem(apiUrl);
  if (problem) throw new UsageError(`--api-url: ${problem}`);
  const repo = values.repo ?? DEFAULT_REPO;
  const labels = values.label ?? [DEFAULT_LABEL];
  if (labels.some((l) => l.trim() === '')) throw new UsageError('--label: must not be empty');
  const tokenSource = envTokenSource(ctx.io.env);
  const token = await tokenSource.token();
  const core = await ctx.core({ github: { tokenSource, ...(apiUrl ? { apiUrl } : {}) } });
  let found = must(await core.call('discoverIssues', { repo, labels }));
  let added = '';
  if (values.add) {
    const fresh = found.filter((d) => d.known === null);
    if (fresh.length > 0) {
      const issues = fresh.map((d) => ({ issue: d.issue, name: d.suggestedName, title: d.title, kind: d.kind }));
      const result = must(await core.call('addDiscovered', { issues }));
      // Each card now links what it was taken on for: as its issue, or (a PR) as its PR.
      const ids = new Map(
        [...result.added, ...result.linked].flatMap((e) =>
          [e.github?.issue, e.pr?.pr].flatMap((ref) => (ref ? [[ref.toLowerCase(), e.id] as const] : [])),
        ),
      );
      found = found.map((d) => {
        const known = d.known ?? ids.get(d.issue.toLowerCase()) ?? null;
        return { ...d, known, match: known ? null : d.match };
      });
      const lines = result.added.map((e) => `added ${e.id} ${oneLine(e.name)} (${e.github?.issue ?? ''})`);
      const took = new Set(fresh.map((d) => d.issue.toLowerCase()));
      for (const e of result.linked) {
        const what = [e.github?.issue, e.pr?.pr].find((ref) => ref && took.has(ref.toLowerCase())) ?? '';
        lines.push(`linked ${e.id} ${oneLine(e.name)} (${what})`);
      }
      for (const s of result.skipped) lines.push(`skipped ${oneLine(s.issue)}: ${oneLine(s.reason)}`);
      added = `${lines.join('\n')}\n`;
    } else added = 'nothing new to add: every one found is already linked\n';
  }
  if (values.json) {
    ctx.io.stdout(redact(`${JSON.stringify(found.map(contractShape), null, 2)}\n`, token));
    if (added) ctx.io.stderr(redact(added, token));
    return;
  }
  const names = found.some((d) => d.match)
    ? new Map(must(await core.call('getBoard', {})).engagements.map((e) => [e.id, e.name]))
    : new Map<string, string>();
  await prepareWidths([...found.flatMap((d) => [d.title, d.suggestedName]), ...names.values()]);
  ctx.io.stdout(redact(formatFound(found, repo, labels, names) + added, token));
}
