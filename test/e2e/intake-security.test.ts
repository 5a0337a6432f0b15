/**
 * Issue 25 in a real Chromium against `pals serve` pointed at loopback fakes of GitHub's contents
 * API and the Scorecard API: an Intake card's "Check security status" (by keyboard) shows what was
 * found on the card; the Intake column's "Check all" reads every card; the card dialog lists the
 * evidence with links, the Scorecard's score, date and weakest checks, and the hand-set value
 * beside what was found. The Scorecard fake never sees an authorization header. Axe in light and
 * dark; screenshots at 1280×800 and 1440×900.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEngagement } from '../../shared/engagements.js';
import { emptyDoc } from '../../shared/schema.js';
import { claimSession, newServeLink, PALS_BIN } from '../helpers.js';
import { FakeContents, FakeScorecard } from '../electron/core/intake/fake-intake.js';
import { audit, blocking, describeViolations } from './axe-audit.js';
import { hasChromium, launch, SHOTS } from './harness.js';

const TOKEN = 'ghp_e2eTOKEN0123456789abcdefghijklmnopqrs';
const AT = '2026-11-27T09:00:00.000Z';

function board(): string {
  let doc = emptyDoc();
  const add = (name: string, repo: string | null, security?: 'audited') => {
    doc = addEngagement(
      doc,
      { name, maturity: 'sandbox', ...(repo ? { repo } : {}), ...(security ? { criteria: { security } } : {}) },
      { id: `e2e-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`, at: AT },
    ).doc;
  };
  add('Kyverno', 'https://github.com/kyverno/kyverno');
  add('Artifact Hub', 'https://github.com/artifacthub/hub');
  add('Quiet', 'https://github.com/quiet/quiet');
  add('Argo', 'https://github.com/argoproj/argo-cd', 'audited');
  return JSON.stringify(doc);
}

/** `pals serve` on `dir`, asking the fakes. */
async function serve(dir: string, api: string, scorecard: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [PALS_BIN, '--data', dir, 'serve', '--no-open', '--port', '0', '--api-url', api, '--scorecard-url', scorecard],
    { env: { ...process.env, PALS_NOW: '2026-11-27', GITHUB_TOKEN: TOKEN }, stdio: 'pipe' },
  );
  const printed = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => {
      reject(new Error(`pals serve exited (${String(code)})`));
    });
  });
  const origin = new URL(printed).origin;
  const token = await claimSession(printed);
  return { child, link: () => newServeLink(origin, token) };
}

const card = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('button', { name, exact: true }) });

