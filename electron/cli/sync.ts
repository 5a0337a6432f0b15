/**
 * `pals sync [--api-url URL] [--json]`: brings every linked engagement up to date with GitHub,
 * through the core's `syncNow` (the app's path: one sync at a time, the stall watchdog). The
 * token comes from $GITHUB_TOKEN and is never printed. Exit 0 only when nothing failed; what
 * succeeded is saved either way.
 */
import { PalsError } from '../../shared/errors.js';
import { summaryOf, type SyncReport } from '../../shared/github/report.js';
import { apiUrlProblem } from '../../shared/issue-ref.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import type { CardView } from '../../shared/view.js';
import { clockTime } from '../core/lib/clock-time.js';
import { redact } from '../core/lib/redact.js';
import { envTokenSource } from '../core/lib/token-source.js';
import { must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { oneLine } from './text.js';
import { UsageError } from './usage.js';

const NO_TOKEN =
  'set GITHUB_TOKEN to a GitHub token (classic with the `repo` scope, or fine-grained with read access to issues) and run pals sync again';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The short text summary: the counts, each failure, each card the sync moved, the conflicts. */
export function formatSyncReport(report: SyncReport, cards: readonly CardView[]): string {
  const lines = [
    `Checked ${plural(report.checked, 'linked issue')}: ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} failed.`,
  ];
  for (const f of report.failed) lines.push(`  ${oneLine(f.ref)}: ${oneLine(f.error)}`);
  if (report.moved.length > 0) lines.push(`Moved ${plural(report.moved.length, 'card')} to follow GitHub:`);
  for (const m of report.moved) {
    lines.push(`  ${oneLine(m.name)}: ${PHASE_TITLES[m.from]} → ${PHASE_TITLES[m.to]} (${oneLine(m.because)})`);
  }
  const conflicts = cards.filter((e) => e.github?.conflict);
  if (conflicts.length > 0) {
    const names = conflicts.map((e) => oneLine(e.name)).join(', ');
    lines.push(`${plural(conflicts.length, 'card has', 'cards have')} a conflict with GitHub (pals conflicts lists them): ${names}`);
  }
  const rate = report.rateLimit;
  if (rate) lines.push(`GitHub rate limit: ${rate.remaining} of ${rate.limit} left (resets ${clockTime(rate.reset)}).`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command. */
export async function sync(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse('sync', argv, { 'api-url': { type: 'string' }, json: { type: 'boolean' } }, [0, 0]);
  // Without --api-url the core asks the API the settings name (pals settings --api-url), else api.github.com.
  const apiUrl = values['api-url'];
  const problem = apiUrl === undefined ? null : apiUrlProblem(apiUrl);
  if (problem) throw new UsageError(`--api-url: ${problem}`);
  const tokenSource = envTokenSource(ctx.io.env, NO_TOKEN);
  const token = await tokenSource.token();
  if (token === null) throw new PalsError('github', NO_TOKEN);
  const core = await ctx.core({ github: { tokenSource, ...(apiUrl ? { apiUrl } : {}) } });
  const report = must(await core.call('syncNow', {}));
  const out = values.json
    ? `${JSON.stringify(summaryOf(report), null, 2)}\n`
    : formatSyncReport(report, must(await core.call('getBoard', {})).engagements);
  // The core already keeps the token out of its messages; this is the second lock.
  ctx.io.stdout(redact(out, token));
  if (report.error) throw new PalsError('github', redact(report.error, token));
  if (report.failed.length > 0) {
    throw new PalsError('github', `${plural(report.failed.length, 'linked issue')} could not be synced (see above); the rest was saved`);
  }
}
