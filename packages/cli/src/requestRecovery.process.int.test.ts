import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { provisionFakeEid, type FakeEid } from '@ehealth-cert/simulator';
import { startLoopbackSimulator, type LoopbackSimulator } from './test-support/loopbackSimulator.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// Issue 13, crash points of a request: the built `ehealth-cert` as a child process against
// `ehealth-sim serve` on a loopback port, killed with SIGKILL while GenerateCertificate is on its
// way. Every command here runs WITHOUT --env (nor EHEALTH_CERT_ENV) but `request --env acc`: the
// next commands must find the request and go to the environment recorded with it.
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const cliJs = join(root, 'packages', 'cli', 'dist', 'cli.js');
let dir: string;
let keystoreDir: string;
let card: FakeEid;
let simulator: LoopbackSimulator | undefined;
let base: string;
let caseNumber = 0;

function env(): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    LANG: 'en_US.UTF-8',
    HOME: dir,
    EHEALTH_CERT_ENDPOINT_BASE: base,
    EHEALTH_CERT_KEYSTORE_DIR: keystoreDir,
    SOFTHSM2_CONF: card.softhsmConf,
    EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
    EHEALTH_CERT_PIN: card.pin,
    EHEALTH_CERT_KEYSTORE_PASSWORD: 'horses-sleep-in-the-stable-7',
  };
}

async function ehealthCert(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cliJs, ...args], { env: env(), cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${path}`).toBe(true);
  return response.json();
}

const REQUEST = ['--env', 'acc', 'request', '--org', 'auto', '--org-index', '1', '--accept-terms', '--email-private', 'alice@example.org', '--email-general', 'info@ambulances.example.org', '--phone-private', '025550123', '--json'];

interface RecordedRequest {
  readonly reference: string;
  readonly lastStatus: string;
  readonly keystorePath: string;
  readonly environment: string;
}

async function records(): Promise<RecordedRequest[]> {
  const file = join(keystoreDir, 'pending-requests.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(await readFile(file, 'utf8')) as { requests: RecordedRequest[] }).requests;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts `request` and SIGKILLs it once `ready` says so; answers what `ready` found. */
async function requestKilledWhen<T>(ready: () => Promise<T | undefined>): Promise<T> {
  const child = spawn(process.execPath, [cliJs, ...REQUEST], { env: env(), cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  try {
    const found = await until('the crash point', async () => (child.exitCode !== null ? Promise.reject(new Error(`request ended first: ${stderr}`)) : ready()));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    return found;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(root, 'packages', 'cli')], { stdio: 'inherit' });
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-recovery-'));
  card = await provisionFakeEid({ dir: join(dir, 'card') });
  simulator = await startLoopbackSimulator(join(dir, 'sim-state.json'));
  base = simulator.base;
}, 120_000);

afterEach(async () => {
  await admin('DELETE', '/admin/faults');
  await admin('POST', '/admin/reset');
  caseNumber++;
  keystoreDir = join(dir, `keystore-${caseNumber}`);
});

afterAll(async () => {
  await simulator?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('a request killed (SIGKILL) while GenerateCertificate is on its way', () => {
  beforeAll(() => {
    keystoreDir = join(dir, 'keystore-0');
  });

  it('after eHealth registered it: status and complete find it in ACC, and a second request is refused naming it', async () => {
    // eHealth handles the request at once, then its answer takes 60 s: the CLI is killed before.
    await admin('POST', '/admin/faults', { operation: 'GenerateCertificate', kind: 'latency', latencyMs: 60_000 });
    const atEhealth = await requestKilledWhen(async () => {
      const certificates = (await admin('GET', '/admin/certificates')) as { publicKeyIdentifier: string }[];
      return certificates[0];
    });
    const [record] = await records();
    expect(record).toMatchObject({ reference: atEhealth.publicKeyIdentifier.toLowerCase(), lastStatus: 'sending', environment: 'acc' });
    expect(existsSync(record!.keystorePath)).toBe(true);
    await admin('DELETE', '/admin/faults');

    const status = await ehealthCert(['status', '--keystore', record!.keystorePath, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ environment: 'acc', source: 'keystore-request', reference: record!.reference, delivery: 'pending' });

    const complete = await ehealthCert(['complete', '--json']);
    expect(complete.code, complete.stderr).toBe(3);
    expect(JSON.parse(complete.stdout)).toMatchObject({ status: 'pending', reference: record!.reference, keystorePath: record!.keystorePath, environment: 'acc' });
    expect(complete.stderr).toContain('Environment acceptance');

    const again = await ehealthCert(REQUEST);
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toContain(record!.reference);
    expect(again.stderr).toContain(`ehealth-cert complete --env acc --keystore "${record!.keystorePath}"`);
    expect(again.stderr).toContain('--new-key');
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'REQUEST_UNFINISHED', exitCode: 2 } });
    expect((await admin('GET', '/admin/certificates')) as unknown[]).toHaveLength(1);
  });

  it('before eHealth got it: status lists it, complete finds eHealth does not know it, and a new request may go', async () => {
    // The request never reaches eHealth's handling (no answer at all): the CLI is killed meanwhile.
    await admin('POST', '/admin/faults', { operation: 'GenerateCertificate', kind: 'noAnswer' });
    const record = await requestKilledWhen(async () => (await records()).find((r) => r.lastStatus === 'sending'));
    expect((await admin('GET', '/admin/certificates')) as unknown[]).toHaveLength(0);
    await admin('DELETE', '/admin/faults');

    const again = await ehealthCert(REQUEST);
    expect(again.code, again.stderr).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'REQUEST_UNFINISHED', details: { reference: record.reference, state: 'sending' } } });

    const status = await ehealthCert(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      environment: 'acc',
      recordedRequests: [{ reference: record.reference, status: 'sending', keystorePath: record.keystorePath, environment: 'acc' }],
    });

    const complete = await ehealthCert(['complete', '--json']);
    expect(complete.code, complete.stderr).toBe(5);
    expect(complete.stderr).toContain('Environment acceptance');
    expect((await records()).find((r) => r.reference === record.reference)).toMatchObject({ lastStatus: 'refused' });

    const afterRefusal = await ehealthCert(REQUEST);
    expect(afterRefusal.code, afterRefusal.stderr).toBe(0);
    expect(JSON.parse(afterRefusal.stdout)).toMatchObject({ environment: 'acc', nextStep: expect.stringContaining('ehealth-cert complete --env acc --keystore') });
  });
});
