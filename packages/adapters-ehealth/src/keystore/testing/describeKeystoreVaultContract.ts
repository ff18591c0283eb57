import { EhealthCertError, type KeystoreContent, type KeystoreVault } from '@ehealth-cert/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** A clock the suite moves: keystore file names carry the second they were saved in (DOMAIN.md 3). */
export interface ContractClock {
  now(): Date;
  advance(by: { readonly seconds?: number; readonly minutes?: number }): void;
}

/** A vault to run the contract against, in environment `acc`, on a clock the suite moves. */
export interface KeystoreVaultContractTarget {
  readonly name: string;
  setUp(clock: ContractClock): Promise<{ readonly vault: KeystoreVault; dispose(): Promise<void> }>;
  /** Content the vault can keep (the real one needs real keys and certificates). */
  content(): KeystoreContent;
}

const NAME = 'SSIN=85073003328';
const PASSWORD = 'correct horse battery staple';

/** A clock standing at a fixed instant until the suite moves it. */
function contractClock(): ContractClock {
  let t = Date.UTC(2025, 10, 17, 11, 24, 25);
  return {
    now: () => new Date(t),
    advance: (by) => {
      t += ((by.minutes ?? 0) * 60 + (by.seconds ?? 0)) * 1000;
    },
  };
}

/**
 * The entries as comparable text, in any order: key entries with every byte of key and chain,
 * certificate entries by alias (a PKCS#12 file does not keep the order of its bags).
 */
function entriesOf(content: KeystoreContent): string[] {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  return content.entries
    .map((entry) =>
      entry.kind === 'key' ? `key ${entry.alias} ${hex(entry.privateKey)} ${hex(entry.publicKey)} ${entry.chain.map(hex).join(',')}` : `certificate ${entry.alias}`,
    )
    .sort();
}

function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (EhealthCertError.is(error)) return error.code;
    throw error;
  }
  throw new Error('expected an EhealthCertError');
}

