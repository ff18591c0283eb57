import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyEntry, KeystoreContent } from '@ehealth-cert/core';
import { readPkcs12 } from './Pkcs12Reader.js';
import { writePkcs12 } from './Pkcs12Writer.js';
import { realisticKeystoreContent } from './testing/realisticKeystoreContent.js';

// Passwords reach the tools through the environment (`pass:` would put them in argv, which the
// product never does; here they are test values).
const PASSWORD = 'interop-secret';
const env = { ...process.env, KS_PASS: PASSWORD };

const toolAvailable = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const hasKeytool = toolAvailable('keytool', ['-help']);
const hasOpenssl = toolAvailable('openssl', ['version']);
// Vitest has no skip reason: say it once on stderr so CI logs show why the interop checks did not run.
if (!hasKeytool) console.warn('PKCS#12 interop: keytool tests skipped, keytool is not on PATH (install a JDK 17)');
if (!hasOpenssl) console.warn('PKCS#12 interop: openssl tests skipped, openssl is not on PATH');

let folder: string;
let content: KeystoreContent;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ehealth-interop-'));
  content = realisticKeystoreContent();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const keyAliases = (c: KeystoreContent): string[] => c.entries.filter((e) => e.kind === 'key').map((e) => e.alias).sort();

/** The key pairs with its leaf certificate: the public keys are equal. */
function expectKeyMatchesLeaf(entry: KeyEntry): void {
  const leafKey = new X509Certificate(entry.chain[0]!).publicKey.export({ format: 'der', type: 'spki' });
  expect(Buffer.from(entry.publicKey).equals(leafKey)).toBe(true);
}

/** DER of OID 1.2.840.113549.1.12.1.6 (pbeWithSHAAnd40BitRC2-CBC): proves a fixture really is legacy. */
const RC2_40_OID = Buffer.from('060a2a864886f70d010c0106', 'hex');
const isLegacy = (bytes: Buffer): boolean => bytes.includes(RC2_40_OID);

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.each(['default', 'legacy'] as const)('files we write, %s format', (format) => {
  let path: string;
  beforeAll(async () => {
    path = join(folder, `ours-${format}.p12`);
    await writeFile(path, await writePkcs12(content, PASSWORD, { format, iterations: 2048, now: new Date() }));
  });

  it.skipIf(!hasKeytool)('are listed by keytool with every PrivateKeyEntry', () => {
    const out = run('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', path, '-storepass:env', 'KS_PASS']);
    expect(out).toContain('Your keystore contains 3 entries');
    for (const alias of keyAliases(content)) expect(out).toMatch(new RegExp(`Alias name: ${alias}\\s+Creation date: .*\\s+Entry type: PrivateKeyEntry`));
    expect(out).toMatch(/Alias name: authentication[\s\S]*?Certificate chain length: 2/);
  });

  it.skipIf(!hasOpenssl)('are read by openssl pkcs12 -info with every entry', () => {
    const legacy = format === 'legacy' ? ['-legacy'] : [];
    const out = run('openssl', ['pkcs12', ...legacy, '-info', '-nokeys', '-in', path, '-passin', 'env:KS_PASS']);
    expect(out.match(/friendlyName: /g)?.length).toBe(3 + 2); // 3 leaves named by alias, CA and auth certificates named by DN
    for (const alias of keyAliases(content)) expect(out).toContain(`friendlyName: ${alias}`);
    const info = spawnSync('openssl', ['pkcs12', ...legacy, '-info', '-nokeys', '-nocerts', '-in', path, '-passin', 'env:KS_PASS'], { env, encoding: 'utf8' });
    expect(info.stderr).toContain(format === 'default' ? 'MAC: sha256' : 'MAC: sha1');
    expect(info.stderr).toContain(format === 'default' ? 'PBES2, PBKDF2, AES-256-CBC' : 'pbeWithSHA1And40BitRC2-CBC');
  });

  it.skipIf(!hasOpenssl)('give openssl the private keys', () => {
    const legacy = format === 'legacy' ? ['-legacy'] : [];
    const out = run('openssl', ['pkcs12', ...legacy, '-nocerts', '-nodes', '-in', path, '-passin', 'env:KS_PASS']);
    expect(out.match(/BEGIN PRIVATE KEY/g)?.length).toBe(3);
  });
});

