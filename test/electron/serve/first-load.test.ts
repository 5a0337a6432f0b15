/** One-time first-load tokens, and the browser opener that never puts one on a command line. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FirstLoadTokens, firstLoadUrl } from '../../../electron/serve/first-load.js';
import { openBrowser } from '../../../electron/serve/open-browser.js';
import { tempDir } from '../../helpers.js';

describe('first-load tokens', () => {
  it('open once, and an expiring one only within its time', () => {
    let now = 0;
    const tokens = new FirstLoadTokens(() => now);
    const printed = tokens.issue();
    const page = tokens.issue(600_000);
    expect(printed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.redeem(printed)).toBe(true);
    expect(tokens.redeem(printed)).toBe(false);
    now = 600_000;
    expect(tokens.redeem(page)).toBe(false);
    expect(tokens.redeem('')).toBe(false);
  });

  it('keep at most 16 unused ones (a page asking again and again cannot grow the list)', () => {
    const tokens = new FirstLoadTokens();
    const first = tokens.issue();
    const rest = Array.from({ length: 16 }, () => tokens.issue());
    expect(tokens.redeem(first)).toBe(false);
    expect(rest.every((t) => tokens.redeem(t))).toBe(true);
  });

  it('put the token in the fragment of a path of its own', () => {
    expect(firstLoadUrl('http://127.0.0.1:20001', 'abc')).toBe('http://127.0.0.1:20001/open#token=abc');
  });
});

describe('the browser opener', () => {
  it('gives the opener a private redirect file, never the address with its token', async () => {
    const root = await tempDir();
    const url = 'http://127.0.0.1:20001/open#token=SECRET-first-load-token';
    const started: { command: string; args: readonly string[] }[] = [];
    const remove = await openBrowser(url, {
      tempRoot: root,
      platform: 'linux',
      spawn: (command, args) => {
        started.push({ command, args });
        return { on: () => undefined, unref: () => undefined };
      },
    });
    expect(started).toHaveLength(1);
    expect(started[0]!.command).toBe('xdg-open');
    expect(JSON.stringify(started[0]!.args)).not.toContain('SECRET');
    const target = started[0]!.args[0] ?? '';
    const file = new URL(target).pathname;
    expect(file).toMatch(/pals-serve-[^/]+\/open-security-pals-desk\.html$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(new URL('.', target).pathname)).mode & 0o777).toBe(0o700);
    const page = await readFile(file, 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`);
    await remove();
    expect(await readdir(root)).toEqual([]);
  });

  it('opens nothing but a loopback address', async () => {
    const root = await tempDir();
    let spawned = false;
    await openBrowser('https://evil.example/', {
      tempRoot: root,
      spawn: () => {
        spawned = true;
        return { on: () => undefined, unref: () => undefined };
      },
    });
    expect(spawned).toBe(false);
    expect(await readdir(root)).toEqual([]);
  });
});