/** What every KeystoreVault must do, run against the in-memory fake and Pkcs12KeystoreVault alike. */
export function describeKeystoreVaultContract(target: KeystoreVaultContractTarget): void {
  describe(`KeystoreVault contract: ${target.name}`, () => {
    let clock: ContractClock;
    let vault: KeystoreVault;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      clock = contractClock();
      ({ vault, dispose } = await target.setUp(clock));
    });
    afterEach(async () => {
      await dispose();
    });

    it('opens what it saved, with the same entries, and lists it under its base name and environment', async () => {
      const content = target.content();
      const path = await vault.save(NAME, content, PASSWORD);
      expect(entriesOf(await vault.open(path, PASSWORD))).toEqual(entriesOf(content));
      const listed = await vault.list();
      expect(listed.map((file) => ({ path: file.path, baseName: file.baseName, environment: file.environment }))).toEqual([{ path, baseName: NAME, environment: 'acc' }]);
    });

    it('refuses a wrong password (KEYSTORE_PASSWORD_WRONG) and an unknown file (KEYSTORE_NOT_FOUND)', async () => {
      const path = await vault.save(NAME, target.content(), PASSWORD);
      expect(await codeOf(vault.open(path, 'not the password at all'))).toBe('KEYSTORE_PASSWORD_WRONG');
      expect(await codeOf(vault.open(path.replace(/\d{8}-\d{6}/, '19990101-000000'), PASSWORD))).toBe('KEYSTORE_NOT_FOUND');
    });

    it('never overwrites: two saves in the same second give two files, and findLatest names the newer', async () => {
      const first = await vault.save(NAME, target.content(), PASSWORD);
      const second = await vault.save(NAME, target.content(), PASSWORD);
      expect(second).not.toBe(first);
      expect((await vault.list()).map((file) => file.path).sort()).toEqual([first, second].sort());
      clock.advance({ minutes: 5 });
      const third = await vault.save(NAME, target.content(), PASSWORD);
      expect((await vault.findLatest(NAME))?.path).toBe(third);
      expect(await vault.findLatest('SSIN=00000000000')).toBeUndefined();
    });

    it('changes the password into a new file that opens with the new password only', async () => {
      const content = target.content();
      const path = await vault.save(NAME, content, PASSWORD);
      clock.advance({ seconds: 10 });
      const { path: changed, previousPath } = await vault.changePassword(path, PASSWORD, 'another long passphrase 42');
      expect(changed).not.toBe(path);
      // The old file is kept in superseded/ under its own name, and still opens with the old password.
      expect(previousPath.replaceAll('\\', '/')).toMatch(new RegExp(`/superseded/${escapeRegExp(fileNameOf(path))}$`));
      expect(entriesOf(await vault.open(previousPath, PASSWORD))).toEqual(entriesOf(content));
      expect((await vault.list()).map((file) => file.path)).toEqual([changed]);
      expect((await vault.listSuperseded()).map((file) => ({ path: file.path, superseded: file.superseded }))).toEqual([{ path: previousPath, superseded: true }]);
      expect(entriesOf(await vault.open(changed, 'another long passphrase 42'))).toEqual(entriesOf(content));
      expect(await codeOf(vault.open(changed, PASSWORD))).toBe('KEYSTORE_PASSWORD_WRONG');
      expect((await vault.findLatest(NAME))?.path).toBe(changed);
    });

    it('moves the file a save replaces to superseded/ (same bytes, same password) once the new one is written', async () => {
      const content = target.content();
      const request = await vault.save(NAME, content, PASSWORD);
      clock.advance({ minutes: 1 });
      const completed = await vault.save(NAME, content, PASSWORD, { replaces: request });
      expect((await vault.list()).map((file) => file.path)).toEqual([completed]);
      const [moved, ...others] = await vault.listSuperseded();
      expect(others).toEqual([]);
      expect(moved).toMatchObject({ baseName: NAME, environment: 'acc', superseded: true });
      expect(moved!.path.replaceAll('\\', '/')).toMatch(new RegExp(`/superseded/${escapeRegExp(fileNameOf(request))}$`));
      expect(entriesOf(await vault.open(moved!.path, PASSWORD))).toEqual(entriesOf(content));
      expect((await vault.findLatest(NAME))?.path).toBe(completed);
      expect(await codeOf(vault.open(request, PASSWORD))).toBe('KEYSTORE_NOT_FOUND');
    });

    it('refuses a save that would drop a key of the file it replaces, or whose password does not open it, writing nothing', async () => {
      const content = target.content();
      const request = await vault.save(NAME, content, PASSWORD);
      clock.advance({ minutes: 1 });
      const withoutKeys = { entries: content.entries.filter((entry) => entry.kind !== 'key') };
      expect(await codeOf(vault.save(NAME, withoutKeys, PASSWORD, { replaces: request }))).toBe('INVALID_INPUT');
      expect(await codeOf(vault.save(NAME, content, 'another long passphrase 42', { replaces: request }))).toBe('KEYSTORE_PASSWORD_WRONG');
      expect((await vault.list()).map((file) => file.path)).toEqual([request]);
      expect(await vault.listSuperseded()).toEqual([]);
    });

    it('writes a certificate chain as PEM beside the keystore, never over an earlier one', async () => {
      const content = target.content();
      const path = await vault.save(NAME, content, PASSWORD);
      const stem = path.replace(/\.(acc-)?p12$/, '');
      const key = content.entries.find((e) => e.kind === 'key');
      const chain = key?.kind === 'key' ? key.chain : [];
      const first = await vault.writeCertificateChain(path, chain);
      const second = await vault.writeCertificateChain(path, chain);
      expect(first).toBe(`${stem}.chain.pem`);
      expect(second).not.toBe(first);
      expect(second.startsWith(stem)).toBe(true);
    });
  });
}
