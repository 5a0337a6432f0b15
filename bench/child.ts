/**
 * Runs one measurement in a fresh Node process, so each path gets its own heap, its own
 * peak-memory figures and no garbage or dirty pages left by the other path.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Forks `script` with `input` (as JSON in argv) and resolves with the single message it sends back; `gc()` is exposed to it. */
export function runChild<T>(script: URL, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(script), [JSON.stringify(input)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // 20,000 engagements is a 184 MB store; several loads in one child need more than the default heap.
      execArgv: [...process.execArgv, '--expose-gc', '--max-old-space-size=8192'],
    });
    let result: { value: T } | null = null;
    child.once('message', (message) => {
      result = { value: message as T };
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result) resolve(result.value);
      else reject(new Error(`${fileURLToPath(script)} exited (${signal ?? `code ${code}`}) without a result`));
    });
  });
}

/** The child side: parses the input from argv (the caller asserts its type), runs `fn` and sends its result to the parent. */
export async function serveChild(fn: (input: unknown) => Promise<unknown>): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this script is started by the benchmark (npm run bench), not directly');
  const output = await fn(JSON.parse(process.argv[2] ?? 'null'));
  await new Promise<void>((resolve, reject) => {
    send(output, undefined, {}, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  process.disconnect();
}
