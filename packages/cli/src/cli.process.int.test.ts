import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { provisionFakeEid, type FakeEid } from '@ehealth-cert/simulator';
import { startLoopbackSimulator, type LoopbackSimulator } from './test-support/loopbackSimulator.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built `ehealth-cert` (dist/cli.js, what `npx ehealth-cert` runs) as a child process against
// `ehealth-sim serve` on a loopback port: msw cannot reach another process (ARCHITECTURE.md).
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const cliJs = join(root, 'packages', 'cli', 'dist', 'cli.js');
let dir: string;
let card: FakeEid;
let simulator: LoopbackSimulator | undefined;
let base: string;

async function ehealthCert(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env['PATH'],
    LANG: 'en_US.UTF-8',
    HOME: dir,
    EHEALTH_CERT_ENV: 'sim',
    EHEALTH_CERT_ENDPOINT_BASE: base,
    EHEALTH_CERT_KEYSTORE_DIR: join(dir, 'keystore'),
    SOFTHSM2_CONF: card.softhsmConf,
    EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
    EHEALTH_CERT_PIN: card.pin,
    EHEALTH_CERT_KEYSTORE_PASSWORD: 'horses-sleep-in-the-stable-7',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [cliJs, ...args], { env, cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  // The test is about the shipped build: compile it first (incremental, quick when up to date).
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(root, 'packages', 'cli')], { stdio: 'inherit' });
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-process-'));
  card = await provisionFakeEid({ dir: join(dir, 'card') });
  simulator = await startLoopbackSimulator(join(dir, 'sim-state.json'));
  base = simulator.base;
}, 120_000);

afterAll(async () => {
  // The simulator writes its state file on SIGTERM: remove the folder once it has exited.
  await simulator?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('the built ehealth-cert against ehealth-sim serve', () => {
  it('requests, waits (exit 3), and completes once the simulator has issued the certificate', async () => {
    const card = await ehealthCert(['card', '--json']);
    expect(card.code, card.stderr).toBe(0);

    const requested = await ehealthCert([
      'request', '--org', 'auto', '--org-index', '1', '--accept-terms',
      '--email-private', 'alice@example.org', '--email-general', 'info@ambulances.example.org', '--phone-private', '025550123', '--json',
    ]);
    expect(requested.code, requested.stderr).toBe(0);
    const { reference, keystorePath } = JSON.parse(requested.stdout) as { reference: string; keystorePath: string };

    const pending = await ehealthCert(['complete', '--keystore', keystorePath]);
    expect(pending.code).toBe(3);
    expect(pending.stderr).toContain('Not yet: eHealth has not made the certificate');

    const advanced = await fetch(`${base}/admin/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds: 3600 }) });
    expect(advanced.ok).toBe(true);

    const completed = await ehealthCert(['complete', '--keystore', keystorePath, '--json']);
    expect(completed.code, completed.stderr).toBe(0);
    expect(JSON.parse(completed.stdout)).toMatchObject({ status: 'completed', reference });
  });
});

describe('the built ehealth-cert writing into a closed pipe (`ehealth-cert --help | head -0`)', () => {
  it('stops writing quietly on EPIPE and exits as usual, without an "Unhandled \'error\' event"', async () => {
    const child = spawn(process.execPath, [cliJs, '--help'], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'], LANG: 'C' } });
    // The reader goes away before the CLI writes its first line.
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toContain('Unhandled');
    expect(code).toBe(0);
  });
});
