import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, startInProcessSimulator, type FakeEid, type StartedInProcessSimulator } from '@ehealth-cert/simulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { runCli } from './runCli.js';
import { captureIo } from './test-support/captureIo.js';
import { simCardEnv } from './test-support/simCardEnv.js';

/**
 * Issue 13, "Bad input, every front end alike": hostile input through `ehealth-cert request`
 * (in-process, the real SOAP client, keystore folder and a SoftHSM fake eID, against the
 * simulator). Each ends with exit 2 (README "ehealth-cert exit codes": bad input) and an
 * INVALID_INPUT naming the field and the rule; no keystore (so no key) is written and nothing
 * about the request reaches the simulator.
 */
let dir: string;
let card: FakeEid;
let simulator: StartedInProcessSimulator;
let env: Record<string, string>;
let received: MockInstance;
const CONTACT = ['--email-private', 'alice@example.org', '--email-general', 'info@exemple.example.org', '--phone-private', '02 555 01 23'];
/** An eHealth-identified organisation (EHP): the simulator allows it the base services tsa and other only. */
const EHP = ['--org', 'EHP=1990001916'];

async function request(args: readonly string[]) {
  const run = captureIo(env);
  const code = await runCli(['request', '--accept-terms', '--json', ...CONTACT, ...args], run.io, { adapters: { simulator } });
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

const soapActions = () => received.mock.calls.map(([call]) => String((call as { soapAction?: string }).soapAction ?? '').replace(/"/g, '').split(':').pop());
/** The keystores (`.p12`, `.sim-p12`...) and secret-key files: a key is only ever kept in one. */
const keptKeys = async () => (await readdir(join(dir, 'keystore')).catch(() => [])).filter((name) => /p12$|secret-key/.test(name));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-hostile-'));
  card = await provisionFakeEid({ dir: join(dir, 'card') });
  env = simCardEnv(dir, card, { lang: 'en_US.UTF-8', password: 'paarden-staan-op-stal-42' });
  simulator = await startInProcessSimulator();
});
beforeEach(() => {
  received = vi.spyOn(simulator.simulator, 'handle');
});
afterEach(() => received.mockRestore());
afterAll(async () => {
  await simulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hostile input through ehealth-cert request', () => {
  it.each([
    ['a 100 000-character organisation name', 'A'.repeat(100_000), 'max-length'],
    ['a name with a newline', 'Exemple\nSA', 'control-character'],
    ['a name with a bidi override', 'Exemple \u202eAS', 'control-character'],
  ])('refuses %s with exit 2 and INVALID_INPUT naming --org-name and the rule, before the card or eHealth', async (_title, name, rule) => {
    const run = await request([...EHP, '--org-name', name]);
    expect(run.code, run.stderr).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; exitCode: number; message: string; details: Record<string, unknown> } };
    expect(error).toMatchObject({ code: 'INVALID_INPUT', exitCode: 2, details: { field: 'officialName', flag: '--org-name', rule } });
    expect(error.message).toMatch(/--org-name/);
    expect(run.stderr.length).toBeLessThan(1000);
    expect(received).not.toHaveBeenCalled();
    expect(await keptKeys()).toEqual([]);
  });

  it('refuses a base service that is no token with exit 2, before the card or eHealth', async () => {
    const run = await request([...EHP, '--org-name', 'Exemple SA', '--base-service', 'consult rn']);
    expect(run.code, run.stderr).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'baseServiceUsages[0]', flag: '--base-service', rule: 'base-service' } });
    expect(received).not.toHaveBeenCalled();
    expect(await keptKeys()).toEqual([]);
  });

  it('refuses a base service eHealth does not allow for the organisation type with exit 2, before a key or GenerateContract', async () => {
    const run = await request([...EHP, '--org-name', 'Exemple SA', '--base-service', 'consultrn']);
    expect(run.code, run.stderr).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { message: string; details: Record<string, unknown> } };
    expect(error.details).toMatchObject({ field: 'baseServiceUsages[0]', value: 'consultrn', rule: 'available-base-service', allowed: ['tsa', 'other'] });
    expect(error.message).toMatch(/consultrn.*EHP.*tsa, other/);
    // Only the anonymous list of organisation types was read (manual step 8M, then core's check).
    expect(soapActions().length).toBeGreaterThan(0);
    expect(new Set(soapActions())).toEqual(new Set(['getGenericOrganizationTypes']));
    expect(await keptKeys()).toEqual([]);
  });

  it('sends the request once the base service is allowed (the spy sees what reaches the simulator)', async () => {
    const run = await request([...EHP, '--org-name', 'Exemple SA', '--base-service', 'tsa']);
    expect(run.code, run.stderr).toBe(0);
    expect(soapActions()).toEqual(expect.arrayContaining(['getGenericOrganizationTypes', 'generateContract', 'generatecertificate']));
    expect(await keptKeys()).toHaveLength(2);
  });
});