describe.skipIf(!hasKeytool)('a pending key (no certificate yet)', () => {
  it('is listed by keytool as a PrivateKeyEntry with the C=Dummy placeholder (DOMAIN.md 2.4 item 9)', async () => {
    const auth = content.entries[0] as KeyEntry;
    const path = join(folder, 'pending.p12');
    await writeFile(path, await writePkcs12({ entries: [{ ...auth, chain: [] }] }, PASSWORD, { format: 'legacy', iterations: 2048, now: new Date() }));
    const out = run('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', path, '-storepass:env', 'KS_PASS']);
    expect(out).toMatch(/Alias name: authentication[\s\S]*Entry type: PrivateKeyEntry[\s\S]*Owner: C=Dummy\s+Issuer: C=Dummy\s+Serial number: 0/);
    expect(out).toContain('Signature algorithm name: SHA256withRSA');
  });
});

describe.skipIf(!hasKeytool)('files keytool writes', () => {
  it.each([
    ['default', []],
    ['legacy', ['-J-Dkeystore.pkcs12.legacy']],
  ] as const)('are read back in the %s format with aliases, keys and chains', async (format, flags) => {
    const path = join(folder, `keytool-${format}.p12`);
    const common = ['-keystore', path, '-storetype', 'PKCS12', '-storepass:env', 'KS_PASS', '-keyalg', 'RSA', '-keysize', '2048'];
    run('keytool', [...flags, '-genkeypair', '-alias', 'ca', '-dname', 'CN=Keytool CA,O=Test,C=BE', '-ext', 'bc:c', ...common]);
    // JDK 17 `-signer`: the leaf is issued by the CA entry, so its chain is [leaf, CA].
    run('keytool', [...flags, '-genkeypair', '-alias', 'authentication', '-dname', 'CN=SSIN\\=85073003328,O=Federal Government,C=BE', '-signer', 'ca', '-signerkeypass:env', 'KS_PASS', ...common]);
    const bytes = await readFile(path);
    expect(isLegacy(bytes)).toBe(format === 'legacy');
    const back = await readPkcs12(bytes, PASSWORD, path);
    expect(keyAliases(back)).toEqual(['authentication', 'ca']);
    const auth = back.entries.find((e): e is KeyEntry => e.kind === 'key' && e.alias === 'authentication')!;
    expect(auth.chain).toHaveLength(2);
    expect(new X509Certificate(auth.chain[1]!).subject).toContain('CN=Keytool CA');
    expectKeyMatchesLeaf(auth);
    await expect(readPkcs12(await readFile(path), 'wrong', path)).rejects.toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG' });
  });
});

describe.skipIf(!hasOpenssl)('files openssl pkcs12 -export writes', () => {
  it.each([
    ['default', []],
    ['legacy', ['-legacy']],
    ['no-MAC', ['-nomac']],
  ] as const)('are read back in the %s format with alias, key and chain', async (format, flags) => {
    const dir = join(folder, `openssl-${format}`);
    run('mkdir', ['-p', dir]);
    const auth = content.entries[0] as KeyEntry;
    const pem = (label: string, der: Uint8Array): string => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
    await writeFile(join(dir, 'key.pem'), pem('PRIVATE KEY', auth.privateKey));
    await writeFile(join(dir, 'leaf.pem'), pem('CERTIFICATE', auth.chain[0]!));
    await writeFile(join(dir, 'ca.pem'), pem('CERTIFICATE', auth.chain[1]!));
    const path = join(dir, 'out.p12');
    run('openssl', ['pkcs12', '-export', ...flags, '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'leaf.pem'), '-certfile', join(dir, 'ca.pem'),
      '-name', 'authentication', '-passout', 'env:KS_PASS', '-out', path]);
    const bytes = await readFile(path);
    expect(isLegacy(bytes)).toBe(format === 'legacy');
    const back = await readPkcs12(bytes, PASSWORD, path);
    expect(back.entries.filter((e) => e.kind === 'key')).toEqual([auth]);
    // Without a MAC, the failed decryption is what reveals a wrong password.
    await expect(readPkcs12(bytes, 'wrong', path)).rejects.toMatchObject({ code: 'KEYSTORE_PASSWORD_WRONG' });
  });
});
