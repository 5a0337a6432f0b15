/**
 * Fuzzing the `pals` command line in-process (`run()` from electron/cli/main.ts): random argv
 * built from the real commands and flags plus hostile values. Every run ends with exit 0, 1 or 2;
 * a failure prints exactly one `error:` line and never "unexpected failure"; a failed command
 * leaves the store file byte for byte as it was; a successful one leaves it loadable.
 *
 * Paths are kept inside a sandbox folder (`--out`, `--file`, restore's FILE), `--data` is
 * always the temp data folder, and `serve` and PDF output are left out (they start a server
 * or a browser); their parsing is the same `parse()` every command uses.
 */
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { run } from '../../electron/cli/main.js';
import { bytesOf, hostileString, RunCounter, runs } from './fuzz-kit.js';

// `--version` is left out: run from source (as here) it looks for package.json one folder too high;
// the compiled CLI finds it (test/electron/cli/process.test.ts runs `npx pals --version`).
const COMMANDS = ['add', 'list', 'show', 'move', 'edit', 'note', 'board', 'backup', 'restore', 'sync', 'export', 'help', '--help'];
const FLAGS = [
  '--name',
  '--maturity',
  '--repo',
  '--kickoff',
  '--pal',
  '--issue',
  '--json',
  '--reaction',
  '--learning',
  '--hours',
  '--hold',
  '--retro-worked',
  '--retro-less',
  '--kind',
  '--text',
  '--file',
  '--date',
  '--attendee',
  '--action',
  '--out',
  '--format',
  '--only',
  '--title',
  '--theme',
  '--port',
  '-h',
  '--',
  '-x',
  '--unknown',
];
const VALUES = [
  'Kyverno',
  'kyverno',
  'Argo',
  'sandbox',
  'graduated',
  'intake',
  'follow-up',
  'done',
  'nowhere',
  '2026-11-02',
  '2026-02-30',
  'https://github.com/kyverno/kyverno',
  'javascript:alert(1)',
  'cncf/tag-security#1',
  'yes',
  'no',
  '12',
  '-3',
  '',
  'deck',
  'assessment',
  'md',
  'html',
  'gaia',
];
const PATH_FLAGS = new Set(['--out', '--file']);
/** Names every object has: a command table lookup must not find them (this fuzz found `pals __proto__`). */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FLAGS), hostileString).map(([f, v]) => `${f}=${v}`) },
);

/** An argv: a command (or a random word) and up to 8 tokens. */
const argv: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: hostileString }),
    fc.array(token, { maxLength: 8 }),
  )
  .map(([command, rest]) => [command, ...rest]);

/** Makes an argv safe to run here: paths into the sandbox, no --data, no serve, no PDFs. */
function sandboxed(args: readonly string[], sandbox: string): string[] {
  const safePath = (value: string, i: number) =>
    join(sandbox, `f${String(i)}-${value.replace(/[^a-z0-9]/gi, '').slice(0, 20)}.${i % 2 ? 'md' : 'json'}`);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    if (a === 'serve') a = 'board';
    if (a.startsWith('--data')) continue;
    const [flag, ...value] = a.split('=');
    if (flag && PATH_FLAGS.has(flag) && value.length > 0) a = `${flag}=${safePath(value.join('='), i)}`;
    if (/pdf/i.test(a)) a = a.replace(/pdf/gi, 'md');
    const prev = out.at(-1);
    if (prev && PATH_FLAGS.has(prev) && a !== '-') a = safePath(a, i);
    // restore FILE and note --file: a positional after `restore` becomes a sandbox file.
    if (out[0] === 'restore' && out.length >= 1 && !a.startsWith('-')) a = safePath(a, i);
    out.push(a);
  }
  return out;
}

describe('the pals command line under fuzzing', () => {
  let data: string;
  let sandbox: string;
  const counter = new RunCounter();
  const exits = { 0: 0, 1: 0, 2: 0 };

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'pals-fuzz-cli-'));
    sandbox = join(data, 'sandbox');
    await mkdir(sandbox);
    await writeFile(join(sandbox, 'f1-backup.json'), '{"schemaVersion":1,"engagements":[]}');
    for (const args of [
      ['add', '--name', 'Kyverno', '--kickoff', '2026-11-02', '--pal', 'Ann'],
      ['add', '--name', 'Argo', '--maturity', 'graduated'],
      ['note', 'kyverno', '--text', 'hello', '--action', 'do it'],
    ]) {
      expect(await cli(args)).toMatchObject({ code: 0 });
    }
  });

  afterAll(async () => {
    await rm(data, { recursive: true, force: true });
    console.log(counter.report(`CLI fuzz (exit 0: ${String(exits[0])}, exit 1: ${String(exits[1])}, exit 2: ${String(exits[2])}):`));
  });

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(['--data', data, ...args], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      readStdin: () => Promise.resolve('from stdin'),
      untilStopped: () => Promise.resolve(),
      env: { PALS_NOW: '2026-11-27' },
    });
    return { code, stdout, stderr };
  }

  it('exits 0, 1 or 2 with one clear error line, and a failed command changes nothing', async () => {
    const file = join(data, 'pals.json');
    const numRuns = runs(400);
    await fc.assert(
      fc.asyncProperty(argv, async (raw) => {
        counter.hit('random argv');
        const args = sandboxed(raw, sandbox);
        const before = await bytesOf(file);
        const r = await cli(args);
        const context = `pals ${JSON.stringify(args)} → ${String(r.code)}: ${r.stderr}`;
        expect([0, 1, 2], context).toContain(r.code);
        expect(r.stderr, context).not.toMatch(/unexpected failure/);
        exits[r.code as 0 | 1 | 2]++;
        if (r.code !== 0) {
          const errors = r.stderr.split('\n').filter((line) => line.startsWith('error: '));
          expect(errors, context).toHaveLength(1);
          expect(r.stderr.trimEnd().split('\n').at(-1), context).toMatch(/^error: \S.{5,}/);
          expect(await bytesOf(file), context).toEqual(before);
        } else {
          const after = await bytesOf(file);
          if (after) expect(() => parseDocText(after.toString('utf8')), context).not.toThrow();
        }
      }),
      { numRuns },
    );
    expect(counter.get('random argv')).toBeGreaterThanOrEqual(numRuns);
  });

  it('refuses inherited property names as commands with a usage error', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const r = await cli([name]);
      expect(r, name).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: unknown command/) as unknown });
    }
  });

  it('treats every single hostile token after each command as data, never as a crash', async () => {
    const numRuns = runs(150);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), hostileString, async (command, value) => {
        counter.hit('command + one hostile token');
        const r = await cli(sandboxed([command, value], sandbox));
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/unexpected failure/);
      }),
      { numRuns },
    );
    expect(counter.get('command + one hostile token')).toBeGreaterThanOrEqual(numRuns);
  });
});
