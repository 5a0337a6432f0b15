/**
 * The GitHub calls of the API contract (sync, conflicts, discovery, token, settings), over the
 * same store as every other handler. Only one sync runs at a time: a second `syncNow` while one
 * runs gets the running one's report.
 */
import { PalsError } from '../../../shared/errors.js';
import { addDiscovered, markKnown, parseRepoRef } from '../../../shared/github/discovery.js';
import type { GithubStatus, SyncReport } from '../../../shared/github/report.js';
import { withoutImageBytes } from '../../../shared/deck/round-deck.js';
import { setGithubSettings } from '../../../shared/github/settings.js';
import { resolveConflict } from '../../../shared/github/sync.js';
import { findEngagement } from '../../../shared/engagements.js';
import { apiUrlProblem } from '../../../shared/issue-ref.js';
import { viewEngagement } from '../../../shared/view.js';
import type { ApiCall } from '../../../shared/api.js';
import type { CoreContext, GithubContext, Handlers } from '../context.js';
import { newId } from '../ids.js';
import type { GithubClient } from './client.js';
import type { SyncOptions } from './sync.js';
import { NO_TOKEN } from '../lib/token-source.js';

type GithubCall = Extract<
  ApiCall,
  | 'syncNow'
  | 'resolveConflict'
  | 'discoverIssues'
  | 'addDiscovered'
  | 'githubStatus'
  | 'setGithubToken'
  | 'clearGithubToken'
  | 'testGithubToken'
  | 'setGithubSettings'
>;

const NO_TOKEN_SET = 'no GitHub token is set: add one in the app (GitHub settings), or set GITHUB_TOKEN before starting `pals serve`';
const READ_ONLY = 'this host reads the token from GITHUB_TOKEN: set it before starting `pals serve`';

/** Builds the GitHub handlers for a core context. */
export function createGithubHandlers(ctx: CoreContext): Pick<Handlers, GithubCall> {
  const gh: GithubContext = ctx.github ?? { tokenSource: NO_TOKEN };
  const at = () => (ctx.now?.() ?? new Date()).toISOString();
  const view = (id: string) => viewEngagement(ctx.store.doc, findEngagement(ctx.store.doc, id), ctx.today());
  // Octokit and the sync load on the first GitHub call: a command that never talks to GitHub never pays for them.
  const client = async (token: string | null): Promise<GithubClient> => {
    // The host's address (--api-url) wins; else the settings' (GitHub Enterprise); else api.github.com.
    const apiUrl = gh.apiUrl ?? ctx.store.doc.settings.apiUrl ?? undefined;
    const problem = apiUrl === undefined ? null : apiUrlProblem(apiUrl);
    if (problem) throw new PalsError('github', `the GitHub API address ${apiUrl ?? ''} ${problem}`);
    return (await import('./client.js')).createGithubClient({ ...gh.client, token, baseUrl: apiUrl });
  };
  const status = async (): Promise<GithubStatus> => {
    const s = await gh.tokenSource.status();
    return { tokenSet: s.set, login: s.login, scopes: s.scopes, insecure: s.insecure, lastSync: ctx.store.doc.settings.lastSync };
  };
  /** Runs a GitHub request with a stall deadline; failures become messages for the coordinator. */
  const ask = async <T>(token: string | null, run: (signal: AbortSignal) => Promise<T>, gone?: string): Promise<T> => {
    const [{ Watchdog }, { classify }, { redact }] = await Promise.all([
      import('./watchdog.js'),
      import('./errors.js'),
      import('../lib/redact.js'),
    ]);
    const watchdog = new Watchdog(gh.sync?.deadlineMs ?? 15_000, 60_000);
    try {
      return await run(watchdog.signal);
    } catch (error) {
      if (error instanceof PalsError) throw error;
      const problem = classify(error);
      throw new PalsError('github', redact(problem.kind === 'gone' && gone ? gone : problem.message, token));
    } finally {
      watchdog.stop();
    }
  };
  let running: Promise<SyncReport> | null = null;

  return {
    syncNow: () => {
      running ??= (async () => {
        const token = await gh.tokenSource.token();
        if (!token) throw new PalsError('github', gh.tokenSource.missing ?? NO_TOKEN_SET);
        const onProgress: SyncOptions['onProgress'] = (p) => ctx.events?.emit('syncProgress', p);
        const { syncAll } = await import('./sync.js');
        const report = await syncAll(ctx.store, { ...gh.sync, client: await client(token), token, now: ctx.now, onProgress });
        // Every window learns how it ended and what it moved, not only the one that asked.
        ctx.events?.emit('syncDone', report);
        return report;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    resolveConflict: async ({ id, keep }) => {
      const entryId = newId();
      const when = at();
      // Keeping mine queues the card's phase for the issue (write-back on); taking GitHub's drops it (shared/move.ts).
      await ctx.store.update((doc) => resolveConflict(doc, id, keep === 'local' ? 'keep-local' : 'take-github', when, entryId));
      return view(id);
    },
    discoverIssues: async ({ repo, label, labels }) => {
      const where = parseRepoRef(repo);
      if ('error' in where) throw new PalsError('invalid-input', where.error, 'repo');
      const token = await gh.tokenSource.token();
      const gone = `there is no repository ${where.owner}/${where.repo}, or the token may not read it`;
      const wanted = [...(label ? [label] : []), ...(labels ?? [])];
      const [{ discoverIssues }, github] = await Promise.all([import('./discover.js'), client(token)]);
      const found = await ask(token, (signal) => discoverIssues(github, { ...where, labels: wanted, signal }), gone);
      // Marked against the board as it is now (the requests took a while).
      return markKnown(ctx.store.doc, found);
    },
    addDiscovered: async ({ issues }) => {
      const ids = issues.map(() => newId());
      const when = at();
      const result = await ctx.store.update((doc) => addDiscovered(doc, issues, ids, when));
      const doc = ctx.store.doc;
      const views = (cards: readonly { readonly id: string }[]) =>
        cards.flatMap((e) => {
          const current = doc.engagements.find((x) => x.id === e.id);
          return current ? [viewEngagement(doc, current, ctx.today())] : [];
        });
      return { added: views(result.added), linked: views(result.linked), skipped: result.skipped };
    },
    githubStatus: status,
    setGithubToken: async ({ token, allowInsecure }) => {
      const save = gh.tokenSource.save;
      if (!save) throw new PalsError('github', READ_ONLY);
      const [{ whoAmI }, github] = await Promise.all([import('./whoami.js'), client(token)]);
      const identity = await ask(token, (signal) => whoAmI(github, signal));
      await save(token, identity, { allowInsecure: allowInsecure ?? false });
      return status();
    },
    testGithubToken: async () => {
      const token = await gh.tokenSource.token();
      if (!token) throw new PalsError('github', gh.tokenSource.missing ?? NO_TOKEN_SET);
      const [{ whoAmI }, github] = await Promise.all([import('./whoami.js'), client(token)]);
      const identity = await ask(token, (signal) => whoAmI(github, signal));
      return { ...(await status()), login: identity.login, scopes: identity.scopes };
    },
    clearGithubToken: async () => {
      if (!gh.tokenSource.clear) throw new PalsError('github', READ_ONLY);
      await gh.tokenSource.clear();
      return status();
    },
    setGithubSettings: async (patch) => {
      const { settings, rounds } = await ctx.store.update((doc) => setGithubSettings(doc, patch));
      return { settings, rounds: rounds.map(withoutImageBytes) };
    },
  };
}
