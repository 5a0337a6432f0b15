import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/export/pdf.js';
import { pals, tempDir } from '../../helpers.js';

async function seeded(): Promise<string> {
  const dir = await tempDir();
  for (const [name, maturity] of [
    ['Kyverno', 'incubating'],
    ['Argo', 'graduated'],
    ['Tinkerbell', 'sandbox'],
  ]) {
    expect((await pals(dir, ['add', '--name', name!, '--maturity', maturity!, '--kickoff', '2026-09-01', '--pal', 'Ann'])).code).toBe(0);
  }
  await pals(dir, ['edit', 'kyverno', '--reaction', 'Where do we start?', '--learning', '[timebox] Helps', '--hours', '6']);
  return dir;
}

describe('pals export deck', () => {
  it('prints the Marp markdown to stdout by default', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['export', 'deck']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\nmarp: true\n/);
    for (const name of ['Kyverno', 'Argo', 'Tinkerbell']) expect(r.stdout).toContain(`| ${name} |`);
    expect(r.stdout).toContain('data:image/svg+xml');
  });

  it('writes markdown with its charts beside it, only the chosen engagements', async () => {
    const dir = await seeded();
    const out = join(dir, 'out', 'retro.md');
    const r = await pals(dir, ['export', 'deck', '--out', out, '--only', 'kyverno, ARGO']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*retro\.md \(\d+ slides, 2 engagements\)/);
    const md = await readFile(out, 'utf8');
    expect(md).toContain('![Planned vs actual days per phase](deck-images/timebox.svg)');
    expect(md).not.toContain('Tinkerbell');
    expect((await readdir(join(dir, 'out', 'deck-images'))).sort()).toEqual(['time-in-phase-1.svg', 'timebox.svg']);
    expect(await readFile(join(dir, 'out', 'deck-images', 'timebox.svg'), 'utf8')).toMatch(/^<svg xmlns/);
  });

  it('keeps exports private (0600) and never writes charts through a symlinked folder', async () => {
    const dir = await seeded();
    const out = join(dir, 'out', 'retro.md');
    expect((await pals(dir, ['export', 'deck', '--out', out])).code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'out', 'deck-images', 'timebox.svg'))).mode & 0o777).toBe(0o600);
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await mkdir(join(dir, 'linked'));
    await symlink(elsewhere, join(dir, 'linked', 'deck-images'));
    const r = await pals(dir, ['export', 'deck', '--out', join(dir, 'linked', 'retro.md')]);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/deck-images is a symbolic link/) });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('writes one self-contained HTML file', async () => {
    const dir = await seeded();
    const out = join(dir, 'retro.html');
    expect((await pals(dir, ['export', 'deck', '--out', out])).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<section[^>]*>/);
    expect(html).not.toMatch(/<script|<link|@import|src="https?:/);
  });

  it.skipIf(!findChromium())('writes a PDF with Chromium', async () => {
    const dir = await seeded();
    const out = join(dir, 'retro.pdf');
    const r = await pals(dir, ['export', 'deck', '--format', 'pdf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('names what to install when no Chromium is found', async () => {
    const dir = await seeded();
    const out = join(dir, 'retro.pdf');
    const r = await pals(dir, ['export', 'deck', '--out', out], { env: { PALS_CHROMIUM: '/nonexistent/chromium' } });
    expect(r).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^error: PDF export needs Chromium or Google Chrome: install it \(Debian\/Ubuntu: apt install chromium\)/,
      ),
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe('pals export assessment', () => {
  it('writes a self-assessment starter with the project’s metadata', async () => {
    const dir = await seeded();
    await pals(dir, ['edit', 'kyverno', '--repo', 'https://github.com/kyverno/kyverno']);
    const r = await pals(dir, ['export', 'assessment', 'kyverno']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Kyverno Self-Assessment/);
    expect(r.stdout).toContain('help from Ann (CNCF TAG Security)');
    expect(r.stdout).toContain('| Software | https://github.com/kyverno/kyverno |');
    expect(r.stdout).toContain('| CNCF maturity | incubating |');
    for (const h of [
      '## Metadata',
      '### Security links',
      '## Overview',
      '### Background',
      '### Actors',
      '### Actions',
      '### Goals',
      '### Non-goals',
      '## Self-assessment use',
      '## Security functions and features',
      '## Project compliance',
      '## Secure development practices',
      '## Security issue resolution',
      '## Appendix',
    ]) {
      expect(r.stdout, h).toContain(`${h}\n`);
    }
  });
});
