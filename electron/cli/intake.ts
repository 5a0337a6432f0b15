/**
 * `pals intake check [REF|--all] [--refresh] [--api-url URL] [--scorecard-url URL] [--json]`:
 * what a project has on security, read from the project (its SECURITY.md, a self-assessment
 * published by TAG Security, its OpenSSF Scorecard) through the core's `checkSecurity`. Offline
 * first: an engagement checked before is shown as stored unless `--refresh`. The token
 * ($GITHUB_TOKEN, optional: public repositories answer without one) goes to the GitHub API only.
 */
import { PalsError } from '../../shared/errors.js';
import type { SecurityCheckReport } from '../../shared/intake/check-report.js';
import type { SecurityCheckView } from '../../shared/intake/check-view.js';
import { apiUrlProblem } from '../../shared/issue-ref.js';
import { scorecardUrlProblem } from '../../shared/intake/security-status.js';
import { clockTime } from '../core/lib/clock-time.js';
import { redact } from '../core/lib/redact.js';
import { envTokenSource } from '../core/lib/token-source.js';
import { idOf, must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths } from './text.js';
import { UsageError } from './usage.js';

/** Exactly the contract's fields, then what the desk adds beside them. */
function jsonShape(v: SecurityCheckView) {
  return {
    id: v.id,
    name: v.name,
    security: v.security,
    evidence: v.evidence,
    scorecard: v.scorecard,
    checkedAt: v.checkedAt,
    setByHand: v.setByHand,
    criterion: v.criterion,
    lowestChecks: v.lowestChecks,
    error: v.error,
  };
}

/** The text of one engagement's check. */
function formatOne(v: SecurityCheckView): string {
  const hand = v.setByHand ? `; set by hand: ${v.setByHand} (kept)` : '';
  const when = v.checkedAt ? `checked ${v.checkedAt.slice(0, 10)}` : 'never checked';
  const lines = [`${oneLine(v.name)}: ${v.security} (${when}${hand})`];
  for (const e of v.evidence) {
    lines.push(`  ${fit(e.kind, 16)} ${fit(e.found ? 'found' : 'not found', 10)} ${oneLine(e.detail)}${e.url ? ` <${e.url}>` : ''}`);
  }
  for (const c of v.lowestChecks) {
    lines.push(`  weak check: ${oneLine(c.name)} ${c.score}/10: ${oneLine(c.reason)}${c.url ? ` <${c.url}>` : ''}`);
  }
  if (v.error) lines.push(`  last read failed: ${oneLine(v.error)} (the findings above are older)`);
  return lines.join('\n');
}

/** The text report. */
export function formatChecks(report: SecurityCheckReport): string {
  const parts = report.results.map(formatOne);
  for (const s of report.skipped) parts.push(`${oneLine(s.name)}: skipped, ${s.reason}`);
  const stored = report.results.length - report.read;
  const tail = [`Read ${report.read} now${stored > 0 ? `, ${stored} shown as stored (--refresh reads them again)` : ''}.`];
  const rate = report.rateLimit;
  if (rate) tail.push(`GitHub rate limit: ${rate.remaining} of ${rate.limit} left (resets ${clockTime(rate.reset)}).`);
  return `${[...parts, tail.join(' ')].join('\n')}\n`;
}

async function check(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(
    'intake check',
    argv,
    {
      all: { type: 'boolean' },
      refresh: { type: 'boolean' },
      'api-url': { type: 'string' },
      'scorecard-url': { type: 'string' },
      json: { type: 'boolean' },
    },
    [0, 1],
  );
  const ref = positionals[0];
  if (ref === undefined && !values.all) throw new UsageError('intake check: name an engagement (REF) or give --all');
  if (ref !== undefined && values.all) throw new UsageError('intake check: give REF or --all, not both');
  const apiProblem = values['api-url'] === undefined ? null : apiUrlProblem(values['api-url']);
  if (apiProblem) throw new UsageError(`--api-url: ${apiProblem}`);
  const scorecardProblem = values['scorecard-url'] === undefined ? null : scorecardUrlProblem(values['scorecard-url']);
  if (scorecardProblem) throw new UsageError(`--scorecard-url: ${scorecardProblem}`);
  const tokenSource = envTokenSource(ctx.io.env);
  const token = await tokenSource.token();
  const apiUrl = values['api-url'];
  const scorecardUrl = values['scorecard-url'];
  const core = await ctx.core({
    github: { tokenSource, ...(apiUrl ? { apiUrl } : {}), ...(scorecardUrl ? { scorecardUrl } : {}) },
  });
  const ids = ref === undefined ? undefined : [await idOf(core, ref)];
  const report = must(await core.call('checkSecurity', { ...(ids ? { ids } : {}), refresh: values.refresh === true }));
  if (ref !== undefined && report.skipped.length > 0) {
    const s = report.skipped[0]!;
    throw new PalsError('invalid-input', `${oneLine(s.name)} has ${s.reason}`);
  }
  if (values.json) {
    ctx.io.stdout(redact(`${JSON.stringify(report.results.map(jsonShape), null, 2)}\n`, token));
    for (const s of report.skipped) ctx.io.stderr(`skipped ${oneLine(s.name)}: ${s.reason}\n`);
  } else {
    await prepareWidths(report.results.map((r) => r.name));
    ctx.io.stdout(redact(formatChecks(report), token));
  }
  if (report.incomplete > 0) {
    const n = report.incomplete;
    throw new PalsError(
      'github',
      `${n} ${n === 1 ? 'engagement' : 'engagements'} could not be fully read (see above: unreachable sources say unknown, or keep the earlier findings); try again with --refresh`,
    );
  }
}

/** Runs `pals intake SUBCOMMAND`. */
export async function intake(argv: string[], ctx: CommandContext): Promise<void> {
  const [what, ...rest] = argv;
  if (what !== 'check') throw new UsageError(`intake: say what to do: check${what ? ` (got "${oneLine(what)}")` : ''}`);
  return check(rest, ctx);
}
