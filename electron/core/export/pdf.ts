/**
 * PDF from HTML for the CLI, with a locally installed Chromium in headless mode (the desktop
 * app prints with its own hidden window instead). No Chromium → a clear error naming what to
 * install.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PalsError } from '../../../shared/errors.js';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The Chromium to print with: `$PALS_CHROMIUM`, else a usual install location, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PALS_CHROMIUM) return existsSync(env.PALS_CHROMIUM) ? env.PALS_CHROMIUM : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

/** The browser for an export that cannot do without one; `need` says which export, and why. */
export function requireChromium(env: NodeJS.ProcessEnv, need: string): string {
  const chromium = findChromium(env);
  if (chromium) return chromium;
  throw new PalsError(
    'io',
    `${need}: install it (Debian/Ubuntu: apt install chromium) or set PALS_CHROMIUM to its path; Markdown and HTML export work without it`,
  );
}

/** Prints an HTML document to PDF bytes (offline: the page loads nothing remote). */
export async function htmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000): Promise<Buffer> {
  const chromium = requireChromium(env, 'PDF export needs Chromium or Google Chrome');
  const dir = await mkdtemp(join(tmpdir(), 'pals-pdf-'));
  try {
    const page = join(dir, 'deck.html');
    const out = join(dir, 'deck.pdf');
    await writeFile(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new PalsError('io', `could not start ${chromium}: ${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(out)) resolve();
        else reject(new PalsError('io', `Chromium could not print the deck (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
      });
    });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
