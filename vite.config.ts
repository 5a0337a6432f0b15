import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const testConfigDir = join(tmpdir(), `security-pals-desk-test-config-${String(process.getuid?.() ?? 'user')}`);

// One config, three jobs:
// - `vite build` builds the renderer into dist/renderer (served by `pals serve` and the app's protocol);
// - `vite build --mode preload` bundles electron/preload.ts into one CommonJS file (a sandboxed
//   preload cannot load ES modules);
// - `vite build --mode cli` bundles the `pals` command line (electron/cli/pals.ts and everything
//   it loads eagerly, dependencies included) into one module, so a command starts without
//   resolving hundreds of files; what a command loads on use (the web server, Octokit, marp-core)
//   becomes chunks beside it, loaded only by the commands that need them;
// - vitest runs the tests (Node for the core, jsdom for components).
export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    return {
      // Nothing from the renderer's public folder: this build is for Node.
      publicDir: false,
      build: {
        outDir: here('dist/cli'),
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        ssr: here('electron/cli/pals.ts'),
        rolldownOptions: {
          output: {
            entryFileNames: 'pals.js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            // A few chunks, one per thing loaded on use, instead of one per shared module: each
            // chunk is a module the loader must resolve at start.
            codeSplitting: {
              groups: [
                {
                  name: 'octokit',
                  test: /node_modules[\\/](@octokit|before-after-hook|universal-user-agent|fast-content-type-parse)[\\/]/,
                },
                {
                  name: 'marp',
                  test: /node_modules[\\/](@marp-team|markdown-it|highlight\.js|postcss|mdurl|entities|linkify-it|uc\.micro|punycode)/,
                },
              ],
            },
          },
        },
      },
      ssr: { noExternal: true, target: 'node' },
    };
  }
  if (mode === 'preload') {
    return {
      build: {
        outDir: here('dist/electron'),
        emptyOutDir: false,
        minify: false,
        lib: { entry: here('electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
        rolldownOptions: { external: ['electron'] },
      },
    };
  }
  return {
    root: here('renderer'),
    base: './',
    plugins: [react()],
    build: { outDir: here('dist/renderer'), emptyOutDir: true, sourcemap: true },
    test: {
      root: here('.'),
      pool: 'forks',
      // The seal key (electron/core/store/seal-key.ts) of every test and every process it starts:
      // never the user's own ~/.config. Dates are the local calendar day (shared/dates.ts): tests
      // run in UTC unless they set a zone themselves (test/shared/local-day.test.ts).
      env: { PALS_CONFIG_DIR: testConfigDir, TZ: 'UTC' },
      // expect.poll waits for a state; 1 s (vitest's default) is a tight deadline on a loaded machine.
      expect: { poll: { timeout: 15_000 } },
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
            exclude: ['test/e2e/**'],
            testTimeout: 30_000,
            hookTimeout: 30_000,
          },
        },
        {
          // The browser suites drive one real Chromium each; run them one file at a time.
          test: {
            name: 'e2e',
            root: here('.'),
            env: { PALS_CONFIG_DIR: testConfigDir, TZ: 'UTC' },
            include: ['test/e2e/**/*.test.ts'],
            expect: { poll: { timeout: 15_000 } },
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  };
});
