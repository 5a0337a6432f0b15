/**
 * "Drop to durable": watches the data folder until pals.json on disk holds an engagement in
 * its new phase. Cheap stat polling finds the moment a new file is in place and no writer holds
 * pals.lock; only then is the (large) file read and parsed, to confirm the move is in it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreDoc } from '../shared/schema.js';

const POLL_MS = 1;

/** Identity of the file on disk: a durable write renames a new file (new inode) over it. */
export async function fileSignature(dir: string): Promise<string> {
  const s = await stat(join(dir, 'pals.json'), { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function phaseOnDisk(dir: string, id: string): Promise<string | undefined> {
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
  throw new Error(`engagement ${id} was not in phase ${phase} in pals.json within ${timeoutMs} ms`);
}
