import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulatorCli } from './runSimulatorCli.js';

function capture() {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  return { out, output: { stdout: (line: string) => out.stdout.push(line), stderr: (line: string) => out.stderr.push(line) } };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ehealth-sim-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('ehealth-sim card', () => {
  it('creates a fake card and prints the environment lines to use it', async () => {
    const { out, output } = capture();
    const dir = join(root, 'card');
    const status = await runSimulatorCli(['card', 'create', '--dir', dir, '--generation', 'ecp384', '--ssin', '90022500183', '--given', 'Bruno', '--surname', 'Tweedekaart'], output);
    expect(status).toBe(0);
    expect(out.stdout).toEqual([`SOFTHSM2_CONF=${join(dir, 'softhsm2.conf')}`, expect.stringMatching(/^EHEALTH_CERT_PKCS11_MODULE=\/.*libsofthsm2\.so$/u)]);
    expect(out.stderr.join('\n')).toMatch(/\(ecp384\) for Bruno Tweedekaart, SSIN 90022500183/u);
  });

  it('pulls the cards of a folder out and inserts them again', async () => {
    const dir = join(root, 'card');
    expect(await runSimulatorCli(['card', 'pull-out', '--dir', dir], capture().output)).toBe(0);
    expect(existsSync(join(dir, 'card-removed'))).toBe(true);
    expect(await runSimulatorCli(['card', 'insert', '--dir', dir], capture().output)).toBe(0);
    expect(existsSync(join(dir, 'card-removed'))).toBe(false);
  });

  it('exits 2 with the usage on a missing --dir, an unknown generation or an unknown subcommand', async () => {
    const missing = capture();
    expect(await runSimulatorCli(['card', 'create'], missing.output)).toBe(2);
    expect(missing.out.stderr[0]).toContain('usage: ehealth-sim card create --dir DIR');
    const generation = capture();
    expect(await runSimulatorCli(['card', 'create', '--dir', join(root, 'x'), '--generation', 'rsa1024'], generation.output)).toBe(2);
    expect(generation.out.stderr).toEqual(['--generation "rsa1024" must be rsa2048 or ecp384']);
    const unknown = capture();
    expect(await runSimulatorCli(['frobnicate'], unknown.output)).toBe(2);
    expect(unknown.out.stderr.join('\n')).toContain('card');
  });

  it('exits 1 with the reason when the card cannot be made', async () => {
    const { out, output } = capture();
    expect(await runSimulatorCli(['card', 'create', '--dir', join(root, 'bad'), '--pin', '12'], output)).toBe(1);
    expect(out.stderr).toEqual(['ehealth-sim card: pin must be 4 to 12 digits, like the eID PIN']);
  });
});
