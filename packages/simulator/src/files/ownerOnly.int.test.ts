import { execFile } from 'node:child_process';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XsdValidator } from '../ehealth/xml/XsdValidator.js';
import { PinLockingPkcs11 } from '../fake-eid/PinLockingPkcs11.js';
import { softhsmModulePath } from '../fake-eid/softhsmModulePath.js';
import { startSimulatorServer } from '../server/startSimulatorServer.js';
import { startInProcessSimulator } from '../sim-mode/startInProcessSimulator.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const run = promisify(execFile);

/** Every folder and file under `root` with its permission bits, relative paths. */
function modes(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (path: string, name: string) => {
    const stat = statSync(path);
    found[name] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry), `${name}/${entry}`);
  };
  walk(root, '.');
  return found;
}

function expectOwnerOnly(root: string): void {
  const found = modes(root);
  for (const [name, mode] of Object.entries(found)) {
    const isDirectory = statSync(join(root, name)).isDirectory();
    expect(`${name} ${mode}`).toBe(`${name} ${isDirectory ? '700' : '600'}`);
  }
}

describe('issue 13: the simulator writes owner-only files whatever the umask', () => {
  let dir: string;
  let umask: number | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehealth-sim-owner-only-'));
  });
  afterEach(() => {
    if (umask !== undefined) process.umask(umask);
    umask = undefined;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('`ehealth-sim card create` under umask 000 makes a 0700 card folder of 0600 files; pull-out and a wrong PIN too', async () => {
    const card = join(dir, 'cards', 'card');
    await run('sh', ['-c', 'umask 000 && exec "$0" --conditions=source --import tsx "$1" card create --dir "$2"', process.execPath, CLI, card], { timeout: 120_000 });
    await run('sh', ['-c', 'umask 000 && exec "$0" --conditions=source --import tsx "$1" card pull-out --dir "$2"', process.execPath, CLI, card], { timeout: 60_000 });
    expect(modes(card)['./card-removed']).toBe('600');
    await run('sh', ['-c', 'umask 000 && exec "$0" --conditions=source --import tsx "$1" card insert --dir "$2"', process.execPath, CLI, card], { timeout: 60_000 });
    // A wrong PIN writes the PIN counter of the PIN-locking module.
    umask = process.umask(0);
    const p11 = new PinLockingPkcs11(card);
    p11.load(softhsmModulePath());
    p11.C_Initialize();
    try {
      const [slot] = p11.C_GetSlotList(true);
      const session = p11.C_OpenSession(slot!, 4 /* CKF_SERIAL_SESSION */);
      expect(() => p11.C_Login(session, 1 /* CKU_USER */, '0000')).toThrow(/CKR_PIN_INCORRECT/);
    } finally {
      p11.C_Finalize();
    }
    expect(Object.keys(modes(card))).toEqual(expect.arrayContaining(['./softhsm2.conf', './tokens', './pin-tries.json']));
    expectOwnerOnly(card);
    // The folder given is created 0700 with its missing parents.
    expect(modes(join(dir, 'cards'))['.']).toBe('700');
  }, 180_000);

  it('keeps the in-process simulator state (folder and file) and the loopback server state owner-only under umask 000', async () => {
    umask = process.umask(0);
    const stateDir = join(dir, 'state');
    const simulator = await startInProcessSimulator({ stateDir });
    await simulator.advance(1000);
    await simulator.close();
    expect(Object.keys(modes(stateDir))).toContain('./simulator-state.json');
    expectOwnerOnly(stateDir);

    const statePath = join(dir, 'server-state.json');
    const server = await startSimulatorServer({ statePath, seed: 'owner-only' });
    await server.close();
    expect((statSync(statePath).mode & 0o777).toString(8)).toBe('600');
  });

  it('runs xmllint on owner-only temporary XSD and XML files in a 0700 folder, and leaves nothing behind', async () => {
    const tmp = join(dir, 'tmp');
    const bin = join(dir, 'bin');
    const seen = join(dir, 'seen-by-xmllint.txt');
    await run('mkdir', ['-p', tmp, bin]);
    // An xmllint in front of the real one that records the mode of every file it is given.
    writeFileSync(join(bin, 'xmllint'), `#!/bin/sh\nfor f in "$@"; do case "$f" in /*) stat -c '%a %n' "$f" "$(dirname "$f")" >> '${seen}';; esac; done\nexec /usr/bin/xmllint "$@"\n`);
    chmodSync(join(bin, 'xmllint'), 0o755);
    const saved = { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR };
    umask = process.umask(0);
    process.env.PATH = `${bin}:${process.env.PATH ?? ''}`;
    process.env.TMPDIR = tmp;
    try {
      const validator = new XsdValidator(undefined, 'native');
      const result = await validator.validate('<GetGenericOrganizationTypesRequest xmlns="urn:be:fgov:ehealth:certra:protocol:v2"/>');
      expect(result.errors.join(' ')).not.toMatch(/failed to load|No such file/);
      validator.close();
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved.TMPDIR;
    }
    const lines = (await readFile(seen, 'utf8')).trim().split('\n');
    expect(lines.some((line) => /^600 .*\/all\.xsd$/.test(line))).toBe(true);
    expect(lines.some((line) => /^600 .*\.xml$/.test(line))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^(600 .*\.(xsd|xml)|700 .*ehealth-sim-xsd-[^/]+)$/);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
