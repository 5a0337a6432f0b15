/**
 * Packaging without packaging: electron-builder.yml parses and passes electron-builder's own
 * schema, packs only compiled output with the security fuses set, and every entry point it
 * needs exists after `npm run build` (main, the CommonJS preload, the renderer and its assets).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { main: string; productName: string };
const config = parse(read('electron-builder.yml')) as Record<string, unknown> & { files: string[] };
const built = (path: string) => {
  if (!existsSync(join(root, path))) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return read(path);
};
/** True when a file is packed by one of the `files` patterns (the prefix/** form used here). */
const packed = (path: string) =>
  path === 'package.json' || config.files.some((p) => p.endsWith('/**') && path.startsWith(p.slice(0, -2)) && !p.startsWith('!'));

describe('electron-builder.yml', () => {
  it('passes the schema electron-builder 26 checks before packaging', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app, writes to release/, and packs only compiled output into an asar', () => {
    expect(config).toMatchObject({ appId: 'io.cncf.tag-security.pals-desk', productName: pkg.productName, asar: true });
    expect(config.directories).toMatchObject({ output: 'release' });
    expect(config.files.filter((p) => !p.startsWith('!')).sort()).toEqual([
      'dist/electron/**',
      'dist/renderer/**',
      'dist/shared/**',
      'package.json',
    ]);
  });

  it('flips the Electron fuses that close the usual escape hatches', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage and deb, dmg, and nsis, with a 512×512 icon', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Development' });
    expect(config.mac).toMatchObject({ target: 'dmg' });
    expect(config.win).toMatchObject({ target: 'nsis' });
    const png = readFileSync(join(root, config.icon as string));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('entry points after the build', () => {
  it('package.json main is the compiled main process, and it is packed', () => {
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(built(pkg.main)).toContain("'preload.cjs'");
    for (const path of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) expect(packed(path), path).toBe(true);
  });

  it('the preload is one CommonJS file that requires only electron and carries no zod', () => {
    const preload = built('dist/electron/preload.cjs');
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).not.toMatch(/safeParse|ZodError|ZodType|\$ZodType|z\.object/);
    expect(preload).toContain('exposeInMainWorld("pals"');
  });

  it('the renderer page loads only its own relative assets, all of them built', () => {
    const html = built('dist/renderer/index.html');
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^\.\//);
      expect(existsSync(join(root, 'dist', 'renderer', ref)), ref).toBe(true);
    }
  });
});
