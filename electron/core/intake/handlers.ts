/**
 * The security check of the API contract (`checkSecurity`; `pals intake check`): reads each
 * engagement's security policy, TAG Security self-assessment and OpenSSF Scorecard a few at a
 * time, and saves what it found in one write. Offline first: without `refresh`, an engagement
 * already checked is answered from the store. The GitHub token goes to the GitHub client only;
 * the Scorecard client sends no credentials.
 */
import { PalsError } from '../../../shared/errors.js';
import { findEngagement } from '../../../shared/engagements.js';
import { applySecurityChecks, type CheckResult } from '../../../shared/intake/apply-checks.js';
import type { SecurityCheckReport } from '../../../shared/intake/check-report.js';
import { securityCheckView } from '../../../shared/intake/check-view.js';
import { githubRepoOf, scorecardUrlProblem } from '../../../shared/intake/security-status.js';
import { apiUrlProblem } from '../../../shared/issue-ref.js';
import type { Engagement } from '../../../shared/schema.js';
import type { CoreContext, Handlers } from '../context.js';
import { NO_TOKEN } from '../lib/token-source.js';

/** Engagements checked at once (each asks GitHub a few files one after another, and Scorecard once). */
export const INTAKE_CONCURRENCY = 6;

/** Runs `run` over `items`, `size` at a time; the first alone, so a refused token or no network is found by one. */
async function pool<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  if (items.length === 0) return;
  await run(items[0]!);
  let next = 1;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length - 1) }, worker));
}

const NO_REPO = 'no github.com repository: set one (pals edit REF --repo https://github.com/OWNER/REPO)';

/** Builds the handler. */
export function createIntakeHandlers(ctx: CoreContext): Pick<Handlers, 'checkSecurity'> {
  const gh = ctx.github ?? { tokenSource: NO_TOKEN };
  const at = () => (ctx.now?.() ?? new Date()).toISOString();
  return {
    checkSecurity: async ({ ids, refresh }) => {
      const doc = ctx.store.doc;
      const asked: Engagement[] = ids ? ids.map((id) => findEngagement(doc, id)) : doc.engagements.filter((e) => e.phase === 'intake');
      const skipped = asked.filter((e) => githubRepoOf(e.repo) === null).map((e) => ({ id: e.id, name: e.name, reason: NO_REPO }));
      const checkable = asked.filter((e) => githubRepoOf(e.repo) !== null);
      const toRead = checkable.filter((e) => refresh === true || e.securityCheck === null);
      let incomplete = 0;
      let rateLimit: SecurityCheckReport['rateLimit'] = null;
      if (toRead.length > 0) {
        const apiUrl = gh.apiUrl ?? doc.settings.apiUrl ?? undefined;
        const scorecardUrl = gh.scorecardUrl ?? (await import('./scorecard-client.js')).DEFAULT_SCORECARD_URL;
        const apiProblem = apiUrl === undefined ? null : apiUrlProblem(apiUrl);
        if (apiProblem) throw new PalsError('github', `the GitHub API address ${apiUrl ?? ''} ${apiProblem}`);
        const cardProblem = scorecardUrlProblem(scorecardUrl);
        if (cardProblem) throw new PalsError('github', `the Scorecard API address ${scorecardUrl} ${cardProblem}`);
        const token = await gh.tokenSource.token();
        const [{ createGithubClient }, { Watchdog }, { redact }, { checkOne }] = await Promise.all([
          import('../github/client.js'),
          import('../github/watchdog.js'),
          import('../lib/redact.js'),
          import('./check-one.js'),
        ]);
        const watchdog = new Watchdog(gh.sync?.deadlineMs ?? 15_000, gh.sync?.maxDurationMs ?? 5 * 60_000);
        const read = {
          client: createGithubClient({ ...gh.client, token, baseUrl: apiUrl }),
          signal: watchdog.signal,
          stopped: null as string | null,
          rate: null as SecurityCheckReport['rateLimit'],
          hide: (text: string) => redact(text, token),
        };
        const scorecard = { baseUrl: scorecardUrl, ...(gh.client?.requestTimeoutMs ? { timeoutMs: gh.client.requestTimeoutMs } : {}) };
        const results: CheckResult[] = [];
        try {
          await pool(toRead, gh.sync?.concurrency ?? INTAKE_CONCURRENCY, async (e) => {
            const check = await checkOne(read, scorecard, e, at());
            if (check.evidence.some((x) => x.failed)) incomplete++;
            results.push({ id: e.id, check });
          });
        } finally {
          watchdog.stop();
        }
        rateLimit = read.rate;
        const when = at();
        await ctx.store.update((d) => ({ doc: applySecurityChecks(d, results, when), value: null }));
      }
      const now = ctx.store.doc;
      const results = checkable.flatMap((e) => {
        const current = now.engagements.find((x) => x.id === e.id);
        return current ? [securityCheckView(current)] : [];
      });
      return { results, read: toRead.length, skipped, incomplete, rateLimit };
    },
  };
}
