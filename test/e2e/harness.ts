/**
 * End-to-end harness: the real `pals serve` process on a temp data folder, and Debian's
 * Chromium driven by playwright-core. Where Chromium is missing the suites skip and say so,
 * unless PALS_E2E_REQUIRED=1 (set by .ci/run), where a missing browser fails the run.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { EngagementView } from '../../shared/view.js';
import { claimSession, newServeLink, runNode, spawnServe } from '../helpers.js';

export const CHROMIUM = process.env.PALS_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'electron/bin/pals.js');

if (!hasChromium) {
  if (process.env.PALS_E2E_REQUIRED === '1')
    throw new Error(`e2e: Chromium is required but missing at ${CHROMIUM} (apt-get install chromium)`);
  console.warn(`e2e SKIPPED: no Chromium at ${CHROMIUM}; install Debian's chromium (or set PALS_CHROMIUM) to run the browser tests`);
}

export interface Served {
  /**
   * A one-time address that opens the page once (as the printed one does; the harness spends the
   * printed one to sign in itself). Open more pages with `openApp`, or `link()` for a fresh address.
   */
  readonly url: string;
  readonly origin: string;
  /** The run's session token (what a signed-in page sends in `x-pals-token`). */
  readonly token: string;
  /** A fresh one-time address (what "Link for another browser" gives a signed-in page). */
  link(): Promise<string>;
  readonly dataDir: string;
  /** Runs the CLI against the same data folder (another writer, as a coordinator would). */
  pals(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  readonly child: ChildProcessWithoutNullStreams;
}

const NOW = '2026-11-27';

function runPals(dataDir: string, args: string[]) {
  return runNode([bin, '--data', dataDir, ...args], { env: { ...process.env, PALS_NOW: NOW } });
}

/** Starts `pals serve` (on an existing folder and port to simulate a restart). */
export async function startServe(dataDir?: string, port = 0): Promise<Served> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'pals-e2e-')));
  const { child, url: printed } = await spawnServe(dir, { env: { ...process.env, PALS_NOW: NOW } }, port);
  const origin = new URL(printed).origin;
  // Each address opens once: the harness signs in with the printed one and hands out fresh ones.
  const token = await claimSession(printed);
  return {
    url: await newServeLink(origin, token),
    origin,
    token,
    link: () => newServeLink(origin, token),
    dataDir: dir,
    child,
    pals: (args) => runPals(dir, args),
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.on('close', () => {
          resolve();
        });
        child.kill(signal);
      }),
  };
}

/** What most suites need: `pals serve` on a data folder (a new one unless given) and a browser. */
export async function openServedBrowser(dataDir?: string): Promise<{ served: Served; browser: Browser }> {
  const served = await startServe(dataDir);
  return { served, browser: await launch() };
}

/** Undoes `openServedBrowser` (call from afterAll): closes the browser, stops the server, removes its folder. */
export async function closeServedBrowser({ served, browser }: { served?: Served; browser?: Browser }): Promise<void> {
  await browser?.close();
  await served?.stop();
  if (served) await removeData(served);
}

/**
 * `openServedBrowser` for one describe block: opened in beforeAll (on the folder `dataDir` makes,
 * else a new one), closed in afterAll. Tests read `app.served` and `app.browser`; a test that
 * restarts the server puts the new one in `app.served`, and that is the one stopped.
 */
export function useServedBrowser(dataDir?: () => Promise<string>): { served: Served; browser: Browser } {
  const app = {} as { served: Served; browser: Browser };
  beforeAll(async () => {
    Object.assign(app, await openServedBrowser(await dataDir?.()));
  });
  afterAll(() => closeServedBrowser(app));
  return app;
}

/** An engagement as the CLI shows it (what is on disk); fails the test if the CLI refuses. */
export async function stored(served: Served, ref: string): Promise<EngagementView> {
  const r = await served.pals(['show', ref, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as EngagementView;
}

/**
 * Where a dragged card is over, counted from the cell it was picked up in, among the board's columns
 * and swimlane cells (1: the next one; null: over none, or the handle lost). Both are read in one
 * look at the page, so lanes a virtualized board mounts or unmounts meanwhile shift nothing.
 */
function overFromOwnCell(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('.column, .lane-cell')];
    const over = cells.findIndex((el) => /--over\b/.test(el.className));
    const own = document.activeElement?.closest('.column, .lane-cell');
    return over < 0 || !own ? null : over - cells.indexOf(own);
  });
}

