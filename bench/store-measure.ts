/** The store measurements themselves, generic over the subject so ours and the baseline run identically. */
import { readFile, rename } from 'node:fs/promises';
import { digestOf, sealPathOf } from '../electron/core/store/seal.js';
import { PalsStore } from '../electron/core/store/store.js';
import { parseDocValue } from '../shared/document.js';
import { editEngagement } from '../shared/engagements.js';
import { timeMs } from './stats.js';
import type { OpenStore, Subject } from './subjects.js';

/** Called after every timed step, e.g. to sample memory right after synchronous work. */
export type Tick = () => void;

/** `runs` cold opens (load + validate) of the subject's file. */
export async function measureLoads(subject: Subject, runs: number, tick: Tick): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    let opened: OpenStore | undefined;
    samples.push(
      await timeMs(async () => {
        opened = await subject.open();
      }),
    );
    tick();
    await opened?.close();
  }
  return samples;
}

/** Runs `fn` with the store file's seal (if any) moved away, so every load validates in full; puts it back after. */
export async function withoutSeal<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const seal = sealPathOf(file);
  const aside = `${seal}.aside`;
  const moved = await rename(seal, aside).then(
    () => true,
    () => false,
  );
  try {
    return await fn();
  } finally {
    if (moved) await rename(aside, seal);
  }
}

/**
 * Where a load spends its time: reading the file (and decoding it), hashing it against its seal
 * (ours), JSON.parse, and the validation a load without a matching seal does.
 */
export interface LoadBreakdown {
  readonly read: number[];
  readonly hash: number[];
  readonly parse: number[];
  readonly validate: number[];
}

/** Times the stages of a load of `file` separately, `runs` times. */
export async function measureLoadBreakdown(file: string, runs: number, tick: Tick): Promise<LoadBreakdown> {
  const out: LoadBreakdown = { read: [], hash: [], parse: [], validate: [] };
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const data = await readFile(file);
    const text = data.toString('utf8');
    out.read.push(performance.now() - t);
    t = performance.now();
    digestOf(data);
    out.hash.push(performance.now() - t);
    t = performance.now();
    const raw: unknown = JSON.parse(text);
    out.parse.push(performance.now() - t);
    tick();
    t = performance.now();
    parseDocValue(raw);
    out.validate.push(performance.now() - t);
    tick();
  }
  return out;
}

/** Single awaited edits, one per id, with hours firstHours, firstHours + 1, … */
export async function measureEdits(store: OpenStore, ids: readonly string[], firstHours: number, tick: Tick): Promise<number[]> {
  const samples: number[] = [];
  for (const [k, id] of ids.entries()) {
    samples.push(await timeMs(() => store.edit(id, firstHours + k)));
    tick();
  }
  return samples;
}

/** Time and file writes for one burst, per run. */
export interface BurstFigures {
  readonly ms: number[];
  readonly writes: number[];
}

/** Runs `runs` bursts of `ids.length` edits: time until all are saved, and the file writes made. */
export async function measureBursts(
  store: OpenStore,
  ids: readonly string[],
  runs: number,
  firstHours: number,
  tick: Tick,
): Promise<BurstFigures> {
  const out: BurstFigures = { ms: [], writes: [] };
  for (let run = 0; run < runs; run++) {
    const before = store.writes();
    out.ms.push(await timeMs(() => store.burst(ids, firstHours + run * ids.length)));
    out.writes.push(store.writes() - before);
    tick();
  }
  return out;
}

/** One short-lived command's figures per run: the whole command, and its close. */
export interface CommandFigures {
  readonly total: number[];
  readonly close: number[];
}

/**
 * What a CLI command such as `pals edit` costs on our store, in this process: open, one awaited
 * edit, close; with `foldOnClose` false (what the CLI passes) close leaves the journal to the app,
 * with true it folds the journal into pals.json as every close did before.
 */
export async function measureCommands(
  dir: string,
  ids: readonly string[],
  firstHours: number,
  foldOnClose: boolean,
  tick: Tick,
): Promise<CommandFigures> {
  const out: CommandFigures = { total: [], close: [] };
  for (const [k, id] of ids.entries()) {
    const start = performance.now();
    const { store } = await PalsStore.open(dir, { foldOnClose });
    await store.update((doc) => editEngagement(doc, id, { hours: firstHours + k }, new Date().toISOString()));
    tick();
    const closing = performance.now();
    await store.close();
    const end = performance.now();
    out.total.push(end - start);
    out.close.push(end - closing);
    tick();
  }
  return out;
}
