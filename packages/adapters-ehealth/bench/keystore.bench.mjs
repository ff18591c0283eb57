/* eslint-disable no-console -- a benchmark prints its results on stdout */
// Keystore open/save vs `openssl pkcs12` on the same file and iteration count (issue 5 benchmark).
// Run: `npm run bench` from the root, or
// `node --conditions=source --import tsx packages/adapters-ehealth/bench/keystore.bench.mjs [iterations]`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pkcs12KeystoreVault } from '../src/keystore/Pkcs12KeystoreVault.ts';
import { writePkcs12 } from '../src/keystore/Pkcs12Writer.ts';
import { realisticKeystoreContent } from '../src/keystore/testing/realisticKeystoreContent.ts';

const ITERATIONS = Number(process.argv[2] ?? 100_000);
const RUNS = 7;
const PASSWORD = 'bench password';
const env = { ...process.env, BENCH_PASS: PASSWORD };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(fn) {
  await fn(); // warm-up
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
const pem = (label, der) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g).join('\n')}\n-----END ${label}-----\n`;

if (spawnSync('openssl', ['version']).status !== 0) {
  console.log('keystore bench: skipped, openssl is not on PATH');
  process.exit(0);
}

const folder = await mkdtemp(join(tmpdir(), 'ehealth-bench-'));
try {
  const full = realisticKeystoreContent();
  const auth = full.entries[0];
  const single = { entries: [auth] };
  const vault = new Pkcs12KeystoreVault({ environment: 'acc', folder, iterations: ITERATIONS });

  const fullPath = await vault.save('SSIN=85073003328', full, PASSWORD);
  const singlePath = await vault.save('SSIN=85073003329', single, PASSWORD);
  await writeFile(join(folder, 'key.pem'), pem('PRIVATE KEY', auth.privateKey));
  await writeFile(join(folder, 'chain.pem'), auth.chain.map((c) => pem('CERTIFICATE', c)).join(''));

  const openssl = (args) => execFileSync('openssl', ['pkcs12', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const opensslOpen = (path) => () => openssl(['-in', path, '-passin', 'env:BENCH_PASS', '-nodes', '-out', '/dev/null']);
  const opensslSave = () =>
    openssl(['-export', '-inkey', join(folder, 'key.pem'), '-in', join(folder, 'chain.pem'), '-name', 'authentication',
      '-iter', String(ITERATIONS), '-passout', 'env:BENCH_PASS', '-out', join(folder, 'openssl.p12')]);
  const noop = () => execFileSync('openssl', ['version'], { stdio: 'ignore' });

  const rows = [
    ['open full keystore (3 keys, 5 certs)', await time(() => vault.open(fullPath, PASSWORD)), await time(opensslOpen(fullPath))],
    ['open one key + chain', await time(() => vault.open(singlePath, PASSWORD)), await time(opensslOpen(singlePath))],
    ['save one key + chain (fsync file+dir)', await time(() => vault.save('SSIN=85073003329', single, PASSWORD)), await time(opensslSave)],
    ['encode one key + chain (no file I/O)', await time(() => writePkcs12(single, PASSWORD, { format: 'default', iterations: ITERATIONS, now: new Date() })), await time(opensslSave)],
    ['save full keystore (3 keys, 5 certs)', await time(() => vault.save('SSIN=85073003328', full, PASSWORD)), undefined],
  ];
  const startup = await time(noop);

  console.log(`\nkeystore bench: PBES2/AES-256 + HMAC-SHA256, ${ITERATIONS} iterations, median of ${RUNS} (ms)`);
  console.log('openssl pkcs12 -export neither fsyncs nor reads back; our save does both (crash safety)');
  console.log(`openssl process start-up alone (openssl version): ${startup.toFixed(1)} ms, included in the openssl column`);
  console.log('operation                               ours    openssl  ratio (target <= 2.0)');
  for (const [label, ours, theirs] of rows) {
    const ratio = theirs === undefined ? 'n/a (openssl -export writes one key)' : (ours / theirs).toFixed(2);
    console.log(`${label.padEnd(38)} ${ours.toFixed(1).padStart(7)}  ${theirs === undefined ? '      -' : theirs.toFixed(1).padStart(7)}  ${ratio}`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