/**
 * Moves the focused drag handle one column right with the keyboard, each key once the board shows
 * the last one took: picked up (the handle pressed; then two frames, in which dnd-kit measures the
 * columns a keyboard drag moves between), over the next column, dropped.
 */
export async function keyboardMoveRight(page: Page): Promise<void> {
  const onBoard = await page.evaluate(() => document.activeElement?.closest('.column, .lane-cell') != null);
  expect(onBoard, 'a drag handle on the board has focus').toBe(true);
  await page.keyboard.press('Space');
  const pressed = () => page.evaluate(() => document.activeElement?.getAttribute('aria-pressed') ?? null);
  await expect.poll(pressed, { message: 'the card is picked up (its drag handle pressed)' }).toBe('true');
  await page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => overFromOwnCell(page), { message: 'the card is over the next column' }).toBe(1);
  await page.keyboard.press('Space');
}

/**
 * Waits until the page has had no call to the core in flight for two frames running: an action's
 * save has answered and the screen re-rendered from it. Needs a page from `openApp`, which counts
 * the calls (`countCallsInFlight`).
 */
export async function settled(page: Page): Promise<void> {
  const counted = await page.evaluate(() => {
    const w = window as unknown as { __palsInFlight?: number; __palsCalm?: number };
    w.__palsCalm = 0;
    return typeof w.__palsInFlight === 'number';
  });
  expect(counted, 'settled() needs a page opened by openApp (it counts the calls in flight)').toBe(true);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __palsInFlight: number; __palsCalm: number };
      w.__palsCalm = w.__palsInFlight === 0 ? w.__palsCalm + 1 : 0;
      return w.__palsCalm >= 2;
    },
    undefined,
    { polling: 'raf', timeout: 20_000 },
  );
}

/** Counts the page's fetch calls in flight (window.__palsInFlight), for `settled`; installed before any page script runs. */
export async function countCallsInFlight(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __palsInFlight: number };
    w.__palsInFlight = 0;
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      w.__palsInFlight++;
      try {
        return await original(...args);
      } finally {
        w.__palsInFlight--;
      }
    };
  });
}

/**
 * Waits until no CSS transition or animation is running (what a test measures or photographs is
 * the final paint). The contexts ask for reduced motion, which the styles honour, so this is
 * usually at once; it fails with the running ones after a generous bound.
 */
export async function untilStill(page: Page): Promise<void> {
  const running = () =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => `${a.constructor.name} ${(a as Animation & { transitionProperty?: string }).transitionProperty ?? a.id}`),
    );
  await expect.poll(running, { message: 'no transition or animation still running' }).toEqual([]);
}

/** Waits (up to 20 s) until the deck preview reports its slide count in a status. */
export async function expectDeckPreview(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /\bslides?\b/ })
          .count(),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
}

/** The texts of an engagement's notes, read through the CLI (what is on disk, not what the page shows). */
export async function notesOf(served: Served, ref: string): Promise<string[]> {
  const r = await served.pals(['show', ref, '--json']);
  return (JSON.parse(r.stdout) as { notes: { text: string }[] }).notes.map((n) => n.text);
}

/** Removes a data folder made by startServe. */
export async function removeData(served: Served): Promise<void> {
  await rm(served.dataDir, { recursive: true, force: true });
}

/** Launches Chromium the way this machine allows (no sandbox as root, no background network). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A 1440×900 page opened on a fresh one-time address, in the given colour scheme (each context is
 * another browser profile), asking for reduced motion (no transitions to wait out) and counting
 * its calls in flight (`settled`).
 */
export async function openApp(
  browser: Browser,
  served: Served,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, reducedMotion: 'reduce' });
  await countCallsInFlight(context);
  const page = await context.newPage();
  await page.goto(await served.link());
  return { context, page };
}

/** Where screenshots go (looked at by people, not compared by tests). */
export const SHOTS = process.env.PALS_SHOTS ?? join(tmpdir(), 'pals-shots');
