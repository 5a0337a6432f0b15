import { defineConfig } from 'vitest/config';

// One config for the renderer build (added with the UI) and for vitest. Tests mirror the
// source zones; core tests run in Node against real files in temp folders.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
