/**
 * The store's I/O proven under faults, the way SQLite proves its pager: one scenario (adds,
 * notes, moves in whole-file and journal modes, a fold, a backup, a restore) runs once cleanly to
 * count the operations that change the disk; then once per operation N and per fault that fits
 * it (a short write, a write with no progress, ENOSPC, EIO, EMFILE), hitting only the Nth
 * operation or every one from N on (a disk that stays full). After each run, with the fault
 * cleared: every write the store acknowledged is there, every file parses, the store opens
 * without a repair and takes a new write.
 */
import { describe, expect, it } from 'vitest';
import { backupText } from '../../../../electron/core/backup-file.js';
import { writeFileDurable } from '../../../../electron/core/lib/durable-write.js';
import { PalsStore, type StoreOptions } from '../../../../electron/core/store/store.js';
import { parseDocText } from '../../../../shared/document.js';
import { addEngagement, addNote } from '../../../../shared/engagements.js';
import type { Phase } from '../../../../shared/phases.js';
import type { StoreDoc } from '../../../../shared/schema.js';
import { faultName, faultsFor, faultyFs, type Fault, type FaultyFs } from '../../../support/faulty-fs.js';
import { createMemoryFs, type MemoryFs } from '../../../support/memory-fs.js';
import { moveCard } from '../../../../shared/move.js';

const DIR = '/data';
const OUT = '/out/backup.json';
const at = '2026-11-27T10:00:00.000Z';

/** Something the store said was saved. */
type Fact =
  | { readonly kind: 'engagement'; readonly name: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'phase'; readonly id: string; readonly phase: Phase };

const idOf = (name: string) => `${name.toLowerCase()}-id`;
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: idOf(name), at });
const note = (name: string, text: string) => (doc: StoreDoc) =>
  addNote(doc, idOf(name), { kind: 'general', text }, { id: `note-${text.replace(/[^a-z0-9]+/g, '-')}`, at });
const move = (name: string, phase: Phase) => (doc: StoreDoc) => moveCard(doc, { ref: idOf(name), to: phase, reason: 'board', at: at });

const WHOLE: StoreOptions = { journalFromBytes: Number.MAX_SAFE_INTEGER };
/** As the CLI on a large store: changes go to the journal and stay there. */
const JOURNAL: StoreOptions = { journalFromBytes: 0, compactAfterMs: 3_600_000, foldOnClose: false };
/** As `pals serve` or the app: the journal is folded into pals.json on close. */
const FOLDING: StoreOptions = { journalFromBytes: 0, compactAfterMs: 3_600_000, foldOnClose: true };

/** Runs the scenario on `fs`; returns what was acknowledged. Failures are expected and skipped past. */
async function scenario(fs: FaultyFs): Promise<Fact[]> {
  const facts: Fact[] = [];
  let tick = 0;
  const clock = () => new Date(Date.parse('2026-11-27T09:00:00.000Z') + tick++ * 1000);
  const base: StoreOptions = { fs, clock, lockTimeoutMs: 2_000 };
  const attempt = async <T>(run: () => Promise<T>, fact?: Fact | ((value: T) => Fact)): Promise<T | undefined> => {
    try {
      const value = await run();
      if (fact) facts.push(typeof fact === 'function' ? fact(value) : fact);
      return value;
    } catch (error) {
      if (process.env.FAULT_DEBUG) console.log('failed:', error);
      return undefined;
    }
  };
  const session = async (options: StoreOptions, steps: (store: PalsStore) => Promise<void>) => {
    const opened = await attempt(() => PalsStore.open(DIR, { ...base, ...options }));
    if (!opened) return;
    await steps(opened.store);
    await attempt(() => opened.store.close());
  };

  await session(WHOLE, async (store) => {
    await attempt(() => store.update(add('Argo')), { kind: 'engagement', name: 'Argo' });
    await attempt(() => store.update(add('Kyverno')), { kind: 'engagement', name: 'Kyverno' });
    await attempt(() => store.update(note('Argo', 'first')), { kind: 'note', text: 'first' });
    await attempt(() => store.update(move('Argo', 'meet-greet')), { kind: 'phase', id: idOf('Argo'), phase: 'meet-greet' });
  });
  await session(JOURNAL, async (store) => {
    await attempt(() => store.update(note('Kyverno', 'journaled')), { kind: 'note', text: 'journaled' });
    await attempt(() => store.update(move('Kyverno', 'follow-up')), { kind: 'phase', id: idOf('Kyverno'), phase: 'follow-up' });
    await attempt(() => store.update(add('Falco')), { kind: 'engagement', name: 'Falco' });
  });
  await session(FOLDING, async (store) => {
    await attempt(() => store.update(note('Argo', 'before the fold')), { kind: 'note', text: 'before the fold' });
  });
  await session(WHOLE, async (store) => {
    // `pals backup --out`, then `pals restore` of that file with one engagement added by hand.
    const backedUp = await attempt(async () => {
      await fs.mkdir('/out', { recursive: true });
      await writeFileDurable(OUT, backupText(store.doc), { fs });
      return true;
    });
    if (backedUp) {
      await attempt(
        async () => {
          const doc = parseDocText(await fs.readFile(OUT, 'utf8')).doc;
          await store.replace(add('Restored')(doc).doc, 'before-restore');
        },
        { kind: 'engagement', name: 'Restored' },
      );
    }
    await attempt(() => store.update(note('Argo', 'after the restore')), { kind: 'note', text: 'after the restore' });
  });
  return facts;
}

