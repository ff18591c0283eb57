import { createHmac } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EhealthCertError, type KeyEntry, type KeystoreContent } from '@ehealth-cert/core';
import type * as asn1js from 'asn1js';
import { describeCertificate } from '../pki/describeCertificate.js';
import { childrenOf, der, explicitOf, octetsOf, parseAsn1 } from './Asn1.js';
import { type KeystoreFileSystem, nodeKeystoreFileSystem } from './KeystoreFileSystem.js';
import { KeystoreFolderGuard } from './KeystoreFolderGuard.js';
import { JsonPendingRequests } from '../pending-requests/JsonPendingRequests.js';
import { Pkcs12KeystoreVault, type Pkcs12KeystoreVaultOptions } from './Pkcs12KeystoreVault.js';
import { bmpPassword, pkcs12Kdf } from './Pkcs12Kdf.js';
import { usesPkcs12Pbe } from './Pkcs12Reader.js';
import { type FailingStep, failingFileSystem } from './testing/FailingFileSystem.js';
import { folderSnapshot } from './testing/folderSnapshot.js';
import { realisticKeystoreContent, TEST_AUTH_DN, TEST_CA_DN } from './testing/realisticKeystoreContent.js';

const NAME = 'SSIN=85073003328';
const PASSWORD = 'correct horse battery staple';

/** A clock that starts at a fixed local time and advances one second per reading unless frozen. */
function steppingClock(start = new Date(2025, 10, 17, 12, 24, 25), step = 1000): { now(): Date } {
  let t = start.getTime();
  return { now: () => new Date((t += step) - step) };
}

/** The real file system, except that reads for which `damage(path, nth read of path)` holds come back with one byte flipped. */
function damagingReads(damage: (path: string, count: number) => boolean): KeystoreFileSystem {
  const reads = new Map<string, number>();
  return {
    ...nodeKeystoreFileSystem,
    readFile: async (path) => {
      const count = (reads.get(path) ?? 0) + 1;
      reads.set(path, count);
      const bytes = await nodeKeystoreFileSystem.readFile(path);
      if (damage(path, count)) bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
      return bytes;
    },
  };
}

let content: KeystoreContent;
let folder: string;

beforeAll(() => {
  content = realisticKeystoreContent();
});
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ehealth-keystore-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const vault = (options: Partial<Pkcs12KeystoreVaultOptions> = {}): Pkcs12KeystoreVault =>
  new Pkcs12KeystoreVault({ environment: 'acc', folder: join(folder, 'keystore'), iterations: 1024, clock: steppingClock(), ...options });

async function errorOf(promise: Promise<unknown>): Promise<EhealthCertError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EhealthCertError) return error;
    throw error;
  }
  throw new Error('expected an EhealthCertError');
}

