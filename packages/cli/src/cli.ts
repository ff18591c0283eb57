#!/usr/bin/env node
// The `ehealth-cert` executable: only the argument parser loads here; every command imports its
// heavy modules (pkijs, pkcs11js, msw, the simulator) when it runs (TOOLCHAIN.md 3, start-up time).
import { runCli } from './runCli.js';
import { ignoreBrokenPipe } from './terminal/ignoreBrokenPipe.js';

ignoreBrokenPipe(process.stdout);
ignoreBrokenPipe(process.stderr);

const abort = new AbortController();
process.once('SIGINT', () => {
  abort.abort();
  // A second Ctrl-C leaves at once, as the person expects.
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: abort.signal,
});
