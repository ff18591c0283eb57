import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, SIMULATOR_STATE_FILE, startInProcessSimulator, type FakeEid } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { captureIo } from '../test-support/captureIo.js';
import { simCardEnv } from '../test-support/simCardEnv.js';
import { SIM_STATE_FOLDER } from '@ehealth-cert/composition';

// `--env sim` without EHEALTH_CERT_SIM_STATE_DIR nor a simulator handed in: each runCli is a
// separate run of `ehealth-cert` with its own in-process simulator, as from a shell.
let dir: string;
let card: FakeEid;
let env: Record<string, string>;
const CONTACT = ['--email-private', 'alice@example.org', '--email-general', 'info@ambulance.example.org', '--phone-private', '02 555 01 23'];

async function cli(argv: readonly string[]) {
  const run = captureIo(env, dir);
  const code = await runCli(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehealth-cert-sim-state-'));
  card = await provisionFakeEid({ dir: join(dir, 'card') });
  env = simCardEnv(dir, card, { lang: 'en_US.UTF-8', password: 'horses-sleep-in-the-stable-7' });
}, 60_000);

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('the in-process simulator of --env sim between separate runs', () => {
  it('keeps its state beside the keystores (0700), so that request, complete and status meet the same eHealth', async () => {
    const requested = await cli(['request', '--org', 'auto', '--org-index', '1', '--accept-terms', ...CONTACT, '--json']);
    expect(requested.code, requested.stderr).toBe(0);
    const { reference, keystorePath } = JSON.parse(requested.stdout) as { reference: string; keystorePath: string };
    const stateDir = join(dir, 'keystore', SIM_STATE_FOLDER);
    expect(existsSync(join(stateDir, SIMULATOR_STATE_FILE))).toBe(true);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);

    // Another run: the request is known (pending, exit 3), not UNKNOWN_PUBLIC_KEY_IDENTIFIER (exit 5).
    const pending = await cli(['complete', '--keystore', keystorePath]);
    expect(pending.code, pending.stderr).toBe(3);

    // The simulated clock moves past the issuing delay in the saved state (the admin side).
    const admin = await startInProcessSimulator({ stateDir });
    await admin.advance(admin.issuanceDelayMs + 60_000);
    await admin.close();

    const completed = await cli(['complete', '--keystore', keystorePath, '--json']);
    expect(completed.code, completed.stderr).toBe(0);
    expect(JSON.parse(completed.stdout)).toMatchObject({ status: 'completed', reference });

    const status = await cli(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(reference);
  });
});
