/** Opens the served URL in the default browser (best effort; the URL is printed anyway). */
import { spawn } from 'node:child_process';

/** Starts the platform's opener for a loopback http URL; failures are ignored. */
export function openBrowser(url: string): void {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) return;
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the user opens the printed URL.
  }
}
