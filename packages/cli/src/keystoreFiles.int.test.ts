import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { InProcessSimulator } from '@ehealth-cert/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';
import { captureIo } from './test-support/captureIo.js';
import { SIM_CONTACT, startSimCli, stopSimCli } from './test-support/simCli.js';
import { validateCliOutput } from './test-support/validateCliOutput.js';

/**
 * Issue 13, "files an operator can follow", through the CLI on the simulator: one current keystore
 * per certificate (the replaced files in superseded/), `keystores`, where `passwd` puts the old file,
 * the keystore format (`--keystore-format`, EHEALTH_CERT_KEYSTORE_FORMAT), a PKCS#12 that is not an
 * eHealth keystore, and an empty EHEALTH_CERT_KEYSTORE_DIR.
 */
let dir: string;
let simulator: InProcessSimulator;
let env: Record<string, string>;
const PASSWORD = 'paarden-staan-op-stal-42';
const CONTACT = SIM_CONTACT;

async function cli(argv: readonly string[], extraEnv: Record<string, string | undefined> = {}) {
  const run = captureIo({ ...env, ...extraEnv });
  const code = await runCli(argv, run.io, { adapters: { simulator } });
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** `--json` output, checked against the command's schema. */
async function json(argv: readonly string[], extraEnv: Record<string, string | undefined> = {}) {
  const run = await cli([...argv, '--json'], extraEnv);
  const document = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(validateCliOutput(argv[0] ?? '', document), run.stdout).toEqual([]);
  return { ...run, document };
}

/** What `openssl pkcs12 -info` says of the algorithms of a file (on stderr); `legacy`: with the legacy provider. Fails if it cannot read it. */
function pkcs12Info(path: string, legacy: boolean): string {
  const run = spawnSync('openssl', ['pkcs12', '-info', '-in', path, '-noout', '-passin', 'env:P', ...(legacy ? ['-legacy'] : [])], {
    env: { ...process.env, P: PASSWORD },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return `${run.stdout}${run.stderr}`;
}

beforeAll(async () => {
  ({ dir, env, simulator } = await startSimCli('ehealth-cert-files-', { lang: 'fr_BE.UTF-8', password: PASSWORD }));
});

afterAll(() => stopSimCli({ dir, simulator }));

describe('files an operator can follow (issue 13)', () => {
  it('one current keystore per certificate: completion and passwd move the replaced files to superseded/, `keystores` marks them', async () => {
    const request = await json(['request', '--org', 'auto', '--org-index', '1', '--accept-terms', ...CONTACT]);
    expect(request.code, request.stderr).toBe(0);
    const requestKeystore = request.document['keystorePath'] as string;
    const folder = dirname(requestKeystore);
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const complete = await json(['complete']);
    expect(complete.code, complete.stderr).toBe(0);
    const completed = complete.document['keystorePath'] as string;

    // The folder holds one keystore of this certificate; the request keystore and the one before the ETK are in superseded/.
    const inFolder = (await readdir(folder)).filter((name) => /p12$/.test(name));
    expect(inFolder).toEqual([basename(completed)]);
    const superseded = await readdir(join(folder, 'superseded'));
    expect(superseded).toHaveLength(2);
    expect(superseded).toContain(basename(requestKeystore));

    const listed = await json(['keystores']);
    expect(listed.code).toBe(0);
    expect(listed.document['keystores']).toEqual([expect.objectContaining({ path: completed, state: 'current', movedToSuperseded: false })]);
    const all = await json(['keystores', '--all']);
    const states = (all.document['keystores'] as { name: string; state: string }[]).map((file) => [file.name, file.state]);
    expect(states).toEqual([[basename(completed), 'current'], ...superseded.sort().reverse().map((name) => [`superseded/${name}`, 'superseded'])].sort((a, b) => (a[1] === b[1] ? 0 : a[1] === 'current' ? -1 : 1)));
    // In words (French): the state of each file and the hint about the hidden ones.
    const words = await cli(['keystores']);
    expect(words.stdout).toMatch(/actuel\s+Service ambulancier,\sn°\sINAMI\s\d+\s+simulateur\s/);
    expect(words.stdout.split('\n').find((line) => line.includes('actuel'))).not.toMatch(/actuel\s+NIHII-AMBU_SERVICE=/);
    expect(words.stdout).toMatch(/2 fichiers remplacés ne sont pas affichés \(--all les affiche\)/);

    // passwd says where the old file really is, and it is there, byte for byte what it was.
    const newPasswordFile = join(dir, 'new-password');
    await writeFile(newPasswordFile, 'un-tout-nouveau-mot-de-passe\n');
    const passwd = await json(['passwd', completed, '--new-password-file', newPasswordFile]);
    expect(passwd.code, passwd.stderr).toBe(0);
    const previous = passwd.document['previousKeystorePath'] as string;
    expect(previous).toBe(join(folder, 'superseded', basename(completed)));
    expect(existsSync(previous)).toBe(true);
    expect(existsSync(completed)).toBe(false);
    const said = await cli(['keystores', '--all']);
    expect(said.stdout).toContain(`superseded/${basename(completed)}`);
    const human = await cli(['passwd', passwd.document['keystorePath'] as string, '--new-password-file', newPasswordFile], {
      EHEALTH_CERT_KEYSTORE_PASSWORD: 'un-tout-nouveau-mot-de-passe',
    });
    // The same password again is refused; the message names nothing moved.
    expect(human.code).toBe(2);
  });

  it('--keystore-format legacy writes the official tool\'s 3DES/RC2/SHA-1 (openssl -legacy, keytool read it); modern (AES-256) by default', async () => {
    const keystoreDir = join(dir, 'formats');
    const legacy = await json(['request', '--org', 'personal', '--accept-terms', '--keystore-format', 'legacy', ...CONTACT], { EHEALTH_CERT_KEYSTORE_DIR: keystoreDir });
    expect(legacy.code, legacy.stderr).toBe(0);
    const legacyFile = legacy.document['keystorePath'] as string;
    const legacyInfo = pkcs12Info(legacyFile, true);
    expect(legacyInfo).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
    expect(legacyInfo).toMatch(/pbeWithSHA1And40BitRC2-CBC/);
    expect(legacyInfo).toMatch(/MAC: sha1/);
    expect(execFileSync('keytool', ['-list', '-storetype', 'PKCS12', '-keystore', legacyFile, '-storepass:env', 'P'], { env: { ...process.env, P: PASSWORD }, encoding: 'utf8' })).toMatch(/authentication/);

    // Completion keeps the format of the file it replaces; passwd can change it.
    await simulator.advance(simulator.issuanceDelayMs + 60_000);
    const complete = await json(['complete', '--keystore', legacyFile], { EHEALTH_CERT_KEYSTORE_DIR: keystoreDir });
    expect(complete.code, complete.stderr).toBe(0);
    expect(pkcs12Info(complete.document['keystorePath'] as string, true)).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);

    const modern = await json(['request', '--org', 'auto', '--org-index', '1', '--app-id', 'FORMATS', '--accept-terms', ...CONTACT], { EHEALTH_CERT_KEYSTORE_DIR: keystoreDir });
    expect(modern.code, modern.stderr).toBe(0);
    const modernInfo = pkcs12Info(modern.document['keystorePath'] as string, false);
    expect(modernInfo).toMatch(/PBES2, PBKDF2, AES-256-CBC/);
    expect(modernInfo).toMatch(/MAC: sha256/);
    expect(modernInfo).not.toMatch(/TripleDES|RC2/);

    // The variable chooses too (same values).
    const byVariable = await json(['request', '--org', 'auto', '--org-index', '1', '--app-id', 'VARIABLE', '--accept-terms', ...CONTACT], {
      EHEALTH_CERT_KEYSTORE_DIR: keystoreDir,
      EHEALTH_CERT_KEYSTORE_FORMAT: 'legacy',
    });
    expect(byVariable.code, byVariable.stderr).toBe(0);
    expect(pkcs12Info(byVariable.document['keystorePath'] as string, true)).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
  });

  it('refuses an unknown format naming the option or the variable and the allowed values, before anything is done', async () => {
    const flag = await cli(['request', '--org', 'auto', '--accept-terms', '--keystore-format', 'aes', ...CONTACT, '--lang', 'en']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--keystore-format/);
    expect(flag.stderr).toMatch(/modern, legacy/);
    const variable = await json(['passwd', join(dir, 'nothing.p12')], { EHEALTH_CERT_KEYSTORE_FORMAT: 'aes' });
    expect(variable.code).toBe(2);
    expect(variable.document['error']).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'EHEALTH_CERT_KEYSTORE_FORMAT', value: 'aes', allowed: ['modern', 'legacy'] } });
  });

  it('says that a readable PKCS#12 without an "authentication" key is not an eHealth keystore (its own message, not "damaged")', async () => {
    const other = join(dir, 'other');
    await mkdir(other);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(other, 'key.pem'), '-out', join(other, 'cert.pem'), '-subj', '/CN=tomcat', '-days', '30'], { stdio: 'ignore' });
    const p12 = join(other, 'server.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', join(other, 'key.pem'), '-in', join(other, 'cert.pem'), '-name', 'tomcat', '-out', p12, '-passout', 'env:P'], {
      env: { ...process.env, P: PASSWORD },
      stdio: 'ignore',
    });
    const inspected = await cli(['inspect', p12]);
    expect(inspected.code).toBe(2);
    expect(inspected.stderr).toMatch(/Ce n'est pas un keystore eHealth/);
    expect(inspected.stderr).toMatch(/« authentication »/);
    expect(inspected.stderr).not.toMatch(/endommagé/);
    const asJson = await json(['inspect', p12, '--lang', 'nl']);
    expect(asJson.document['error']).toMatchObject({ code: 'KEYSTORE_NOT_EHEALTH', exitCode: 2, details: { aliases: ['tomcat'] } });
    expect((asJson.document['error'] as { message: string }).message).toMatch(/Geen eHealth-keystore/);
  });

  it('refuses an empty EHEALTH_CERT_KEYSTORE_DIR (an unset variable in a script) instead of using the current folder', async () => {
    const run = await json(['keystores'], { EHEALTH_CERT_KEYSTORE_DIR: '' });
    expect(run.code).toBe(2);
    expect(run.document['error']).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'EHEALTH_CERT_KEYSTORE_DIR', rule: 'required' } });
    const flag = await json(['keystores', '--keystore-dir', ' ']);
    expect(flag.document['error']).toMatchObject({ code: 'INVALID_INPUT', details: { field: '--keystore-dir' } });
  });
});
