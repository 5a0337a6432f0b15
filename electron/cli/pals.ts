/** Process glue for `pals`: real streams in, exit code out. */
import { PalsError } from '../../shared/errors.js';
import { sizeText } from '../core/lib/bounded-read.js';
import { run } from './main.js';

async function readStdin(max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    // `< /dev/zero` never ends: stop at the limit instead of filling the memory.
    if (total > max) {
      process.stdin.destroy();
      throw new PalsError('invalid-input', `standard input holds more than a note can (${sizeText(max)})`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text);
};

process.exitCode = await run(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  readStdin,
  env: process.env,
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  untilStopped: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => {
        resolve();
      });
      process.once('SIGTERM', () => {
        resolve();
      });
    }),
});
