import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/export/pdf.js';
import { STARTER_HEADINGS } from '../../fixtures/assessment-headings.js';
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
    expect(r.stdout).toMatch(/^# Kyverno Self-assessment/);
    expect(r.stdout).toContain('help from Ann (CNCF TAG Security, Security Pals)');
    expect(r.stdout).toContain('| Assessment Stage | Incomplete |');
    expect(r.stdout).toContain('| Software | https://github.com/kyverno/kyverno |');
    expect(r.stdout).toContain('Kyverno is a CNCF incubating project.');
    for (const h of STARTER_HEADINGS) {
      expect(r.stdout, h).toContain(`${h}\n`);
    }
  });
});

describe('pals export assessment --pr', () => {
  it('prints the pull request description for the project’s repository', async () => {
    const dir = await seeded();
    await pals(dir, ['edit', 'kyverno', '--repo', 'https://github.com/kyverno/kyverno']);
    const r = await pals(dir, ['export', 'assessment', 'kyverno', '--pr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^This pull request starts Kyverno's security self-assessment in `docs\/security\/self-assessment.md`/);
    expect(r.stdout).toContain('- [ ] Security issue resolution');
  });
});

describe('the round’s words and the running order from the command line', () => {
  it('puts `round edit --benefit/--next-step/--takeaway` in the deck, sub-points included', async () => {
    const dir = await seeded();
    const e = await pals(dir, [
      'round',
      'edit',
      'Round 1',
      '--benefit',
      'Exposure to other projects',
      '--benefit',
      '  Both teams and technology',
      '--next-step',
      'Make this a Thing',
      '--takeaway',
      'Projects loved the template security docs',
    ]);
    expect(e.code, e.stderr).toBe(0);
    const r = await pals(dir, ['export', 'deck']);
    expect(r.stdout).toContain('# Benefits to TAG members\n\n* Exposure to other projects\n  * Both teams and technology');
    // A learning's tag reads the same in `show` as in the deck.
    expect((await pals(dir, ['show', 'kyverno'])).stdout).toContain('learning   Timebox: Helps');
    expect(r.stdout).toContain('* Timebox\n  * Helps');
    expect(r.stdout).toContain('# Next steps\n\n* Make this a Thing');
    expect(r.stdout).toContain('* Biggest single takeaway: Projects loved the template security docs');
  });

  it('builds exactly the sections --sections names, in that order, and refuses an unknown one', async () => {
    const dir = await seeded();
    await pals(dir, ['round', 'edit', 'Round 1', '--benefit', 'Help']);
    const r = await pals(dir, ['export', 'deck', '--sections', 'benefits, projects']);
    expect(r.code, r.stderr).toBe(0);
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('# '));
    expect(headings).toEqual([
      '# <!--fit--> TAG Security \\- Security Pals Retrospective \\(Round 1\\)',
      '# Benefits to TAG members',
      '# Projects',
    ]);
    const bad = await pals(dir, ['export', 'deck', '--sections', 'projects,slides']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^error: .*"slides" is neither a section nor a slide of this round's deck; use: concept, projects, reactions, learnings, timebox, buyIn, benefits, nextSteps, retro/,
    );
    const help = await pals(dir, ['--help']);
    expect(help.stdout).toContain('[--sections NAME,NAME..]');
    expect(help.stdout).toContain('concept, projects, reactions,');
  });

  it.skipIf(!findChromium())('writes a PPTX: one picture per slide, 1280×720, with the speaker notes', async () => {
    const dir = await seeded();
    const out = join(dir, 'retro.pptx');
    const r = await pals(dir, ['export', 'deck', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const slides = Number(/\((\d+) slides/.exec(r.stderr)?.[1]);
    expect(slides).toBeGreaterThan(3);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const zip = await JSZip.loadAsync(await readFile(out));
    const names = Object.keys(zip.files);
    expect(names.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(slides);
    const pictures = names.filter((f) => /^ppt\/media\/.*\.png$/.test(f));
    expect(pictures).toHaveLength(slides);
    const png = await zip.file(pictures[0]!)!.async('nodebuffer');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
    const notes = await Promise.all(names.filter((f) => /^ppt\/notesSlides\/.*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(notes.join('')).toContain('Initial reactions of 1 project, as recorded on each card.');
  });

  it('says a PPTX needs a file', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['export', 'deck', '--format', 'pptx']);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/a PPTX needs --out FILE/) });
  });
});
