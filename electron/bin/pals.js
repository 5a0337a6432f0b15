#!/usr/bin/env node
// Launcher for the `pals` command: runs the bundled CLI (one module, built by `npm run build`),
// or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../dist/cli/pals.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('error: pals is not built yet; run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(1);
}
await import(entry.href);
