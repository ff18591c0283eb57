import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { captureIo } from '../test-support/captureIo.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-demo-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function demo(...args: string[]) {
  const run = captureIo({ LANG: 'fr_BE.UTF-8', HOME: dir }, dir);
  const code = await runCli(['demo', ...args], run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('ehealth-cert demo', () => {
  it('walks the whole manual, automatic path, and prints every step in the chosen language', async () => {
    const run = await demo();
    expect(run.code, run.stderr).toBe(0);
    for (const step of ['1', '2', '3', '4', '5', '6', '7', '8A', '9A', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19']) {
      expect(run.stdout).toContain(`Étape ${step} `);
    }
    // The demo runs on the simulator whatever --env / EHEALTH_CERT_ENV says (default prd).
    expect(run.stdout).toContain('Étape 1 : démarrez ehealth-cert (simulateur)');
    expect(run.stdout).not.toContain('(PRD)');
    expect(run.stdout).toContain('Contenu du nouveau keystore');
    expect(run.stdout).toContain('Numéros des ETK');
    // The final screen says until when the certificate is valid and when renewal opens (long dates).
    expect(run.stdout).toMatch(/Valable jusqu'au \d{1,2} \p{L}+ \d{4}\. Le renouvellement sera possible à partir du \d{1,2} \p{L}+ \d{4}/u);
  });

  it('keeps card, simulator state and keystore with --dir, reports them with --json, and runs again in the same folder', async () => {
    const kept = join(dir, 'kept');
    const first = await demo('--dir', kept, '--json');
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { keystorePath: string; keystorePassword: string; reference: string; steps: string[] };
    expect(report.reference).toMatch(/^[0-9a-f]{40}$/);
    expect(report.keystorePassword.length).toBeGreaterThanOrEqual(12);
    expect(existsSync(report.keystorePath)).toBe(true);
    expect(existsSync(join(kept, 'simulator-state.json'))).toBe(true);
    expect(existsSync(join(kept, 'card', 'softhsm2.conf'))).toBe(true);
    expect(report.steps).toContain('19');

    const inspect = captureIo({ LANG: 'en_US.UTF-8', HOME: dir, EHEALTH_CERT_KEYSTORE_PASSWORD: report.keystorePassword, EHEALTH_CERT_ENV: 'sim' }, dir);
    expect(await runCli(['inspect', report.keystorePath, '--json'], inspect.io)).toBe(0);
    expect(JSON.parse(inspect.stdout())).toMatchObject({ authentication: { state: 'issued', reference: report.reference } });

    const again = await demo('--dir', kept, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { reference: string }).reference).not.toBe(report.reference);
  });
});
