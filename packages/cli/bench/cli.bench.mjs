/* eslint-disable no-console -- a benchmark prints its results on stdout */
// `ehealth-cert --version` and `--help` start-up against `node -e 0`, measured in one run (target:
// under 3x), and the time of the whole `ehealth-cert demo` (issue 7 benchmark). It runs the BUILT
// CLI (dist/cli.js), what `npx ehealth-cert` starts; `npm run bench` builds it first.
// Run: `npm run bench`, or `node packages/cli/bench/cli.bench.mjs [runs]`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error(`${cli} is missing: build first (npm run build)`);
  process.exit(1);
}
const RUNS = Number(process.argv[2] ?? 15);
const env = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' };

function once(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const cases = { 'node -e 0': ['-e', '0'], 'ehealth-cert --version': [cli, '--version'], 'ehealth-cert --help': [cli, '--help'] };
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (const args of Object.values(cases)) once(args); // warm the file cache
// Interleaved, so that a noisy moment on the machine hits every case alike.
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(once(args));

const baseline = median(samples['node -e 0']);
console.log(`start-up, median of ${RUNS} runs (interleaved):`);
let worst = 0;
for (const name of Object.keys(cases)) {
  const ms = median(samples[name]);
  const ratio = ms / baseline;
  if (name !== 'node -e 0') worst = Math.max(worst, ratio);
  console.log(`  ${name.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x node -e 0`);
}
console.log(`  target: under 3x -> ${worst < 3 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}x)`);

const demoRuns = Math.max(1, Math.min(3, Math.round(RUNS / 5)));
const demo = [];
for (let i = 0; i < demoRuns; i++) demo.push(once([cli, 'demo', '--json']));
console.log(`ehealth-cert demo (whole manual: fake card, request, issuance, completion, inspect), median of ${demoRuns}: ${(median(demo) / 1000).toFixed(2)} s`);
