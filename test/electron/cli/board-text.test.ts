import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../../electron/cli/column-widths.js';
import { run } from '../../../electron/cli/main.js';
import { terminalColumns } from '../../../electron/cli/terminal-width.js';
import { wrap } from '../../../electron/cli/text.js';
import { pals, tempDir } from '../../helpers.js';

const NAMES = ['Crossplane', 'Artifact Hub', 'Open Policy Agent Gatekeeper', 'cert-manager', 'Kubescape', 'Confidential Containers'];

/** A data folder holding NAMES, spread over the columns as a round would be. */
async function board(): Promise<string> {
  const dir = await tempDir();
  for (const name of NAMES) expect((await pals(dir, ['add', '--name', name])).code).toBe(0);
  await pals(dir, ['move', 'crossplane', 'done']);
  await pals(dir, ['move', 'kubescape', 'review']);
  await pals(dir, ['move', 'artifact hub', 'meet-greet']);
  return dir;
}

/** The card lines of one column (after the header, counts and rule), by its column index. */
function column(out: string, index: number): string[] {
  const rows = out.split('\n').slice(3);
  return rows.flatMap((row) => (row.includes('│') ? [(row.split('│')[index] ?? '').trim()] : []));
}

/** Every name on the board, its wrapped lines joined back (a mark starts each card). */
function namesShown(out: string): string[] {
  const names: string[] = [];
  for (let c = 0; c < 6; c++) {
    for (const line of column(out, c)) {
      if (!line) continue;
      if (/^[•~!‖≠]/.test(line)) names.push(line.slice(1));
      else {
        const last = names.pop() ?? '';
        names.push(`${last}${last.endsWith('-') ? '' : ' '}${line}`);
      }
    }
  }
  return names;
}

async function widest(out: string): Promise<number> {
  const { default: stringWidth } = await import('string-width');
  return Math.max(...out.split('\n').map((l) => stringWidth(l)));
}

describe('pals board at the terminal width', () => {
  it('never splits a word, at 80 columns: every name reads whole, wrapped at its spaces', async () => {
    const dir = await board();
    const { stdout, code } = await pals(dir, ['board'], { env: { COLUMNS: '80' } });
    expect(code).toBe(0);
    expect(await widest(stdout)).toBeLessThanOrEqual(80);
    expect(stdout).not.toMatch(/Crossplan\s*\n/);
    expect(namesShown(stdout).sort()).toEqual([...NAMES].sort());
    expect(column(stdout, 5)[0]).toBe('•Crossplane');
  });

  it('uses the width COLUMNS gives: wider terminals wrap less, and nothing passes the edge', async () => {
    const dir = await board();
    const wide = (await pals(dir, ['board'], { env: { COLUMNS: '160' } })).stdout;
    const narrow = (await pals(dir, ['board'], { env: { COLUMNS: '80' } })).stdout;
    expect(await widest(wide)).toBeLessThanOrEqual(160);
    expect(await widest(wide)).toBeGreaterThan(100);
    expect(column(wide, 0)).toContain('•Open Policy Agent Gatekeeper');
    expect(wide.split('\n').length).toBeLessThan(narrow.split('\n').length);
  });

  it("prefers the terminal's own width over COLUMNS", async () => {
    const dir = await board();
    let stdout = '';
    const io = {
      stdout: (t: string) => (stdout += t),
      stderr: () => undefined,
      readStdin: () => Promise.resolve(''),
      untilStopped: () => Promise.resolve(),
      env: { PALS_NOW: '2026-11-27', COLUMNS: '200' },
      columns: 100,
    };
    expect(await run(['--data', dir, 'board'], io)).toBe(0);
    expect(await widest(stdout)).toBeLessThanOrEqual(100);
    expect(await widest(stdout)).toBeGreaterThan(90);
  });

  it('cuts with "…" only a word wider than a column of a narrow terminal, never carrying its tail to the next line', async () => {
    const dir = await tempDir();
    await pals(dir, ['add', '--name', 'Supercalifragilistic-expialidocious project']);
    const { stdout } = await pals(dir, ['board'], { env: { COLUMNS: '62' } });
    expect(await widest(stdout)).toBeLessThanOrEqual(62);
    const lines = column(stdout, 0).filter(Boolean);
    expect(lines[0]).toMatch(/^•Super\S*…$/);
    // Each line starts a word of the name (a cut word's tail never starts a line).
    const words = 'Supercalifragilistic-expialidocious project'.split(/\s+|(?<=-)/);
    for (const line of lines) {
      const first = line
        .replace(/^•/, '')
        .split(/\s+|(?<=-)/)[0]!
        .replace(/…$/, '');
      expect(
        words.some((w) => w.startsWith(first)),
        line,
      ).toBe(true);
    }
  });
});

describe('terminalColumns', () => {
  it('takes the TTY width, else a whole positive COLUMNS, else 80', () => {
    expect(terminalColumns(132, { COLUMNS: '90' })).toBe(132);
    expect(terminalColumns(undefined, { COLUMNS: '90' })).toBe(90);
    expect(terminalColumns(undefined, { COLUMNS: ' 120 ' })).toBe(120);
    for (const bad of ['wide', '0', '-3', '7.5', '']) expect(terminalColumns(undefined, { COLUMNS: bad })).toBe(80);
    expect(terminalColumns(0, {})).toBe(80);
    expect(terminalColumns(undefined, {})).toBe(80);
  });
});

describe('wrap', () => {
  it('breaks at spaces and after hyphens only', () => {
    expect(wrap('Open Policy Agent Gatekeeper', 10, 3)).toEqual(['Open', 'Policy', 'Agent…']);
    expect(wrap('cert-manager operator', 10, 3)).toEqual(['cert-', 'manager', 'operator']);
    expect(wrap('Crossplane', 9, 2)).toEqual(['Crosspla…']);
    expect(wrap('Crossplane and more', 9, 1)).toEqual(['Crosspla…']);
    expect(wrap('Kyverno', 10, 2)).toEqual(['Kyverno']);
    expect(wrap('', 10, 2)).toEqual(['']);
  });
});

describe('columnWidths', () => {
  it('gives the narrowest column room for its longest word first, then its full names, then the rest evenly', () => {
    const needs = [
      { min: 6, words: 11, full: 30 },
      { min: 4, words: 4, full: 4 },
    ];
    expect(columnWidths(needs, 12)).toEqual([8, 4]);
    expect(columnWidths(needs, 20)).toEqual([16, 4]);
    expect(columnWidths(needs, 40)).toEqual([30, 10]);
    expect(columnWidths(needs, 6)).toEqual([6, 4]);
  });
});
