#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over electron/ and renderer/src/.
// Usage: node tools/electronegativity/scan.mjs   (npm run scan:electron; installs nothing)
//
// - It runs offline: the tool fetches translations from the network at start, so `got` is
//   replaced by a stub that fails at once (the bundled en-US strings are used), and the one
//   network check, AvailableSecurityFixesGlobalCheck, is excluded.
// - Both folders are copied into one temp folder and scanned together, so the global checks
//   (CSP, ...) see the whole app, with the Electron version from package.json.
// - Exit 0 with no findings; 1 with findings or files the tool could not parse (a file it
//   cannot read is a file it did not check). A finding that is a false positive is silenced
//   where it is, with `// eng-disable CHECK_ID` and the reason on the line above.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(here, 'package.json'));
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const SCANNED = ['electron', 'renderer/src', 'renderer/index.html'];

let runner;
try {
  // Stub the HTTP client before the tool loads it: no request leaves the machine.
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'got') return () => Promise.reject(new Error('offline'));
    return load.call(this, request, ...rest);
  };
  runner = require('@doyensec/electronegativity/dist/runner.js');
} catch {
  console.error('error: electronegativity is not installed; run `npm ci --prefix tools/electronegativity` first');
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
const staged = mkdtempSync(join(tmpdir(), 'pals-eng-'));
const started = Date.now();
try {
  for (const part of SCANNED) cpSync(join(root, part), join(staged, part), { recursive: true });
  const quiet = console.log;
  console.log = () => undefined; // the tool's "could not retrieve translations" line
  let result;
  try {
    result = await runner({
      input: staged,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED,
      electronVersionOverride: electronVersion || undefined,
      parserPlugins: [],
    });
  } finally {
    console.log = quiet;
  }
  const failedFiles = result.errors.filter((e) => !e.tolerable);
  for (const issue of result.issues) {
    const where = issue.file === 'N/A' ? 'whole app' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
    console.log(`${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where}: ${issue.description} ${issue.shortenedURL}`);
  }
  for (const e of failedFiles) console.log(`could not parse ${e.file}: ${e.message}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}): ` +
      `${result.globalChecks + result.atomicChecks} checks over ${SCANNED.join(', ')}, excluding ${EXCLUDED.join(', ')}; ` +
      `${result.issues.length} findings, ${failedFiles.length} unparsed files, ${seconds} s`,
  );
  process.exitCode = result.issues.length > 0 || failedFiles.length > 0 ? 1 : 0;
} finally {
  rmSync(staged, { recursive: true, force: true });
}
