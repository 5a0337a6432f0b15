/**
 * The real `pals serve` for the board scenario: preflight checks (built renderer, Chromium) and
 * a server process on a seeded data folder, started the way a coordinator starts it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Scenario, ScenarioContext, ScenarioResult } from './scenario.js';
import { withTempDir } from './tempdir.js';

/** Today for due dates, as in the e2e tests, so every run sees the same due marks. */
export const PALS_NOW = '2026-11-27';
/** Debian's Chromium, or PALS_CHROMIUM (the same override the e2e harness honours). */
export const CHROMIUM = process.env.PALS_CHROMIUM ?? '/usr/bin/chromium';

/** The e2e harness's flags: no sandbox (root in containers), no GPU, no background network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Repository root (this file runs from dist/bench/). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PALS_BIN = `${ROOT}electron/bin/pals.js`;
const RENDERER_INDEX = `${ROOT}dist/renderer/index.html`;
const START_TIMEOUT_MS = 30_000;

/** Why the board cannot be measured on this machine, or null when it can. */
export function boardPreflight(): string | null {
  if (!existsSync(RENDERER_INDEX)) return `the renderer is not built (${RENDERER_INDEX} is missing); run \`npm run build\` first`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}; install Debian's chromium (apt-get install chromium) or set PALS_CHROMIUM`;
  return null;
}

/** Chromium as the browser scenarios drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A scenario that needs the built renderer and Chromium (skipped, saying why, without them) and runs in a fresh folder. */
export function browserScenario(
  name: string,
  description: string,
  runIn: (ctx: ScenarioContext, dir: string) => Promise<ScenarioResult>,
): Scenario {
  return {
    name,
    description,
    run: (ctx) => {
      const reason = boardPreflight();
      if (reason) {
        ctx.log(`${name}: SKIPPED: ${reason}`);
        return Promise.resolve({ scenario: name, size: ctx.size, metrics: [], notes: [], skipped: reason });
      }
      return withTempDir(name, (dir) => runIn(ctx, dir));
    },
  };
}

/** A running `pals serve`, its session already claimed (the printed address opens once). */
export interface Served {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The session token API calls send in `x-pals-token`. */
  readonly token: string;
  /** A fresh one-time first-load address, for one cold load in a fresh browser context. */
  link(): Promise<string>;
  stop(): Promise<void>;
}

/** The session token `pals serve` trades for its printed first-load address (the page does the same). */
async function claim(printed: string): Promise<{ origin: string; token: string }> {
  const { origin, hash } = new URL(printed);
  const response = await fetch(`${origin}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: hash.replace(/^#token=/, '') }),
  });
  const answer = (await response.json()) as { ok: boolean; value?: { token: string } };
  if (!answer.ok || !answer.value) throw new Error(`pals serve refused its first-load address (${response.status})`);
  return { origin, token: answer.value.token };
}

/** A new one-time first-load address from `POST /session/link`. */
async function link(origin: string, token: string): Promise<string> {
  const response = await fetch(`${origin}/session/link`, { method: 'POST', headers: { 'x-pals-token': token } });
  const answer = (await response.json()) as { ok: boolean; value?: { url: string } };
  if (!answer.ok || !answer.value) throw new Error(`pals serve gave no link (${response.status})`);
  return answer.value.url;
}

/** Spawns `pals --data DIR serve --no-open --port 0` and resolves once it printed its URL and the session is claimed. */
export async function startServe(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [PALS_BIN, '--data', dataDir, 'serve', '--no-open', '--port', '0'], {
    env: { ...process.env, PALS_NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => {
      resolve();
    });
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!out.includes('\n')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`pals serve did not start: ${err.trim() || `exit ${child.exitCode}`}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const { origin, token } = await claim(out.split('\n')[0]!.trim());
    return { origin, token, link: () => link(origin, token), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
