/**
 * Opens the served page in the default browser (best effort; the address is printed anyway).
 * The opener gets a file, never the address: a command line is readable by every local user
 * (`/proc/<pid>/cmdline`, `ps`), so the address with its token goes into a redirect page that
 * only this user can read (a 0600 file in a fresh 0700 folder), as Jupyter does.
 */
import { spawn as spawnChild, type SpawnOptions } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface OpenBrowserOptions {
  /** Where the private folder is made (default: the system's temp folder). */
  readonly tempRoot?: string;
  readonly platform?: NodeJS.Platform;
  /** Starts the opener (tests record it). */
  readonly spawn?: (
    command: string,
    args: readonly string[],
    options: SpawnOptions,
  ) => { on(event: 'error', cb: () => void): void; unref(): void };
}

/** The redirect page: nothing but a refresh to `url` and a link for a browser that ignores it. */
export function redirectPage(url: string): string {
  const attr = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">' +
    `<meta http-equiv="refresh" content="0;url=${attr}"><title>Security Pals Desk</title></head>` +
    `<body><p><a href="${attr}">Open Security Pals Desk</a></p></body></html>\n`
  );
}

/**
 * Writes the redirect page for a loopback `url` and starts the platform's opener on it; resolves
 * to the function that removes the page again (call it when the server stops). Failures are
 * ignored: the user opens the printed address instead.
 */
export async function openBrowser(url: string, options: OpenBrowserOptions = {}): Promise<() => Promise<void>> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) return () => Promise.resolve();
  let folder: string;
  try {
    folder = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'pals-serve-'));
  } catch {
    return () => Promise.resolve();
  }
  const remove = () => rm(folder, { recursive: true, force: true }).catch(() => undefined);
  const file = join(folder, 'open-security-pals-desk.html');
  try {
    await writeFile(file, redirectPage(url), { mode: 0o600, flag: 'wx' });
  } catch {
    await remove();
    return () => Promise.resolve();
  }
  const platform = options.platform ?? process.platform;
  const target = platform === 'win32' ? file : pathToFileURL(file).href;
  const [command, args] =
    platform === 'darwin' ? ['open', [target]] : platform === 'win32' ? ['explorer.exe', [target]] : ['xdg-open', [target]];
  try {
    const child = (options.spawn ?? spawnChild)(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the user opens the printed address.
  }
  return remove;
}
