#!/usr/bin/env node
// Set-up that the README's two commands include, so that they work on a fresh clone:
// system packages (SoftHSM2, OpenSC, libxml2-utils, xmlsec1), `npm ci`, the TypeScript build and
// the web wizard's static files.
// System packages are installed with apt-get when we are root; otherwise we name what is missing.
// `--tests` adds the tools only the tests use; `--system-packages-only` stops after the system
// packages (`.ci/run`, before its own `npm ci`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const required = [
  { command: 'softhsm2-util', file: '/usr/lib/softhsm/libsofthsm2.so', pkg: 'softhsm2', why: 'fake eID cards' },
  { command: 'pkcs11-tool', pkg: 'opensc', why: 'reading fake and real cards from the shell' },
  { command: 'xmllint', pkg: 'libxml2-utils', why: 'XSD validation of SOAP messages' },
  { command: 'xmlsec1', pkg: 'xmlsec1', why: 'independent XML signature checks' },
];
// Only `npm test` needs these: interop checks against OpenSSL and Java's keytool (some tests call
// them unconditionally), and the wizard driven in a real terminal (skipped without tmux).
const requiredForTests = [
  { command: 'openssl', pkg: 'openssl', why: 'certificate, keystore and TLS interop tests' },
  { command: 'keytool', pkg: 'default-jre-headless', why: 'Java keystore interop tests' },
  { command: 'tmux', pkg: 'tmux', why: 'the wizard test in a real terminal' },
  { command: 'chromium', file: '/usr/bin/chromium', pkg: 'chromium', why: 'the web wizard features in a real (headless) browser' },
];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const wanted = process.argv.includes('--tests') ? [...required, ...requiredForTests] : required;
const missing = wanted.filter((r) => !has(r.command) || (r.file && !existsSync(r.file)));

if (missing.length > 0) {
  const pkgs = [...new Set(missing.map((m) => m.pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.error(`ehealth-cert set-up: installing ${pkgs.join(' ')} with apt-get`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    for (const m of missing) console.error(`missing: ${m.command} (Debian package ${m.pkg}), needed for ${m.why}`);
    console.error(`install them with: sudo apt-get install ${pkgs.join(' ')}`);
    process.exit(1);
  }
}
if (process.argv.includes('--system-packages-only')) process.exit(0);

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.error('ehealth-cert set-up: npm ci');
  execFileSync('npm', ['ci', '--no-fund', '--no-audit'], { cwd: root, stdio: 'inherit' });
}

// Incremental: nearly free when the build is up to date. Builds dist/ only (tsconfig.build.json:
// no tests); `npm run typecheck` checks the tests too. The commands' launchers (packages/*/bin/)
// are committed, so `npm ci` has linked them already.
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

// The web wizard's static files (served by ehealth-cert-api at /ui/): built again only when a
// source is newer than the built page (vite takes a few seconds on this machine).
const wizard = join(root, 'packages', 'web-wizard');
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
const builtPage = join(wizard, 'dist', 'ui', 'index.html');
const sources = Math.max(newest(join(wizard, 'src')), ...['index.html', 'vite.config.mjs'].map((f) => statSync(join(wizard, f)).mtimeMs));
if (!existsSync(builtPage) || statSync(builtPage).mtimeMs < sources) {
  execFileSync('npm', ['run', 'build', '--workspace', '@ehealth-cert/web-wizard'], { cwd: root, stdio: 'inherit' });
}
