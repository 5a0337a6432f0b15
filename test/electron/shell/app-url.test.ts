/** The app origin check and the protocol's path resolver: what `app://desk/...` may name. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppPath } from '../../../electron/shell/app-url.js';

const root = resolve('/srv/pals/dist/renderer');

describe('resolveAppPath', () => {
  it('maps app://desk/ paths to files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://desk/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk/index.html?x=1#top')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk/assets/index-llFpamIx.js')).toBe(join(root, 'assets', 'index-llFpamIx.js'));
    expect(resolveAppPath(root, 'app://desk/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
    expect(resolveAppPath(root, 'APP://DESK/index.html')).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/assets/../../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/..%5c..%5cWindows%5cwin.ini',
    'app://desk/assets%2f..%2f..%2fsecret',
    'app://desk/./index.html',
    'app://desk/index.html%00.png',
    'app://desk/C:%5cWindows',
    'app://desk/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(['app://evil/index.html', 'app://desk.evil/index.html', 'app://desk@evil/index.html', 'file:///etc/passwd', 'https://desk/'])(
    'refuses another origin: %s',
    (url) => {
      expect(resolveAppPath(root, url)).toBeNull();
    },
  );
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/')).toBe(true);
    for (const url of ['app://evil/', 'app://desk@evil/', 'app://u:p@desk/', 'https://desk/', 'file:///', 'about:blank', 'not a url', ''])
      expect(isAppUrl(url)).toBe(false);
  });
});
