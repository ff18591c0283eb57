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
      const changed = await vault.changePassword(path, PASSWORD, 'another long passphrase 42');
      expect(changed).not.toBe(path);
      expect(entriesOf(await vault.open(changed, 'another long passphrase 42'))).toEqual(entriesOf(content));
      expect(await codeOf(vault.open(changed, PASSWORD))).toBe('KEYSTORE_PASSWORD_WRONG');
      expect((await vault.findLatest(NAME))?.path).toBe(changed);
    });

    it('writes a companion text beside the keystore, never over an earlier one', async () => {
      const path = await vault.save(NAME, target.content(), PASSWORD);
      const stem = path.replace(/\.(acc-)?p12$/, '');
      const first = await vault.writeCompanionFile(path, '.step-16.en.txt', 'first');
      const second = await vault.writeCompanionFile(path, '.step-16.en.txt', 'second');
      expect(first).toBe(`${stem}.step-16.en.txt`);
      expect(second).not.toBe(first);
      expect(second.startsWith(stem)).toBe(true);
    });
  });
}
