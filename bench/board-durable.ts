/**
 * "Drop to durable": watches the data folder until the store on disk holds an engagement in its
 * new phase — in `pals.json`, or (for a large store) in a flushed line of `pals.journal`, which
 * is what the store waits for before it confirms a write. Cheap stat polling finds the moment
 * either file changed and no writer holds pals.lock; only then is the journal (small) or the
 * (large) pals.json read, to confirm the move is in it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreDoc } from '../shared/schema.js';

const POLL_MS = 1;

/** Identity of the store on disk: a whole-file write renames a new file over pals.json; a journal write appends. */
export async function fileSignature(dir: string): Promise<string> {
  const s = await stat(join(dir, 'pals.json'), { bigint: true });
  const j = await stat(join(dir, 'pals.journal'), { bigint: true }).catch(() => null);
  return `${s.ino}:${s.size}:${s.mtimeNs}|${j ? `${j.ino}:${j.size}` : 'none'}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The engagement's phase in the journal's newest complete line that holds it (undefined: not there). */
async function phaseInJournal(dir: string, id: string): Promise<string | undefined> {
  const text = await readFile(join(dir, 'pals.journal'), 'utf8').catch(() => '');
  const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i]!.includes(id)) continue;
    const entry = JSON.parse(lines[i]!) as { r?: { e?: { id: string; phase: string }[] } };
    const found = entry.r?.e?.find((e) => e.id === id);
    if (found) return found.phase;
  }
  return undefined;
}

async function phaseOnDisk(dir: string, id: string): Promise<string | undefined> {
  const journaled = await phaseInJournal(dir, id);
  if (journaled !== undefined) return journaled;
  const doc = JSON.parse(await readFile(join(dir, 'pals.json'), 'utf8')) as StoreDoc;
  return doc.engagements.find((e) => e.id === id)?.phase;
}

/**
 * Resolves with performance.now() at the first poll that saw a finished write holding `id` in
 * `phase`, starting from the file version `since`; rejects after `timeoutMs`.
 */
export async function waitForPhaseOnDisk(dir: string, id: string, phase: string, since: string, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let seen = since;
  while (performance.now() < deadline) {
    const sig = await fileSignature(dir).catch(() => seen);
    if (sig !== seen && !(await exists(join(dir, 'pals.lock')))) {
      const at = performance.now();
      if ((await phaseOnDisk(dir, id)) === phase) return at;
      seen = sig;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`engagement ${id} was not in phase ${phase} on disk (pals.json or pals.journal) within ${timeoutMs} ms`);
}
