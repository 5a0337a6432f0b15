/** `pals serve [--port N] [--no-open]`: the UI on 127.0.0.1 until Ctrl+C. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PalsError } from '../../shared/errors.js';
import { EventBus } from '../core/events.js';
import { createHandlers } from '../core/handlers.js';
import { envTokenSource } from '../core/github/token-source.js';
import { watchStore } from '../core/watch-store.js';
import { openBrowser } from '../serve/open-browser.js';
import { startServer } from '../serve/server.js';
import type { CommandContext } from './commands.js';
import { parse } from './parse.js';
import { defaultServePort } from './serve-port.js';
import { UsageError } from './usage.js';

/** Where `vite build` puts the renderer, relative to this compiled file (dist/electron/cli/). */
const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

/** Runs the loopback host until the process is asked to stop. */
export async function serve(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse('serve', argv, { port: { type: 'string' }, 'no-open': { type: 'boolean' } }, [0, 0]);
  const chosen = values.port === undefined ? null : Number(values.port);
  if (chosen !== null && (!Number.isInteger(chosen) || chosen < 0 || chosen > 65_535))
    throw new UsageError(`--port: must be a port number 0–65535 (got "${values.port}")`);
  if (!existsSync(`${RENDERER_DIR}index.html`)) {
    throw new PalsError('io', 'the UI is not built; run `npm run build` (or `npm install`) in the project folder first');
  }
  const store = await ctx.store();
  const events = new EventBus();
  const github = { tokenSource: envTokenSource(ctx.io.env) };
  const handlers = createHandlers({ store, today: () => ctx.today, events, github });
  const stopWatching = watchStore(store);
  const port = chosen ?? defaultServePort(store.paths.dir);
  const start = (on: number) => startServer({ handlers, store, staticDir: RENDERER_DIR, port: on, events });
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
    stopWatching();
    const code = (error as { code?: string }).code;
    throw new PalsError(
      'io',
      code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port or omit it` : `cannot serve: ${String(error)}`,
    );
  }
  ctx.io.stdout(`${server.url}\n`);
  ctx.io.stderr(`Serving Security Pals Desk for ${store.paths.dir} on 127.0.0.1 only. Press Ctrl+C to stop.\n`);
  if (!values['no-open']) openBrowser(server.url);
  await ctx.io.untilStopped();
  stopWatching();
  await server.close();
}
