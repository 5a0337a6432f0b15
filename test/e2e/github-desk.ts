/**
 * A served desk beside a loopback fake GitHub, as the GitHub browser tests need it: the fake is
 * filled, the data is built by the real CLI (under a fixed PALS_NOW), then `pals serve` (which takes
 * the token from GITHUB_TOKEN, as the contract says) and Chromium start. `stopGithubDesk` undoes
 * all of it, the environment's token included, whatever part of the start succeeded.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { runNode } from '../helpers.js';
import { FakeGithub } from '../support/github/fake-github.js';
import { launch, removeData, startServe, type Served } from './harness.js';

/** What a GitHub browser test works with; each part is set once the start reached it. */
export interface GithubDesk {
  fake?: FakeGithub;
  served?: Served;
  browser?: Browser;
  /** GITHUB_TOKEN as it was before the start (undefined: unset). */
  readonly tokenBefore: string | undefined;
}

export interface GithubDeskOptions {
  /** Names the data folder (e.g. 'held' gives pals-e2e-held-XXXX). */
  readonly name: string;
  readonly token: string;
  /** Whether the CLI steps see the token too (the app's server always does). */
  readonly stepsWithToken?: boolean;
  /** Fills the fake and returns the CLI steps that build the data, in order. */
  readonly prepare: (fake: FakeGithub) => string[][];
}

/** Starts the fake, runs the steps, serves the folder and launches Chromium; `desk` is filled as it goes. */
export async function startGithubDesk(desk: GithubDesk, options: GithubDeskOptions): Promise<Required<Omit<GithubDesk, 'tokenBefore'>>> {
  desk.fake = await FakeGithub.start();
  const steps = options.prepare(desk.fake);
  const dir = await mkdtemp(join(tmpdir(), `pals-e2e-${options.name}-`));
  const bin = join(process.cwd(), 'electron/bin/pals.js');
  const env = { ...process.env, PALS_NOW: '2026-11-27', ...(options.stepsWithToken === false ? {} : { GITHUB_TOKEN: options.token }) };
  for (const args of steps) {
    const r = await runNode([bin, '--data', dir, ...args], { env });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  process.env.GITHUB_TOKEN = options.token;
  desk.served = await startServe(dir);
  desk.browser = await launch();
  return { fake: desk.fake, served: desk.served, browser: desk.browser };
}

/** A desk not started yet, remembering the environment's token so `stopGithubDesk` can put it back. */
export function githubDesk(): GithubDesk {
  return { tokenBefore: process.env.GITHUB_TOKEN };
}

/** Closes the browser, the server (removing its folder) and the fake, and puts GITHUB_TOKEN back. */
export async function stopGithubDesk(desk: GithubDesk): Promise<void> {
  await desk.browser?.close();
  await desk.served?.stop();
  if (desk.served) await removeData(desk.served);
  await desk.fake?.close();
  if (desk.tokenBefore === undefined) delete process.env.GITHUB_TOKEN;
  else process.env.GITHUB_TOKEN = desk.tokenBefore;
}
