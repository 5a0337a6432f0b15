#!/usr/bin/env node
// `npm start` (after the build): runs the desktop app with the installed Electron binary, or,
// where that binary cannot be downloaded, the same UI through `pals serve` in the browser.
// Exit codes and signals are forwarded both ways.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process

let child;
if (binary) {
  child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
} else {
  process.stdout.write(
    'Electron is not installed on this machine (its binary could not be downloaded); serving the same UI with pals serve instead.\n',
  );
  const pals = fileURLToPath(new URL('./pals.js', import.meta.url));
  child = spawn(process.execPath, [pals, 'serve', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  process.stderr.write(`error: could not start ${binary ?? 'pals serve'}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
