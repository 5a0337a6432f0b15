/**
 * Pictures of slides for the PPTX export, taken by the same local Chromium that prints the PDF
 * (as Marp CLI does): one headless browser, driven over the DevTools protocol on a pipe (no
 * port is opened), JavaScript off, each slide page opened from a private temp folder at exactly
 * 1280×720 and photographed once it has loaded. The pages' CSP lets nothing load but inline data.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { PalsError } from '../../../shared/errors.js';
import { requireChromium } from './pdf.js';

interface Reply {
  readonly id?: number;
  readonly method?: string;
  readonly sessionId?: string;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

/** A DevTools protocol connection over Chromium's pipe (fd 3 in, fd 4 out; messages end with NUL). */
class Pipe {
  private next = 1;
  private buffer = '';
  private readonly waiting = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Reply) => void>();

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Reply;
        this.buffer = this.buffer.slice(end + 1);
        this.receive(message);
      }
    });
  }

  private receive(message: Reply): void {
    if (message.id !== undefined) {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result ?? {});
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves on the first event named `method` (for `sessionId`) after the call. */
  once(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve) => {
      const listener = (m: Reply) => {
        if (m.method === method && m.sessionId === sessionId) {
          this.listeners.delete(listener);
          resolve();
        }
      };
      this.listeners.add(listener);
    });
  }

  failAll(error: Error): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}

/** Photographs each page (a whole HTML document) at 1280×720 and answers the PNG bytes, in order. */
export async function screenshotPages(
  pages: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 120_000,
): Promise<Uint8Array[]> {
  const chromium = requireChromium(env, 'PPTX export needs Chromium or Google Chrome to picture the slides');
  const dir = await mkdtemp(join(tmpdir(), 'pals-pptx-'));
  const child = spawn(
    chromium,
    [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--remote-debugging-pipe',
      `--user-data-dir=${join(dir, 'profile')}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const pipe = new Pipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2_000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => {
      resolve();
    });
  });
  const ended = new Promise<never>((_, reject) => {
    child.on('error', (e) => {
      reject(new PalsError('io', `could not start ${chromium}: ${e.message}`));
    });
    child.on('close', (code) => {
      const why = new PalsError(
        'io',
        `Chromium stopped before the slides were pictured (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`,
      );
      pipe.failAll(why);
      reject(why);
    });
  });
  ended.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new PalsError(
          'io',
          `Chromium took more than ${Math.round(timeoutMs / 1000)} s to picture the slides; try again, or export PDF or HTML`,
        ),
      );
    }, timeoutMs);
  });
  const work = async (): Promise<Uint8Array[]> => {
    const { targetId } = (await pipe.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await pipe.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await pipe.send('Page.enable', {}, sessionId);
    await pipe.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
    await pipe.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false }, sessionId);
    const shots: Uint8Array[] = [];
    for (const [i, html] of pages.entries()) {
      const file = join(dir, `slide-${i + 1}.html`);
      await writeFile(file, html, { mode: 0o600 });
      const loaded = pipe.once('Page.loadEventFired', sessionId);
      await pipe.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
      await loaded;
      const { data } = (await pipe.send(
        'Page.captureScreenshot',
        { format: 'png', clip: { x: 0, y: 0, width: 1280, height: 720, scale: 1 } },
        sessionId,
      )) as { data: string };
      shots.push(new Uint8Array(Buffer.from(data, 'base64')));
    }
    await pipe.send('Browser.close').catch(() => undefined);
    return shots;
  };
  try {
    return await Promise.race([work(), ended, deadline]);
  } catch (error) {
    if (error instanceof PalsError) throw error;
    throw new PalsError('io', `Chromium could not picture the slides: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
    // Chromium's helpers write to the profile until the browser is gone: wait for it, then clean up.
    const gone = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => {
        setTimeout(() => {
          r(false);
        }, 5_000);
      }),
    ]);
    if (!gone) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}
