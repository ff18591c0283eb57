import type { InProcessSimulator } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { captureIo } from '../test-support/captureIo.js';
import { SIM_CONTACT, startSimCli, stopSimCli } from '../test-support/simCli.js';

// Beyond the manual: waiting with --wait, a refused duplicate, the card-wide status, renewal in
// the last three months, and the activation of the replacement ETK (DOMAIN.md 2.5, 4.3).
let dir: string;
let simulator: InProcessSimulator;
let env: Record<string, string>;
const CONTACT = SIM_CONTACT;
const DAY = 24 * 3600 * 1000;

async function cli(argv: readonly string[], options: { readonly terminal?: boolean } = {}) {
  const run = captureIo(env);
  // A terminal on stderr: the progress of `complete --wait` is then one line rewritten in place.
  if (options.terminal === true) Object.assign(run.io.stderr, { isTTY: true });
  const code = await runCli(argv, run.io, { adapters: { simulator } });
  return { code, stdout: run.stdout(), stderr: run.stderr(), json: () => JSON.parse(run.stdout()) as Record<string, unknown> };
}

beforeAll(async () => {
  ({ dir, env, simulator } = await startSimCli('ehealth-cert-lifecycle-', { lang: 'nl_BE.UTF-8', password: 'paarden-staan-op-stal-42' }));
});

afterAll(() => stopSimCli({ dir, simulator }));

describe('certificate life cycle through ehealth-cert', () => {
  it('waits with --wait until eHealth issues, then renews in the last three months and activates the new ETK', async () => {
    const requested = await cli(['request', '--org', 'auto', '--org-index', '2', '--accept-terms', ...CONTACT, '--json']);
    expect(requested.code, requested.stderr).toBe(0);

    // eHealth issues while `complete --wait` polls.
    const issue = setTimeout(() => void simulator.advance(simulator.issuanceDelayMs + 60_000), 1500);
    const waited = await cli(['complete', '--wait', '--interval', '1', '--json']);
    clearTimeout(issue);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stderr).toContain('Wachten tot eHealth het certificaat aanmaakt');
    // Without a terminal (a log file): one plain line per check, no cursor control.
    const waitingLines = waited.stderr.split('\n').filter((l) => l.includes('Wachten tot eHealth'));
    expect(waitingLines.length).toBeGreaterThanOrEqual(1);
    expect(waitingLines).toHaveLength(waited.stderr.match(/Wachten tot eHealth/g)?.length ?? 0);
    expect(waited.stderr).not.toContain('\r');
    const first = waited.json() as { keystorePath: string; toBeActivated: boolean };
    expect(first.toBeActivated).toBe(false);

    // A second request for the same DN while the first is active: eHealth refuses (exit 5).
    const duplicate = await cli(['request', '--org', 'auto', '--org-index', '2', '--accept-terms', ...CONTACT]);
    expect(duplicate.code).toBe(5);
    expect(duplicate.stderr).toContain('Geweigerd door eHealth');

    const status = await cli(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.json()).toMatchObject({ source: 'card', certificates: expect.arrayContaining([expect.objectContaining({ info: expect.objectContaining({ status: 'VALID_ACTIVE' }) })]) });

    // Into the replacement period (the last three months of three years).
    await simulator.advance(3 * 365 * DAY - 60 * DAY);
    const renewed = await cli(['renew', '--keystore', first.keystorePath, '--accept-terms', ...CONTACT, '--json']);
    expect(renewed.code, renewed.stderr).toBe(0);
    const renewal = renewed.json() as { keystorePath: string; reference: string };
    const issueRenewal = setTimeout(() => void simulator.advance(simulator.issuanceDelayMs + 60_000), 3500);
    const completed = await cli(['complete', '--keystore', renewal.keystorePath, '--wait', '--interval', '1', '--json'], { terminal: true });
    clearTimeout(issueRenewal);
    expect(completed.code, completed.stderr).toBe(0);
    // On a terminal: several checks, all on one status line rewritten in place (no line per check).
    expect(completed.stderr.match(/Wachten tot eHealth/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(completed.stderr).toContain('\r\x1b[K');
    expect(completed.stderr).not.toContain('\n');
    const second = completed.json() as { keystorePath: string; toBeActivated: boolean };
    expect(second.toBeActivated).toBe(true);

    const activated = await cli(['activate-etk', '--keystore', second.keystorePath, '--json']);
    expect(activated.code, activated.stderr).toBe(0);
    expect(activated.json()).toMatchObject({ status: 'activated' });
  });
});
