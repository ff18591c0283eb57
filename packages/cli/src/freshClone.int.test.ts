import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The README's path on a fresh clone: `git clone`, `npm ci`, `npm run build`, then each of the three
// commands through `npx --no-install`, which runs only what `npm ci` linked in node_modules/.bin and
// never asks the registry for a package of that name. What is cloned is the committed HEAD of this
// repository (uncommitted changes are not part of a fresh clone). `npm ci --prefer-offline` reuses
// the npm cache of this machine, so the test costs an install and a build (about a minute), not a
// download.
const root = join(import.meta.dirname, '..', '..', '..');
const COMMANDS = [
  { command: 'ehealth-cert', args: ['--version'], expected: /^\d+\.\d+\.\d+\s*$/ },
  { command: 'ehealth-cert-api', args: ['--help'], expected: /^Usage: ehealth-cert-api/ },
  { command: 'ehealth-sim', args: ['--help'], expected: /^usage: ehealth-sim/ },
] as const;

let clone: string;
let work: string;

function run(command: string, args: readonly string[]) {
  // The clone's own environment: no npm_* variables of the `npm test` that runs this file.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return spawnSync(command, args, { cwd: clone, env: { ...env, npm_config_update_notifier: 'false' }, encoding: 'utf8', timeout: 300_000 });
}

function npx(command: string, args: readonly string[]) {
  return run('npx', ['--no-install', command, ...args]);
}

describe('a fresh clone', () => {
  beforeAll(() => {
    expect(existsSync(join(root, '.git')), 'this test clones the repository: run it from a git work tree').toBe(true);
    work = mkdtempSync(join(tmpdir(), 'ehealth-cert-fresh-clone-'));
    clone = join(work, 'ehealth-cert');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone], { stdio: 'pipe' });
    const install = run('npm', ['ci', '--no-fund', '--no-audit', '--prefer-offline']);
    expect(install.status, install.stderr).toBe(0);
  }, 300_000);

  // Removing a clone with its node_modules takes more than vitest's default 60 s hook time on a
  // loaded 2-core machine (seen in CI).
  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it('links the three commands, which name `npm run build` until the build has run', () => {
    for (const { command, args } of COMMANDS) {
      const result = npx(command, args);
      expect(result.status, `${command}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(`${command}: not built yet`);
      expect(result.stderr).toContain('run `npm run build`');
    }
  }, 120_000);

  it('runs each command through `npx --no-install` after `npm run build`, from dist/ without tests', () => {
    const build = run('npm', ['run', 'build']);
    expect(build.status, build.stderr).toBe(0);
    for (const { command, args, expected } of COMMANDS) {
      const result = npx(command, args);
      expect(result.status, `${command}: ${result.stderr}`).toBe(0);
      // ehealth-sim writes its usage on stderr.
      expect(`${result.stdout}${result.stderr}`).toMatch(expected);
    }
    // Builds ship no tests and no test helpers (tsconfig.build.json of each package).
    const shipped = execFileSync('find', ['packages', '-path', '*/dist/*', '(', '-name', '*.test.*', '-o', '-path', '*/testing/*', '-o', '-path', '*/test-support/*', ')'], {
      cwd: clone,
      encoding: 'utf8',
    });
    expect(shipped).toBe('');
    expect(existsSync(join(clone, 'packages', 'cli', 'dist', 'cli.js'))).toBe(true);
    // The web wizard's static files, which ehealth-cert-api serves at /ui/.
    expect(existsSync(join(clone, 'packages', 'web-wizard', 'dist', 'ui', 'index.html'))).toBe(true);
  }, 300_000);
});
