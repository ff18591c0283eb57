#!/usr/bin/env node
// Runs the features once per profile given (default: every CI profile), one after the other, with
// TypeScript loaded by tsx and workspace packages resolved to their sources (TOOLCHAIN.md 3:
// `--import tsx`, the `source` export condition; cucumber's `loader` option does not work with tsx).
// Extra cucumber arguments follow `--`, e.g. `node run-features.mjs cli -- --name "PIN"`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dash = process.argv.indexOf('--');
const names = (dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash)).filter(Boolean);
const after = dash < 0 ? [] : process.argv.slice(dash + 1);
// Feature files (with an optional :line) among the extra arguments replace the profile's paths.
const isFeature = (arg) => /\.feature(:\d+)*$/.test(arg);
const chosen = after.filter(isFeature);
const extra = after.filter((arg) => !isFeature(arg));
const profiles = names.length > 0 ? names : ['usecases', 'api', 'cli', 'processus', 'web'];
// Two workers: the machine has two cores; the child-process profile runs alone.
const parallel = (profile) => (profile === 'processus' || profile === 'live' ? [] : ['--parallel', process.env.FEATURES_PARALLEL ?? '2']);
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx --conditions=source`.trim(),
  ...(chosen.length > 0 ? { FEATURES_PATHS: chosen.join('\n') } : {}),
};
const cucumber = join(here, '..', 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');

for (const profile of profiles) {
  const started = Date.now();
  console.log(`\n=== features, profile ${profile}`);
  const run = spawnSync(process.execPath, [cucumber, '--profile', profile, ...parallel(profile), ...extra], {
    cwd: here,
    env: { ...env, FEATURES_PROFILE: profile },
    stdio: 'inherit',
  });
  console.log(`=== profile ${profile}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
