#!/usr/bin/env node
// `npm run bench`: runs every `packages/*/bench/*.bench.mjs` in turn, each in its own process so one
// benchmark's warm caches and garbage do not skew the next. Benchmarks import TypeScript sources
// through tsx with the `source` export condition (the same resolution as vitest), so they run
// without a build. Extra arguments are passed to every benchmark.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');
const benches = readdirSync(packagesDir)
  .sort()
  .flatMap((pkg) => {
    const dir = join(packagesDir, pkg, 'bench');
    try {
      return readdirSync(dir).filter((name) => name.endsWith('.bench.mjs')).sort().map((name) => join(dir, name));
    } catch {
      return [];
    }
  });

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${relative(root, bench)}`);
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', bench, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.error(`${relative(root, bench)} failed (exit ${result.status ?? result.signal})`);
  }
}
if (benches.length === 0) console.log('no benchmarks found (packages/*/bench/*.bench.mjs)');
process.exitCode = failed > 0 ? 1 : 0;
