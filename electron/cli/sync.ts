/**
 * `pals sync [--api-url URL] [--json] [--push-held]`: brings every linked engagement up to date
 * with GitHub, through the core's `syncNow` (the app's path: one sync at a time, the stall
 * watchdog). The token comes from $GITHUB_TOKEN and is never printed. Exit 0 only when nothing
 * failed; what succeeded is saved either way. Moves held while write-back was off are listed,
 * and sent only with --push-held.
 */
import { PalsError } from '../../shared/errors.js';
import { summaryOf, type SyncReport } from '../../shared/github/report.js';
import type { HeldMove } from '../../shared/github/held.js';
import { apiUrlProblem } from '../../shared/issue-ref.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import type { CardView } from '../../shared/view.js';
import { clockTime } from '../core/lib/clock-time.js';
import { redact } from '../core/lib/redact.js';
import { envTokenSource } from '../core/lib/token-source.js';
import { must, type CommandContext } from './context.js';
import { cardsWere, heldNotice } from './held-text.js';
import { parse } from './parse.js';
import { oneLine } from './text.js';
import { UsageError } from './usage.js';

const NO_TOKEN =
  'set GITHUB_TOKEN to a GitHub token (classic with the `repo` scope, or fine-grained with read access to issues) and run pals sync again';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The short text summary: the counts, each failure, each card the sync moved, the conflicts, the
 * held moves; `pushed`: the held moves `--push-held` queued for this sync.
 */
export function formatSyncReport(report: SyncReport, cards: readonly CardView[], pushed: readonly HeldMove[] = []): string {
  const lines = [
    `Checked ${plural(report.checked, 'linked issue')}: ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} failed.`,
  ];
  for (const f of report.failed) lines.push(`  ${oneLine(f.ref)}: ${oneLine(f.error)}`);
  if (pushed.length > 0) {
    const which = pushed.map((h) => `${oneLine(h.name)} (${PHASE_TITLES[h.local]})`).join(', ');
    lines.push(`Pushed ${plural(pushed.length, 'held move')} with this sync: ${which}.`);
  }
  if (report.moved.length > 0) lines.push(`Moved ${plural(report.moved.length, 'card')} to follow GitHub:`);
  for (const m of report.moved) {
    lines.push(`  ${oneLine(m.name)}: ${PHASE_TITLES[m.from]} → ${PHASE_TITLES[m.to]} (${oneLine(m.because)})`);
  }
  const conflicts = cards.filter((e) => e.github?.conflict);
  if (conflicts.length > 0) {
    const names = conflicts.map((e) => oneLine(e.name)).join(', ');
    lines.push(`${plural(conflicts.length, 'card has', 'cards have')} a conflict with GitHub (pals conflicts lists them): ${names}`);
  }
  if (report.held.length > 0)
    lines.push(heldNotice(report.held, `${cardsWere(report.held.length)} moved while write-back was off`).trimEnd());
  const rate = report.rateLimit;
  if (rate) lines.push(`GitHub rate limit: ${rate.remaining} of ${rate.limit} left (resets ${clockTime(rate.reset)}).`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command. */
export async function sync(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse(
    'sync',
    argv,
    { 'api-url': { type: 'string' }, json: { type: 'boolean' }, 'push-held': { type: 'boolean' } },
    [0, 0],
  );
  // Without --api-url the core asks the API the settings name (pals settings --api-url), else api.github.com.
  const apiUrl = values['api-url'];
  const problem = apiUrl === undefined ? null : apiUrlProblem(apiUrl);
  if (problem) throw new UsageError(`--api-url: ${problem}`);
  const tokenSource = envTokenSource(ctx.io.env, NO_TOKEN);
  const token = await tokenSource.token();
  if (token === null) throw new PalsError('github', NO_TOKEN);
  const core = await ctx.core({ github: { tokenSource, ...(apiUrl ? { apiUrl } : {}) } });
  // --push-held: the moves held while write-back was off (listed by `settings` and every sync) go too.
  const pushed = values['push-held'] ? must(await core.call('pushHeldMoves', {})) : [];
  const report = must(await core.call('syncNow', {}));
  // Beside the contract's fields, only when there is something to say: a board without held
  // moves prints exactly the contract's summary.
  const extra = { ...(report.held.length > 0 ? { held: report.held } : {}), ...(values['push-held'] ? { pushed } : {}) };
  const out = values.json
    ? `${JSON.stringify({ ...summaryOf(report), ...extra }, null, 2)}\n`
    : formatSyncReport(report, must(await core.call('getBoard', {})).engagements, pushed);
  // The core already keeps the token out of its messages; this is the second lock.
  ctx.io.stdout(redact(out, token));
  if (report.error) throw new PalsError('github', redact(report.error, token));
  if (report.failed.length > 0) {
    throw new PalsError('github', `${plural(report.failed.length, 'linked issue')} could not be synced (see above); the rest was saved`);
  }
}