describe('Pkcs12KeystoreVault', () => {
  it.each(['modern', 'legacy'] as const)('round-trips a realistic keystore in the %s format', async (format) => {
    const v = vault({ format });
    const path = await v.save(NAME, content, PASSWORD);
    expect(path).toBe(join(folder, 'keystore', `${NAME} 20251117-122425.acc-p12`));
    const back = await v.open(path, PASSWORD);
    const keys = back.entries.filter((e) => e.kind === 'key');
    expect(keys).toEqual(content.entries.filter((e) => e.kind === 'key'));
    const certificates = back.entries.filter((e) => e.kind === 'certificate').map((e) => e.alias).sort();
    expect(certificates).toEqual([TEST_AUTH_DN, TEST_CA_DN].sort());
  });

  it('creates the folder 0700 and files 0600', async () => {
    const path = await vault().save(NAME, content, PASSWORD);
    expect((await stat(join(folder, 'keystore'))).mode & 0o777).toBe(0o700);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('stores a key without certificate under a C=Dummy placeholder and reads that placeholder back as its chain', async () => {
    const auth = content.entries[0]!;
    if (auth.kind !== 'key') throw new Error('fixture');
    const v = vault();
    const back = await v.open(await v.save(NAME, { entries: [{ ...auth, chain: [] }] }, PASSWORD), PASSWORD);
    const [entry] = back.entries;
    if (entry?.kind !== 'key') throw new Error('a key entry was expected');
    expect(entry.chain).toHaveLength(1);
    expect(describeCertificate(entry.chain[0]!)).toMatchObject({ placeholder: true, subject: 'C=Dummy' });
    // Core saves a pending key with its placeholder (DOMAIN.md 2.4 item 9) and must read it back unchanged.
    const again = await v.open(await v.save(NAME, back, PASSWORD), PASSWORD);
    expect(again.entries).toEqual(back.entries);
  });

  it('never overwrites: each save is a new file, a second save in the same second takes the next second', async () => {
    const frozen = new Date(2025, 0, 2, 3, 4, 5);
    const v = vault({ clock: { now: () => frozen } });
    const first = await v.save(NAME, content, PASSWORD);
    const before = await folderSnapshot(join(folder, 'keystore'));
    const second = await v.save(NAME, content, PASSWORD);
    expect(first).toMatch(/20250102-030405\.acc-p12$/);
    expect(second).toMatch(/20250102-030406\.acc-p12$/);
    const after = await folderSnapshot(join(folder, 'keystore'));
    expect(after).toMatchObject(before);
    expect(Object.keys(after)).toHaveLength(2);
    expect((await v.findLatest(NAME))?.path).toBe(second);
  });

  it('finds the newest keystore of an identifier, tolerating dash/dot variants, in its environment only', async () => {
    const v = vault();
    const dir = join(folder, 'keystore');
    const saved = await v.save(NAME, content, PASSWORD);
    await writeFile(join(dir, `${NAME}-20300101-000000.acc.p12`), 'x');
    await writeFile(join(dir, `${NAME} 20400101-000000.p12`), 'x'); // production: another environment
    await writeFile(join(dir, 'SSIN=1 20500101-000000.acc-p12'), 'x');
    expect((await v.findLatest(NAME))?.path).toBe(join(dir, `${NAME}-20300101-000000.acc.p12`));
    expect(await v.findLatest('SSIN=2')).toBeUndefined();
    const listed = await v.list();
    expect(listed.map((f) => f.environment)).toEqual(['acc', 'prd', 'acc', 'acc']);
    expect(listed.at(-1)?.path).toBe(saved);
  });

  it('tells a wrong password, a corrupt file and a missing file apart', async () => {
    const v = vault();
    const path = await v.save(NAME, content, PASSWORD);
    expect((await errorOf(v.open(path, 'wrong'))).code).toBe('KEYSTORE_PASSWORD_WRONG');
    const garbage = join(folder, 'garbage.p12');
    await writeFile(garbage, 'this is not DER');
    const corrupt = await errorOf(v.open(garbage, PASSWORD));
    expect(corrupt.code).toBe('KEYSTORE_CORRUPT');
    expect(corrupt.message).toContain(garbage);
    expect((await errorOf(v.open(join(folder, 'absent.p12'), PASSWORD))).code).toBe('KEYSTORE_NOT_FOUND');
  });

  it('reports a truncated keystore as corrupt, not as a wrong password', async () => {
    const v = vault();
    const path = await v.save(NAME, content, PASSWORD);
    const bytes = await nodeKeystoreFileSystem.readFile(path);
    const truncated = join(folder, 'truncated.p12');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 100));
    expect((await errorOf(v.open(truncated, PASSWORD))).code).toBe('KEYSTORE_CORRUPT');
  });

  it('changes the password into a new file and moves the old one, byte for byte, to superseded/', async () => {
    const v = vault();
    const old = await v.save(NAME, content, PASSWORD);
    const oldBytes = await nodeKeystoreFileSystem.readFile(old);
    const { path: created, previousPath } = await v.changePassword(old, PASSWORD, 'new password');
    expect(created).not.toBe(old);
    expect((await v.open(created, 'new password')).entries).toHaveLength(content.entries.length);
    expect(previousPath).toBe(join(folder, 'keystore', 'superseded', basename(old)));
    expect(await readdir(join(folder, 'keystore'))).toEqual(expect.not.arrayContaining([basename(old)]));
    expect(await nodeKeystoreFileSystem.readFile(previousPath)).toEqual(oldBytes);
    expect((await v.findLatest(NAME))?.path).toBe(created);
    expect((await v.list()).map((file) => file.path)).toEqual([created]);
    expect(await v.listSuperseded()).toEqual([expect.objectContaining({ path: previousPath, baseName: NAME, environment: 'acc', superseded: true })]);
  });

  it('leaves the old keystore the newest, untouched, when the re-encrypted file does not reopen', async () => {
    const v = vault();
    const old = await v.save(NAME, content, PASSWORD);
    const before = await folderSnapshot(join(folder, 'keystore'));
    // The new file reads back right once (the write check), then comes back damaged (the reopen).
    const failing = vault({ fileSystem: damagingReads((path, count) => path !== old && count >= 2), clock: steppingClock(new Date(2026, 0, 1)) });
    const error = await errorOf(failing.changePassword(old, PASSWORD, 'n3w-s3cret'));
    expect(error.code).toBe('KEYSTORE_WRITE_FAILED');
    expect(JSON.stringify([error.message, error.details])).not.toMatch(/n3w-s3cret|correct horse/);
    const after = await folderSnapshot(join(folder, 'keystore'));
    expect(after[basename(old)]).toBe(before[basename(old)]);
    expect(Object.keys(after).filter((name) => !(name in before))).toEqual([expect.stringMatching(/ 20260101-000000\.acc-p12\.unverified-20260101-000000$/)]);
    expect((await v.findLatest(NAME))?.path).toBe(old);
  });

  it('puts a saved file that does not read back as written aside, so it never becomes the newest keystore', async () => {
    const old = await vault().save(NAME, content, PASSWORD);
    const before = await folderSnapshot(join(folder, 'keystore'));
    const failing = vault({ fileSystem: damagingReads((path) => path !== old), clock: steppingClock(new Date(2026, 0, 1)) });
    const error = await errorOf(failing.save(NAME, content, PASSWORD));
    expect(error.code).toBe('KEYSTORE_WRITE_FAILED');
    const after = await folderSnapshot(join(folder, 'keystore'));
    expect(after[basename(old)]).toBe(before[basename(old)]);
    expect(Object.keys(after).filter((name) => !(name in before))).toEqual([expect.stringMatching(/\.acc-p12\.unverified-\d{8}-\d{6}$/)]);
    expect((await vault().findLatest(NAME))?.path).toBe(old);
  });

  it('keeps a legacy file legacy when it changes the password, for the old software that reads it', async () => {
    const old = await vault({ format: 'legacy' }).save(NAME, content, PASSWORD);
    const { path: created } = await vault({ format: 'modern' }).changePassword(old, PASSWORD, 'new password');
    const bytes = await nodeKeystoreFileSystem.readFile(created);
    expect(usesPkcs12Pbe(bytes)).toBe(true);
    expect(usesPkcs12Pbe(await nodeKeystoreFileSystem.readFile(await vault().save(NAME, content, PASSWORD)))).toBe(false);
    expect((await vault().open(created, 'new password')).entries).toHaveLength(content.entries.length);
  });

  it('saves and changes the password on a file system without hard links (check then rename), never replacing a file', async () => {
    const noLinks: KeystoreFileSystem = {
      ...nodeKeystoreFileSystem,
      link: async () => {
        throw Object.assign(new Error('EPERM: hard links are not supported'), { code: 'EPERM' });
      },
    };
    const v = vault({ fileSystem: noLinks });
    const old = await v.save(NAME, content, PASSWORD);
    const oldBytes = await nodeKeystoreFileSystem.readFile(old);
    const { path: created, previousPath } = await v.changePassword(old, PASSWORD, 'new password');
    expect((await v.open(created, 'new password')).entries).toHaveLength(content.entries.length);
    const names = await readdir(join(folder, 'keystore'));
    expect(names.sort()).toEqual([basename(created), 'superseded'].sort());
    expect(await readdir(join(folder, 'keystore', 'superseded'))).toEqual([basename(old)]);
    expect(await nodeKeystoreFileSystem.readFile(previousPath)).toEqual(oldBytes);
  });

  it('changes nothing when the old password is wrong', async () => {
    const v = vault();
    const old = await v.save(NAME, content, PASSWORD);
    const before = await folderSnapshot(join(folder, 'keystore'));
    expect((await errorOf(v.changePassword(old, 'wrong', 'new password'))).code).toBe('KEYSTORE_PASSWORD_WRONG');
    expect(await folderSnapshot(join(folder, 'keystore'))).toEqual(before);
  });

  it('writes the certificate chain as PEM beside the keystore, 0600, never replacing one', async () => {
    const v = vault();
    const path = await v.save(NAME, content, PASSWORD);
    const chain = (content.entries[0] as KeyEntry).chain;
    const first = await v.writeCertificateChain(path, chain);
    expect(first).toBe(join(folder, 'keystore', `${NAME} 20251117-122425.chain.pem`));
    const pem = (await nodeKeystoreFileSystem.readFile(first)).toString();
    expect(pem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(chain.length);
    expect(pem).toContain(Buffer.from(chain[0] as Uint8Array).toString('base64').slice(0, 60));
    expect((await stat(first)).mode & 0o777).toBe(0o600);
    const second = await v.writeCertificateChain(path, chain.slice(0, 1));
    expect(second).not.toBe(first);
    expect((await nodeKeystoreFileSystem.readFile(first)).toString()).toBe(pem);
  });

  it('refuses content Java could not use, before writing anything', async () => {
    const [auth, etk] = content.entries as [KeyEntry, KeyEntry];
    const v = vault();
    expect((await errorOf(v.save(NAME, { entries: [auth, { ...etk, alias: 'authentication' }] }, PASSWORD))).code).toBe('INVALID_INPUT');
    expect((await errorOf(v.save(NAME, { entries: [{ ...auth, chain: etk.chain }] }, PASSWORD))).code).toBe('KEYSTORE_MISMATCH');
    expect((await errorOf(v.save(NAME, { entries: [{ ...auth, privateKey: Buffer.from('no key') }] }, PASSWORD))).code).toBe('INVALID_INPUT');
    await expect(readdir(join(folder, 'keystore'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('rejects a base name with a path separator', async () => {
    expect((await errorOf(vault().save('SSIN=1/../../x', content, PASSWORD))).code).toBe('INVALID_INPUT');
  });

  it('reports a save as done once the file has its name, even when the temp name cannot be removed', async () => {
    const dir = join(folder, 'keystore');
    const existing = await vault().save(NAME, content, PASSWORD);
    const before = await folderSnapshot(dir);
    const path = await vault({ fileSystem: failingFileSystem(nodeKeystoreFileSystem, 'unlink', 'EIO'), clock: steppingClock(new Date(2026, 0, 1)) }).save(NAME, content, PASSWORD);
    expect((await vault().open(path, PASSWORD)).entries).toHaveLength(content.entries.length);
    expect((await folderSnapshot(dir))[basename(existing)]).toBe(before[basename(existing)]);
    expect((await vault().findLatest(NAME))?.path).toBe(path);
    // Only the hidden temp name may be left over.
    expect((await readdir(dir)).filter((name) => name !== basename(existing) && name !== basename(path))).toEqual([expect.stringMatching(/^\..*\.tmp-[0-9a-f]+$/)]);
  });

  describe('failures leave every existing file byte-for-byte as it was', () => {
    // mkdir is called only when the folder does not exist yet: see "creates a missing folder" below.
    const cases: [FailingStep, string][] = [
      ['open', 'EACCES'],
      ['write', 'ENOSPC'],
      ['sync', 'EIO'],
      ['close', 'ENOSPC'],
      ['link', 'ENOSPC'],
      ['readFile', 'EIO'],
    ];
    it.each(cases)('failure at %s (%s)', async (step, code) => {
      const dir = join(folder, 'keystore');
      const existing = await vault().save(NAME, content, PASSWORD);
      const before = await folderSnapshot(dir);
      const failing = vault({ fileSystem: failingFileSystem(nodeKeystoreFileSystem, step, code), clock: steppingClock(new Date(2026, 0, 1)) });
      const error = await errorOf(failing.save(NAME, content, PASSWORD));
      expect(error.code).toBe('KEYSTORE_WRITE_FAILED');
      expect(error.message).toContain(code);
      const after = await folderSnapshot(dir);
      // The existing keystore is untouched and still the newest; a file under a new name may exist only if it opens.
      expect(after[`${NAME} 20251117-122425.acc-p12`]).toBe(before[`${NAME} 20251117-122425.acc-p12`]);
      expect((await vault().findLatest(NAME))?.path).toBe(existing);
      for (const name of Object.keys(after)) {
        if (name in before) continue;
        expect(name.startsWith('.')).toBe(false);
        expect((await vault().open(join(dir, name), PASSWORD)).entries).toHaveLength(content.entries.length);
      }
      expect(existing).toBeDefined();
    });
  });
});

describe('the keystore folder', () => {
  it('creates a missing folder (0700) at the first save, and names a failure to create it', async () => {
    const dir = join(folder, 'keystore');
    const error = await errorOf(vault({ fileSystem: failingFileSystem(nodeKeystoreFileSystem, 'mkdir', 'EROFS') }).save(NAME, content, PASSWORD));
    expect(error.code).toBe('KEYSTORE_WRITE_FAILED');
    expect(error.message).toContain('EROFS');
    const v = vault();
    expect(await v.list()).toEqual([]);
    await v.save(NAME, content, PASSWORD);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('is an error (KEYSTORE_FOLDER_MISSING), not silently created again, when it disappears after it was seen', async () => {
    const dir = join(folder, 'keystore');
    const v = vault();
    const first = await v.save(NAME, content, PASSWORD);
    await rm(dir, { recursive: true });
    const error = await errorOf(v.save(NAME, content, PASSWORD));
    expect(error.code).toBe('KEYSTORE_FOLDER_MISSING');
    expect(error.message).toContain(dir);
    // The file a replacing save names is gone with its folder: not found, and nothing is created.
    expect((await errorOf(v.save(NAME, content, PASSWORD, { replaces: first }))).code).toBe('KEYSTORE_NOT_FOUND');
    expect((await errorOf(v.list())).code).toBe('KEYSTORE_FOLDER_MISSING');
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to re-create it for the pending-requests record either, when both share the folder guard', async () => {
    const dir = join(folder, 'keystore');
    const guard = new KeystoreFolderGuard(dir, nodeKeystoreFileSystem);
    const v = vault({ folderGuard: guard });
    const pending = new JsonPendingRequests({ folder: dir, folderGuard: guard });
    await v.save(NAME, content, PASSWORD);
    await rm(dir, { recursive: true });
    const request = { reference: 'ab'.repeat(20), environment: 'acc', certificateName: NAME, dn: 'CN=x', keystorePath: join(dir, 'x.acc-p12'), requestedAt: new Date(), lastStatus: 'sending', automaticallyValidated: false } as const;
    expect((await errorOf(pending.record(request))).code).toBe('KEYSTORE_FOLDER_MISSING');
    await pending.update(request.reference, { lastStatus: 'pending' });
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('superseded keystores', () => {
  it('a replacing save keeps a legacy file legacy unless a format is chosen, and the chosen format wins', async () => {
    const v = vault();
    const legacy = await vault({ format: 'legacy' }).save(NAME, content, PASSWORD);
    const kept = await v.save(NAME, content, PASSWORD, { replaces: legacy });
    expect(usesPkcs12Pbe(await nodeKeystoreFileSystem.readFile(kept))).toBe(true);
    const modern = await v.save(NAME, content, PASSWORD, { replaces: kept, format: 'modern' });
    expect(usesPkcs12Pbe(await nodeKeystoreFileSystem.readFile(modern))).toBe(false);
    const backToLegacy = await v.save(NAME, content, PASSWORD, { replaces: modern, format: 'legacy' });
    expect(usesPkcs12Pbe(await nodeKeystoreFileSystem.readFile(backToLegacy))).toBe(true);
    expect((await v.list()).map((file) => file.path)).toEqual([backToLegacy]);
    expect((await readdir(join(folder, 'keystore', 'superseded'))).sort()).toEqual([legacy, kept, modern].map((path) => basename(path)).sort());
  });

  it('keeps the replaced file in the folder (older, so not picked) when the move to superseded/ fails; the save stands', async () => {
    const v = vault();
    const request = await v.save(NAME, content, PASSWORD);
    // The first link is the new file's; the second, the move, fails.
    const failing = vault({ fileSystem: failingFileSystem(nodeKeystoreFileSystem, 'link', 'EACCES', 2), clock: steppingClock(new Date(2026, 0, 1)) });
    const completed = await failing.save(NAME, content, PASSWORD, { replaces: request });
    expect((await v.list()).map((file) => file.path)).toEqual([completed, request]);
    expect((await v.findLatest(NAME))?.path).toBe(completed);
  });

  it('does not reuse in the folder a name that is in superseded/ (several saves in one second)', async () => {
    const frozen = { now: () => new Date(2026, 0, 1, 10, 0, 0) };
    const v = vault({ clock: frozen });
    const first = await v.save(NAME, content, PASSWORD);
    const second = await v.save(NAME, content, PASSWORD, { replaces: first });
    const third = await v.save(NAME, content, PASSWORD, { replaces: second });
    expect(new Set([first, second, third].map((path) => basename(path))).size).toBe(3);
    expect(await readdir(join(folder, 'keystore', 'superseded'))).toEqual(expect.arrayContaining([basename(first), basename(second)]));
  });

  it('lists the .old- files of earlier password changes as superseded', async () => {
    const dir = join(folder, 'keystore');
    const v = vault();
    const path = await v.save(NAME, content, PASSWORD);
    await rename(path, `${path}.old-20251117-122430`);
    const [old, ...others] = await v.listSuperseded();
    expect(others).toEqual([]);
    expect(old).toMatchObject({ path: join(dir, `${basename(path)}.old-20251117-122430`), baseName: NAME, environment: 'acc', superseded: true });
    expect(await v.list()).toEqual([]);
  });
});

/** The same file with its MAC recomputed under `password` (RFC 7292 appendix B, purpose 3): intact bytes, content under another password. */
function withMacUnder(pfx: Buffer, password: string): Buffer {
  const [version, authSafe, macData] = childrenOf(parseAsn1(pfx, 'PFX'), 'PFX', 3);
  const authenticated = octetsOf(explicitOf(childrenOf(authSafe, 'authSafe', 2)[1], 0, 'content'), 'authSafe');
  const [digestInfo, salt, iterations] = childrenOf(macData, 'MacData', 3);
  const key = pkcs12Kdf('sha256', bmpPassword(password), octetsOf(salt, 'salt'), 3, Number((iterations as asn1js.Integer).toBigInt()), 32);
  const mac = createHmac('sha256', key).update(authenticated).digest();
  const algorithm = childrenOf(digestInfo, 'DigestInfo', 2)[0]!;
  return der.encode(der.sequence(version!, authSafe!, der.sequence(der.sequence(algorithm, der.octets(mac)), salt!, iterations!)));
}

describe('damaged files', () => {
  it.each(['modern', 'legacy'] as const)('report every flipped byte of a %s file as corrupt, never as a wrong password', async (format) => {
    const small = { entries: content.entries.slice(0, 2) };
    const path = await vault({ format, iterations: 64 }).save(NAME, small, PASSWORD);
    const bytes = await nodeKeystoreFileSystem.readFile(path);
    const v = vault();
    const positions = Array.from({ length: 60 }, (_, i) => Math.floor((i * bytes.length) / 60));
    for (const position of positions) {
      const damaged = Buffer.from(bytes);
      damaged[position] = damaged[position]! ^ 0x5a;
      const target = join(folder, `flipped-${position}.p12`);
      await writeFile(target, damaged);
      const error = await errorOf(v.open(target, PASSWORD));
      expect(error.code, `byte ${position} of ${bytes.length}`).toBe('KEYSTORE_CORRUPT');
    }
    expect((await errorOf(v.open(path, 'wrong'))).code).toBe('KEYSTORE_PASSWORD_WRONG');
  });

  it('says "another password" when the password checks the MAC but the content was encrypted under another one', async () => {
    const path = await vault().save(NAME, { entries: content.entries.slice(0, 1) }, 'the keys password');
    const mixed = join(folder, `${NAME} 20251117-122426.acc-p12`);
    await writeFile(mixed, withMacUnder(await nodeKeystoreFileSystem.readFile(path), PASSWORD));
    const error = await errorOf(vault().open(mixed, PASSWORD));
    expect(error.code).toBe('KEYSTORE_PASSWORD_WRONG');
    expect(error.details).toMatchObject({ reason: 'content-password-differs' });
    expect(error.message).not.toContain(PASSWORD);
  });
});