describe.skipIf(!hasChromium)('security status at intake in Chromium', () => {
  const state = {} as {
    dir: string;
    github: FakeContents;
    scorecard: FakeScorecard;
    served: Awaited<ReturnType<typeof serve>>;
    browser: Browser;
  };
  beforeAll(async () => {
    state.github = await new FakeContents().start();
    state.scorecard = await new FakeScorecard().start();
    state.github.add('kyverno', 'kyverno', 'SECURITY.md');
    state.github.add('cncf', 'tag-security', 'community/assessments/projects/kyverno/self-assessment.md');
    state.github.add('artifacthub', 'hub', '.github/SECURITY.md');
    state.scorecard.add('kyverno', 'kyverno', 7.9, [
      { name: 'Security-Policy', score: 10 },
      { name: 'Fuzzing', score: 0, reason: 'project is not fuzzed' },
      { name: 'Branch-Protection', score: 3, reason: 'branch protection not enabled on development/release branches' },
      { name: 'Pinned-Dependencies', score: 6, reason: 'dependency not pinned by hash detected' },
    ]);
    state.dir = await mkdtemp(join(tmpdir(), 'pals-e2e-intake-'));
    await writeFile(join(state.dir, 'pals.json'), board());
    state.served = await serve(state.dir, state.github.url, state.scorecard.url);
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser?.close();
    state.served?.child.kill('SIGTERM');
    await state.github?.close();
    await state.scorecard?.close();
    if (state.dir) await rm(state.dir, { recursive: true, force: true });
  });

  it('checks one card by keyboard, then the whole column, and shows the evidence in the dialog', async () => {
    const context = await state.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(await state.served.link());
    const kyverno = card(page, 'Kyverno');
    await kyverno.waitFor();
    await expect.poll(() => kyverno.getByText('Not checked').count()).toBe(1);

    // By keyboard: the card's button, Enter.
    await kyverno.getByRole('button', { name: 'Check security status' }).focus();
    await page.keyboard.press('Enter');
    await kyverno.getByText('Security status: Self-assessment', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await card(page, 'Quiet').getByText('Not checked').count()).toBe(1);

    // The column's "Check all": every Intake card shown.
    const intake = page.getByRole('region', { name: 'Intake' });
    await intake.getByRole('button', { name: "Check all Intake cards' security status" }).click();
    await card(page, 'Artifact Hub').getByText('Some docs').waitFor({ timeout: 20_000 });
    await card(page, 'Quiet').getByText('Security status: None', { exact: true }).waitFor({ timeout: 20_000 });
    // The hand-set value stays on the card.
    await card(page, 'Argo').getByText('Audited (by hand)').waitFor();
    // The token went to the GitHub fake only.
    expect(state.scorecard.requests.length).toBeGreaterThanOrEqual(4);
    expect(state.scorecard.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(state.github.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);

    await context.close();

    // Each look in a page of its own (a fresh profile per colour scheme), as a coordinator opens it.
    for (const [scheme, width, height] of [
      ['light', 1280, 800],
      ['dark', 1280, 800],
      ['light', 1440, 900],
      ['dark', 1440, 900],
    ] as const) {
      const look = await state.browser.newContext({ viewport: { width, height }, colorScheme: scheme });
      const shown = await look.newPage();
      await shown.goto(await state.served.link());
      const item = card(shown, 'Kyverno');
      await item.getByText('Security status: Self-assessment', { exact: true }).waitFor();
      await shown.screenshot({ path: join(SHOTS, `intake-board-${String(width)}-${scheme}.png`) });
      const onBoard = await audit(shown);
      expect(blocking(onBoard), describeViolations(`intake board (${scheme})`, blocking(onBoard))).toEqual([]);

      await item.getByRole('button', { name: 'Kyverno', exact: true }).click();
      const dialog = shown.getByRole('dialog', { name: 'Kyverno' });
      const section = dialog.getByRole('region', { name: 'Security status' });
      await section.waitFor();
      const evidence = section.getByRole('list', { name: 'Evidence' });
      expect(await evidence.getByRole('listitem').count()).toBe(3);
      expect(await section.getByRole('link', { name: 'Security policy' }).getAttribute('href')).toBe(
        'https://github.com/kyverno/kyverno/blob/main/SECURITY.md',
      );
      expect(await section.textContent()).toContain('OpenSSF Scorecard 7.9 of 10');
      const weakest = section.getByRole('list', { name: 'Weakest Scorecard checks' });
      expect(await weakest.getByRole('link').allTextContents()).toEqual(['Fuzzing', 'Branch-Protection', 'Pinned-Dependencies']);
      await section.scrollIntoViewIfNeeded();
      await shown.screenshot({ path: join(SHOTS, `intake-dialog-${String(width)}-${scheme}.png`) });
      const inDialog = await audit(shown);
      expect(blocking(inDialog), describeViolations(`intake dialog (${scheme})`, blocking(inDialog))).toEqual([]);
      await look.close();
    }

    const again = await state.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const last = await again.newPage();
    await last.goto(await state.served.link());
    // The dialog of a hand-set card says both.
    await card(last, 'Argo').getByRole('button', { name: 'Argo', exact: true }).click();
    const argo = last.getByRole('dialog', { name: 'Argo' }).getByRole('region', { name: 'Security status' });
    await expect.poll(() => argo.textContent()).toMatch(/In force: Audited \(set by hand; the check found None\)/);
    await again.close();
  });
});
