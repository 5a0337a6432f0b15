/** Fresh temp data folders for a run, removed afterwards even if the run fails or is interrupted. */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();
let hooked = false;

function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  }
}

/** Creates an empty folder under os.tmpdir() (or `base`) for one store. */
export async function makeTempDir(label: string, base: string = tmpdir()): Promise<string> {
  hookSignals();
  const dir = await mkdtemp(join(base, `pals-bench-${label}-`));
  made.add(dir);
  return dir;
}

/** Removes a folder made by makeTempDir. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  made.delete(dir);
}

/** Runs `fn` with a fresh temp folder and always removes it afterwards. */
export async function withTempDir<T>(label: string, fn: (dir: string) => Promise<T>, base?: string): Promise<T> {
  const dir = await makeTempDir(label, base);
  try {
    return await fn(dir);
  } finally {
    await removeTempDir(dir);
  }
}
