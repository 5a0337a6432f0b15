/** The store measurements themselves, generic over the subject so ours and the baseline run identically. */
import { readFile } from 'node:fs/promises';
import { parseDocValue } from '../shared/document.js';
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

/** Where a load spends its time: reading the file, JSON.parse, and the validation the store does. */
export interface LoadBreakdown {
  readonly read: number[];
  readonly parse: number[];
  readonly validate: number[];
}

/** Times the three stages of a load of `file` separately, `runs` times. */
export async function measureLoadBreakdown(file: string, runs: number, tick: Tick): Promise<LoadBreakdown> {
  const out: LoadBreakdown = { read: [], parse: [], validate: [] };
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const text = await readFile(file, 'utf8');
    out.read.push(performance.now() - t);
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
