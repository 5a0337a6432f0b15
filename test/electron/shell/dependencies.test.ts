/**
 * What ships is a dependency, and the package carries each copy once: every package the app's
 * sources import (main process, shared, renderer) is in `dependencies` (so `npm audit --omit=dev`
 * covers the sanitizer and React), nothing else is, and electron-builder.yml leaves out of the
 * asar exactly the packages only the renderer uses (vite bundles them into dist/renderer) and
 * none that the main process loads from node_modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
type LockEntry = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; dev?: boolean };
const lock = (JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> }).packages;
const files = (parse(read('electron-builder.yml')) as { files: string[] }).files;

/** Source files under a folder (tests and type declarations aside). */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The packages a folder's code loads at run time (type-only imports are erased, so they do not count). */
function importedPackages(dirs: readonly string[]): Set<string> {
  const found = new Set<string>();
  const patterns = [/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const file of dirs.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern)) {
        const spec = m[1]!;
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        found.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      }
  }
  return found;
}

/** The lockfile path a package's `dep` resolves to, as Node looks it up (nearest node_modules first). */
function resolveIn(from: string, dep: string): string {
  for (let base = from; ;) {
    const path = `${base ? `${base}/` : ''}node_modules/${dep}`;
    if (lock[path]) return path;
    if (!base) throw new Error(`${dep} (needed by ${from || 'the app'}) is not in package-lock.json`);
    const at = base.lastIndexOf('/node_modules/');
    base = at < 0 ? '' : base.slice(0, at);
  }
}

/** Every installed package path the given packages need, themselves included. */
function reachable(names: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...names].map((name) => resolveIn('', name));
  for (let path = todo.pop(); path !== undefined; path = todo.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = lock[path]!;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) todo.push(resolveIn(path, dep));
  }
  return seen;
}

/** The node_modules folders electron-builder.yml leaves out (`!node_modules/{a,b}/**` or `!node_modules/a/**`). */
function leftOut(): string[] {
  return files.flatMap((p) => {
    const m = /^!node_modules\/(?:\{([^}]+)\}|([^/{}*]+))\/\*\*$/.exec(p);
    return m ? (m[1] ?? m[2]!).split(',').map((name) => `node_modules/${name}/`) : [];
  });
}
const isLeftOut = (path: string) => leftOut().some((prefix) => `${path}/`.startsWith(prefix));

const mainProcess = importedPackages(['electron', 'shared']);
const renderer = importedPackages(['renderer/src']);
// Electron itself is a devDependency: electron-builder refuses it in `dependencies` and brings its own.
const shipped = new Set([...mainProcess, ...renderer].filter((name) => name !== 'electron'));

describe('dependencies', () => {
  it('lists every package the app imports (main process, shared, renderer), and electron stays a devDependency', () => {
    expect(renderer).toContain('dompurify');
    expect(mainProcess).toContain('@octokit/rest');
    const missing = [...shipped].filter((name) => !(name in pkg.dependencies));
    expect(missing, 'imported by the app but not in dependencies').toEqual([]);
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(pkg.dependencies).not.toHaveProperty('electron');
  });

  it('lists nothing the app does not import (build and test tools are devDependencies)', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !shipped.has(name))).toEqual([]);
  });

  it('marks nothing the app needs as dev-only in package-lock.json', () => {
    const devOnly = [...reachable(shipped)].filter((path) => lock[path]!.dev === true);
    expect(devOnly).toEqual([]);
  });
});

describe('electron-builder.yml and the node_modules it packs', () => {
  const forMain = reachable([...mainProcess].filter((name) => name !== 'electron'));
  const forRenderer = reachable(renderer);

  it('keeps every package the main process loads (a missing one would break the packaged app)', () => {
    expect(leftOut().length).toBeGreaterThan(0);
    expect([...forMain].filter(isLeftOut)).toEqual([]);
  });

  it('leaves out every package only the renderer uses: its bundle in dist/renderer already holds them', () => {
    const rendererOnly = [...forRenderer].filter((path) => !forMain.has(path));
    expect(rendererOnly).toContain('node_modules/react-dom');
    expect(rendererOnly.filter((path) => !isLeftOut(path))).toEqual([]);
  });
});
