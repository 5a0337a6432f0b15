/** `pals serve [--port N] [--no-open] [--api-url URL] [--scorecard-url URL]`: the UI on 127.0.0.1 until Ctrl+C. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PalsError } from '../../shared/errors.js';
import { apiUrlProblem } from '../../shared/issue-ref.js';
import { scorecardUrlProblem } from '../../shared/intake/security-status.js';
import { envTokenSource } from '../core/lib/token-source.js';
import { openBrowser } from '../serve/open-browser.js';
import { startServer } from '../serve/server.js';
import type { CommandContext } from './context.js';
import { parse } from './parse.js';
import { projectRoot } from './project-root.js';
import { claimFolder } from './serve-claim.js';
import { defaultServePort } from './serve-port.js';
import { UsageError } from './usage.js';

/** Runs the loopback host until the process is asked to stop. */
export async function serve(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse(
    'serve',
    argv,
    { port: { type: 'string' }, 'no-open': { type: 'boolean' }, 'api-url': { type: 'string' }, 'scorecard-url': { type: 'string' } },
    [0, 0],
  );
  const chosen = values.port === undefined ? null : Number(values.port);
  if (chosen !== null && (!Number.isInteger(chosen) || chosen < 0 || chosen > 65_535))
    throw new UsageError(`--port: must be a port number 0–65535 (got "${values.port}")`);
  const apiUrl = values['api-url'];
  const problem = apiUrl === undefined ? null : apiUrlProblem(apiUrl);
  if (problem) throw new UsageError(`--api-url: ${problem}`);
  // The OpenSSF Scorecard API the security check asks (as `intake check --scorecard-url`).
  const scorecardUrl = values['scorecard-url'];
  const scorecardProblem = scorecardUrl === undefined ? null : scorecardUrlProblem(scorecardUrl);
  if (scorecardProblem) throw new UsageError(`--scorecard-url: ${scorecardProblem}`);
  // Where `vite build` puts the renderer.
  const rendererDir = join(projectRoot(), 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new PalsError('io', 'the UI is not built; run `npm run build` (or `npm install`) in the project folder first');
  }
  const core = await ctx.core({
    // Long-running like the app: it folds the journal as the app does, on pauses and on close.
    store: { foldOnClose: true },
    github: { tokenSource: envTokenSource(ctx.io.env), ...(apiUrl ? { apiUrl } : {}), ...(scorecardUrl ? { scorecardUrl } : {}) },
    watch: {
      onError: (error) => {
        ctx.io.stderr(`warning: could not watch or re-read the data folder: ${String(error)}\n`);
      },
    },
  });
  // One serve per folder: a second one says where it is served and stops (serve-claim.ts).
  const claim = await claimFolder(core.dir);
  try {
    const port = chosen ?? defaultServePort(core.dir);
    const start = (on: number) => startServer({ core, staticDir: rendererDir, port: on });
    let server;
    try {
      server = await start(port).catch((error: unknown) => {
        if (chosen !== null || (error as { code?: string }).code !== 'EADDRINUSE') throw error;
        ctx.io.stderr(
          `note: port ${port}, this data folder's usual port, is in use; serving on another one. Unsaved note drafts kept by the browser for the usual address will show only there.\n`,
        );
        return start(0);
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new PalsError(
        'io',
        code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port or omit it` : `cannot serve: ${String(error)}`,
      );
    }
    await claim.listening(`http://127.0.0.1:${String(server.port)}/`);
    ctx.io.stdout(`${server.url}\n`);
    ctx.io.stderr(
      `Serving Security Pals Desk for ${core.dir} on 127.0.0.1 only. Press Ctrl+C to stop.\n` +
        `The address above opens once. For another tab or window of the same browser, open http://127.0.0.1:${server.port}/; ` +
        `for another browser, use "Another window" on the board.\n`,
    );
    // The opener gets its own one-time address, in a file only this user can read (never on a command line).
    const removeOpenerFile = values['no-open'] ? null : await openBrowser(server.link());
    await ctx.io.untilStopped();
    await server.close();
    await removeOpenerFile?.();
  } finally {
    await claim.release();
  }
}