/** What is wrong with the folder after a run (empty: nothing). */
async function check(memory: MemoryFs, fs: FaultyFs, facts: readonly Fact[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of memory.list().filter((f) => /^\/data\/(pals\.json|backups\/pals-.*\.json)$/.test(f))) {
    try {
      parseDocText(memory.readText(file));
    } catch (error) {
      problems.push(`${file} does not parse: ${String(error)}`);
    }
  }
  let opened;
  try {
    opened = await PalsStore.open(DIR, { fs, lockTimeoutMs: 2_000 });
  } catch (error) {
    return [...problems, `the store does not open: ${String(error)}`];
  }
  const { store, recovery } = opened;
  if (recovery) problems.push(`opening needed a repair: ${recovery.reason}`);
  const doc = store.doc;
  for (const fact of facts) {
    const ok =
      fact.kind === 'engagement'
        ? doc.engagements.some((e) => e.name === fact.name)
        : fact.kind === 'note'
          ? doc.engagements.some((e) => e.notes.some((n) => n.text === fact.text))
          : doc.engagements.find((e) => e.id === fact.id)?.phase === fact.phase;
    if (!ok) problems.push(`lost: ${JSON.stringify(fact)}`);
  }
  try {
    await store.update(add('Afterwards'));
    await store.close();
  } catch (error) {
    problems.push(`no write after the fault: ${String(error)}`);
  }
  return problems;
}

interface Run {
  readonly at: number;
  readonly op: string;
  readonly fault: Fault;
  readonly persistent: boolean;
}

describe('the store under injected I/O faults', () => {
  it('loses nothing acknowledged whichever operation fails, once or from then on', { timeout: 300_000 }, async () => {
    const clean = faultyFs(createMemoryFs());
    const all = await scenario(clean);
    expect(all).toHaveLength(10);
    const ops = [...clean.ops];
    const runs: Run[] = ops.flatMap(({ op }, index) =>
      faultsFor(op).flatMap((fault) => {
        const once = { at: index, op, fault, persistent: false };
        // A disk that stays full: only for the faults a full disk gives.
        const full = fault.kind !== 'error' || fault.code === 'ENOSPC';
        return full ? [once, { ...once, persistent: true }] : [once];
      }),
    );
    let acknowledged = 0;
    let fired = 0;
    const failures: string[] = [];
    const started = Date.now();
    for (const run of runs) {
      const memory = createMemoryFs();
      const fs = faultyFs(memory);
      fs.arm(run.at, run.fault, run.persistent);
      const facts = await scenario(fs);
      if (fs.fired > 0) fired++;
      fs.clear();
      acknowledged += facts.length;
      const problems = await check(memory, fs, facts);
      if (problems.length > 0) {
        failures.push(`${faultName(run.fault)}${run.persistent ? ' from' : ' at'} #${run.at} (${run.op}): ${problems.join('; ')}`);
      }
    }
    console.log(
      `fault injection: ${runs.length} runs (${ops.length} operations × the faults that fit each, once and from then on), ` +
        `${fired} with the fault hit, ${acknowledged} acknowledged writes, ${failures.length} runs with a loss or damage, ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const failure of failures.slice(0, 10)) console.log(`  ${failure}`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(fired).toBe(runs.length);
  });
});
