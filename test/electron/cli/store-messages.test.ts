/**
 * What the CLI says when opening a data folder needs a repair: exactly what was set aside, and
 * the name of the file that failed, never "the store starts empty" while the engagements are there.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PalsStore } from '../../../electron/core/store/store.js';
import { addEngagement } from '../../../shared/engagements.js';
import type { StoreDoc } from '../../../shared/schema.js';
import { pals, tempDir } from '../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });

/** A store whose last three changes are lines of the journal (as the CLI leaves a large store). */
async function journaled(dir: string): Promise<void> {
  const { store } = await PalsStore.open(dir, { journalFromBytes: 0, foldOnClose: false });
  for (const name of ['Argo', 'Kyverno', 'Falco', 'Harbor']) await store.update(add(name));
  await store.close();
}

async function listNames(dir: string): Promise<{ names: string[]; stderr: string; code: number }> {
  const result = await pals(dir, ['list', '--json']);
  const names = result.code === 0 ? (JSON.parse(result.stdout) as { name: string }[]).map((e) => e.name) : [];
  return { names, stderr: result.stderr, code: result.code };
}

describe('messages about a damaged store', () => {
  it('a bad last journal line costs that line only, and the warning says exactly that', async () => {
    const dir = await tempDir();
    await journaled(dir);
    const journal = join(dir, 'pals.journal');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    expect(lines).toHaveLength(5); // header, Kyverno, Falco, Harbor, and the empty end
    lines[3] = '{"r": {"e": [ damaged';
    await writeFile(journal, lines.join('\n'));
    const { names, stderr, code } = await listNames(dir);
    expect(code).toBe(0);
    expect(names).toEqual(['Argo', 'Kyverno', 'Falco']);
    expect(stderr).toMatch(
      /^warning: the change journal .*pals\.journal could not be read in full: line 4 is not valid JSON; 1 change of the journal was set aside, kept in .*backups.journal-[^;]+; everything else was loaded: pals\.json with the 2 changes before it\n$/,
    );
    expect(stderr).not.toMatch(/empty|no good backup/);
    // The line set aside is kept, byte for byte, for a person to read.
    const aside = (await readdir(join(dir, 'backups'))).find((n) => n.startsWith('journal-'))!;
    expect(await readFile(join(dir, 'backups', aside), 'utf8')).toBe(lines.join('\n'));
    // Once repaired, the next command opens quietly.
    expect(await listNames(dir)).toEqual({ names: ['Argo', 'Kyverno', 'Falco'], stderr: '', code: 0 });
  });

  it('a bad line in the middle says how many changes after it were set aside too', async () => {
    const dir = await tempDir();
    await journaled(dir);
    const journal = join(dir, 'pals.journal');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[1] = 'not json';
    await writeFile(journal, lines.join('\n'));
    const { names, stderr } = await listNames(dir);
    expect(names).toEqual(['Argo']);
    expect(stderr).toMatch(
      /line 2 is not valid JSON; 3 changes of the journal were set aside, kept in .*; everything in pals\.json was loaded\n$/,
    );
  });

  it('an unreadable journal is named, not pals.json', async () => {
    const dir = await tempDir();
    await journaled(dir);
    // A journal that cannot be read at all (here a folder in its place).
    await rm(join(dir, 'pals.journal'));
    await mkdir(join(dir, 'pals.journal'));
    const { code, stderr } = await listNames(dir);
    expect(code).toBe(1);
    expect(stderr).toBe(`error: cannot read ${join(dir, 'pals.journal')}: that is a folder, not a file\n`);
  });
});
